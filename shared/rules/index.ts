export * from "./validatePlan";
export * from "./catalogue";
