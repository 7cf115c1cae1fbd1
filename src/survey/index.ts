export type * from "./types";
export * from "./surveyFromTable";
export * from "./loadSurvey";
export * from "./applyFilters";
export * from "./reportWarnings";
export * from "./loadDataset";
export type * from "./published";
export * from "./infer";
export * from "./readDesignColumns";
