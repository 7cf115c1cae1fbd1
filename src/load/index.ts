export * from "./decodeBytes";
export { rejectBinary } from "./rejectBinary";
export { readSourceBytes, readSourceText, type ReadSourceOptions, type Source } from "./readSourceText";
export * from "./sniffDelimiter";
export * from "./parseCsv";
export {
  EXPORT_FORMATS,
  type ExportFormat,
  type FormatConventions,
  detectExportFormat,
  exportConventions,
  isQualtricsHeaderRows,
  normalizeExport,
} from "./exportFormats";
export * from "./readTable";
export type { Utf8Evidence } from "./Utf8Evidence";
