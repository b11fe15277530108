export * from "./findings";
