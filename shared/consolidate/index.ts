export * from "./consolidation";
export * from "./consolidationInput";
export * from "./consolidate";
export * from "./consolidationSheets";
export * from "./milestoneNames";
