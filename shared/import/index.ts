/** Importing 12345 hotline exports (CSV, XLSX) into intake drafts. */
export { readImportFile, tableFromRecords } from './table';
export type { ReadFileResult } from './table';
export type { CellValue, ImportTable, SourceRecord } from './table-types';
export { IMPORT_FIELDS, guessCoordSystem, guessMapping, normaliseHeader } from './mapping';
export type { ColumnMapping, ImportField } from './mapping';
export {
  convertRows,
  describeFromCategory,
  missingMappedFields,
  parseUrgency,
  plainLonLat,
  PLAUSIBLE_CHINA_BBOX,
} from './convert';
export type { ConvertOptions } from './convert';
export type { ImportRejection, ImportRejectionKey, ImportResult, IntakeDraft } from './intake-draft';
export { categoryKey, classifyCategory } from './category-match';
export type { CategoryChoices, CategoryMatch } from './category-match';
export { reviewCategories, unmatchedCategories } from './category-review';
export type { CategoryReviewRow } from './category-review';
export { reviewImportTable } from './import-review';
export type { ImportReviewFacts } from './import-review';
export { crsFit, insideArea, parseCoordSystemName, statedCoordSystem, suggestCoordSystem } from './crs-guess';
export type { CrsFit, StatedCoordSystem } from './crs-guess';
export {
  EMPTY_IMPORT_SOURCES,
  findSource,
  parseImportSources,
  rememberSource,
  sourceKey,
} from './import-source';
export type { ImportSource, ImportSourceMemory, SourceChoices } from './import-source';
export { parseChinaTime, CHINA_OFFSET_MS } from './china-time';
export { decodeText } from './decode';
export { parseCsv, detectDelimiter } from './csv';
export { readXlsx } from './xlsx';
