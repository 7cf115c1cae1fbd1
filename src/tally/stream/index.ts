export * from "./tallyFile";
export type { FileTally } from "./joinParts";
export { designStreamRefusal, streamableDesign } from "./StreamTallier";
