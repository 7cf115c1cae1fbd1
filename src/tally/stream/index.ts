export * from "./tallyFile";
export type { FileTally } from "./joinParts";
