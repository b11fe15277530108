export * from "./esCl";
export * from "./excelFormats";
