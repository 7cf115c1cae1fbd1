export { inferCodebook, inferCodebookFromTable, proposeCodebook, proposeCodebookFromTable, type ProposeOptions } from "./inferCodebook";
export type { CodebookProposal, ColumnNote, InferCodebookOptions } from "./types";
export { readDataDictionary, type DataDictionary, type DictionaryField } from "./redcapDictionary";
