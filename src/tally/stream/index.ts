export * from "./tallyFile";
export type { FileTally } from "./joinParts";
export { streamableDesign } from "./StreamTallier";
