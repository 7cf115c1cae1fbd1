export * from "./decodeBytes";
export * from "./readSourceText";
export * from "./parseCsv";
