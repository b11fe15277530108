export * from "./esCl";
