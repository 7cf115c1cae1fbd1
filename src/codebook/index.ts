export type * from "./types";
export * from "./parseCodebook";
export * from "./categories";
export * from "./answerCoder";
