// Consistency checks of published percentages (GRIM-style): see issue "Checking printed figures".
export { parsePrintedFigure, type PrintedFigure } from "./printedFigure";
export { CONSISTENCY_ROUNDINGS, type ConsistencyOptions, type ConsistencyRounding } from "./consistencyTarget";
export type { DenominatorRange } from "./denominatorRange";
export * from "./isConsistent";
export { numeratorsFor, numeratorRange } from "./numeratorsFor";
export type { IntegerRun } from "./integerRuns";
export { denominatorsFor } from "./denominatorsFor";
export * from "./commonDenominators";
export * from "./checkPartition";
export * from "./checkFigures";
export * from "./checkFigureGroups";
