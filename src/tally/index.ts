export type * from "./types";
export * from "./tallyAnswers";
export * from "./mergeTallies";
