export * from "./validatePlan";
export * from "./catalogue";
export * from "./calls";
export * from "./version";
export * from "./totals";
export * from "./executionPeriod";
export * from "./calendarDate";
export * from "./locate";
export * from "./rule";
export { checkPlanCall, PLAN_RULES, PLAN_002_RULE } from "./planRules";
export {
  COOPERATIVE_RULES, COOP_001_RULE, COOP_002_RULE, COOP_003_RULE, COOP_004_RULE, COOP_005_RULE, COOP_006_RULE, COOP_007_RULE, COOP_008_RULE,
  memberRuts,
} from "./cooperativeRules";
export * from "./openLists";
export * from "./investmentRules";
export * from "./actionRules";
export * from "./milestoneRules";
export * from "./resultRules";
export * from "./followUpRules";
export * from "./packImpact";
