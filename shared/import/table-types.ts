/** The shape every import file is read into before its columns are mapped. */

/** A cell as read: text, or a number from a numeric XLSX cell (CSV cells are always text). */
export type CellValue = string | number;

/** One line of the source file with the row number the operator sees in Excel (header = row 1). */
export interface SourceRecord {
  readonly rowNumber: number;
  readonly cells: readonly CellValue[];
}

/** A file read into a header and data rows; blank rows are left out but numbering keeps counting them. */
export interface ImportTable {
  /** The file name as the operator chose it, for messages. */
  readonly fileName: string;
  readonly format: 'csv' | 'xlsx';
  /** For CSV, the text encoding found; for XLSX always utf-8. */
  readonly encoding: 'utf-8' | 'gb18030';
  readonly headers: readonly string[];
  /** Row number of the header line (1 unless the file starts with blank lines). */
  readonly headerRow: number;
  readonly rows: readonly SourceRecord[];
}
