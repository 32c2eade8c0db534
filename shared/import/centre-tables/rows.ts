/**
 * The part every reader of a centre's table shares: find the columns, refuse a table that lacks a
 * required one, set the template's example rows aside, and hand each remaining row to the reader as
 * cells it can ask for by column key, with the problem builders that name file, row and column.
 */
import type { CellValue, ImportTable, SourceRecord } from '../table-types';
import { locateColumns, TABLE_COLUMNS, type CentreTableKind, type ColumnSpec } from './columns';
import { error, warning, type ProblemParams, type TableProblem, type TableProblemKey } from './problems';
import { isExampleCell, type TableLang } from './vocabulary';

/** One data row as a reader sees it. */
export interface RowCells {
  /** The row as Excel numbers it. */
  readonly row: number;
  /** The trimmed text of a column's cell; '' when the column is absent or the cell empty. */
  text(key: string): string;
  /** The header the file gives a column, or the template's header when the file has no such column. */
  header(key: string): string;
  /** Whether the file has the column at all. */
  has(key: string): boolean;
  /** A problem of this row (and, with `key`, of that column and its value). */
  error(problem: TableProblemKey, key?: string, extra?: ProblemParams): TableProblem;
  warning(problem: TableProblemKey, key?: string, extra?: ProblemParams): TableProblem;
}

export interface PreparedTable {
  readonly file: string;
  readonly rows: readonly RowCells[];
  readonly problems: TableProblem[];
}

function cellText(value: CellValue | undefined): string {
  if (value === undefined) return '';
  // Numbers as Excel shows them in a General cell; integers never in exponent form.
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  return value.normalize('NFC').trim();
}

/** The language of a file's headers: English when most header letters are ASCII. */
function headerLang(headers: readonly string[]): TableLang {
  const text = headers.join('');
  const cjk = (text.match(/[\u4e00-\u9fff]/g) ?? []).length;
  const latin = (text.match(/[A-Za-z]/g) ?? []).length;
  return latin > cjk * 2 ? 'en' : 'zh-CN';
}

function isExampleRow(record: SourceRecord): boolean {
  return record.cells.some((cell) => typeof cell === 'string' && isExampleCell(cell));
}

/**
 * Reads the layout of `table` as a table of `kind`. Problems: a required column missing (then no row
 * is read), a column no field takes (a warning), no data rows, only the template's example rows
 * (an error: the template was not filled in), example rows beside real ones (a warning each; they are
 * left out).
 */
export function prepareTable(kind: CentreTableKind, table: ImportTable): PreparedTable {
  const file = table.fileName;
  const specs = TABLE_COLUMNS[kind];
  const { index, unused } = locateColumns(kind, table.headers);
  const lang = headerLang(table.headers);
  const problems: TableProblem[] = [];
  const spec = (key: string): ColumnSpec => {
    const found = specs.find((s) => s.key === key);
    if (found === undefined) throw new Error(`no column ${key} in ${kind} tables`);
    return found;
  };
  const header = (key: string): string => {
    const k = index[key];
    return k === undefined ? spec(key).header[lang] : (table.headers[k] ?? '');
  };
  for (const k of unused)
    problems.push(warning('centreTables.unusedColumn', { file, column: table.headers[k] ?? '' }));
  const missing = specs.filter((s) => s.requirement === 'required' && index[s.key] === undefined);
  for (const s of missing)
    problems.push(error('centreTables.missingColumn', { file, column: s.header[lang] }));
  if (missing.length > 0) return { file, rows: [], problems };
  if (table.rows.length === 0) {
    problems.push(error('centreTables.noRows', { file }));
    return { file, rows: [], problems };
  }
  const examples = table.rows.filter(isExampleRow);
  if (examples.length === table.rows.length) {
    problems.push(error('centreTables.onlyExamples', { file, count: examples.length }));
    return { file, rows: [], problems };
  }
  for (const record of examples)
    problems.push(warning('centreTables.exampleRow', { file, row: record.rowNumber }));
  const rows = table.rows
    .filter((record) => !isExampleRow(record))
    .map((record): RowCells => {
      const text = (key: string): string => {
        const k = index[key];
        return k === undefined ? '' : cellText(record.cells[k]);
      };
      const params = (key: string | undefined, extra: ProblemParams = {}) => {
        const at = { file, row: record.rowNumber };
        if (key === undefined) return { ...at, ...extra };
        const value = text(key);
        return { ...at, column: header(key), ...(value === '' ? {} : { value }), ...extra };
      };
      return {
        row: record.rowNumber,
        text,
        header,
        has: (key) => index[key] !== undefined,
        error: (problem, key, extra) => error(problem, params(key, extra)),
        warning: (problem, key, extra) => warning(problem, params(key, extra)),
      };
    });
  return { file, rows, problems };
}

/**
 * Remembers the first row of each key and reports a later row with the same key. Keys are compared as
 * given (callers normalise).
 */
export class FirstSeen {
  private readonly first = new Map<string, number>();

  /** The row that first had `key`, or null (and `row` is remembered) when this is the first. */
  check(key: string, row: number): number | null {
    const seen = this.first.get(key);
    if (seen !== undefined) return seen;
    this.first.set(key, row);
    return null;
  }
}
