export type * from "./types";
export * from "./parseCodebook";
export * from "./filters";
export * from "./categories";
export * from "./answerCoder";
export * from "./optionMarks";
export * from "./parseNumberAnswer";
export * from "./translatedLabels";
