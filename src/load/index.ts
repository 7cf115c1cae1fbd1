export * from "./decodeBytes";
export * from "./rejectBinary";
export * from "./readSourceText";
export * from "./sniffDelimiter";
export * from "./parseCsv";
export * from "./exportFormats";
export * from "./readTable";
export type { Utf8Evidence } from "./Utf8Evidence";
