export * from "./validatePlan";
