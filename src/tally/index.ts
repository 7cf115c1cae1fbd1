export type * from "./types";
export * from "./tallyAnswers";
export * from "./mergeTallies";
export * from "./stream";
export * from "./tallyFromCounts";
export * from "./designTally";
