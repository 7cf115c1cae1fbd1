export type * from "./types";
export * from "./surveyFromTable";
export * from "./loadSurvey";
export * from "./applyFilters";
export * from "./reportWarnings";
export * from "./loadDataset";
export type * from "./published";
export * from "./infer";
export {
  readDesignColumns,
  designNumber,
  type DesignColumns,
  type CalibrationColumns,
  type ReplicateColumns,
  type DesignNumberCode,
} from "./readDesignColumns";
export { checkWeight, setStratumFpc } from "./designCellChecks";
