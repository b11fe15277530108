export * from "./grid";
export * from "./parseWorkbook";
export * from "./template";
