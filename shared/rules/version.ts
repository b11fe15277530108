/**
 * Version of the rule set (rule ids, their logic and messages). A plan records the version it was
 * validated with; bump the minor for a new rule or a changed figure, the major for a changed rule id.
 */
export const RULES_VERSION = "1.0.0";
