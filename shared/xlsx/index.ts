export * from "./readWorkbook";
export * from "./writeWorkbook";
export * from "./writeReportWorkbook";
export * from "./workbookReadError";
export * from "./normalizeCell";
export * from "./serialDate";
export * from "./fileSignature";
export * from "./customProperties";
