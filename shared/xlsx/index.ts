export * from "./readWorkbook";
