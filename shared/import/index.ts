/** Importing 12345 hotline exports (CSV, XLSX) into intake drafts. */
export { readImportFile, tableFromRecords } from './table';
export type { ReadFileResult } from './table';
export type { CellValue, ImportTable, SourceRecord } from './table-types';
export { IMPORT_FIELDS, guessCoordSystem, guessMapping, normaliseHeader } from './mapping';
export type { ColumnMapping, ImportField } from './mapping';
export { convertRows, missingMappedFields, parseUrgency, PLAUSIBLE_CHINA_BBOX } from './convert';
export type { ConvertOptions } from './convert';
export type { ImportRejection, ImportRejectionKey, ImportResult, IntakeDraft } from './intake-draft';
export { matchMatter, matterCore } from './matter-match';
export type { MatterMatch } from './matter-match';
export { parseChinaTime, CHINA_OFFSET_MS } from './china-time';
export { decodeText } from './decode';
export { parseCsv, detectDelimiter } from './csv';
export { readXlsx } from './xlsx';
