/**
 * What the readers of a centre's tables report. Every problem names the file, and where it has one the
 * row as Excel numbers it (the header is row 1 unless the sheet starts lower) and the column by the
 * header the file gives it; `value` is the cell's text. An `error` keeps its row out of the result (or,
 * for a whole-file problem, every row); a `warning` says what the reader did instead (left an example
 * row out, used default limits). Texts: `centreTables.<key>` in renderer/i18n/parts/centre-tables.ts.
 */

export const TABLE_PROBLEM_KEYS = [
  'centreTables.missingColumn',
  'centreTables.unusedColumn',
  'centreTables.noRows',
  'centreTables.onlyExamples',
  'centreTables.exampleRow',
  'centreTables.missingValue',
  'centreTables.badPhone',
  'centreTables.duplicateCertificate',
  'centreTables.duplicatePerson',
  'centreTables.duplicateDevice',
  'centreTables.duplicateName',
  'centreTables.duplicateCode',
  'centreTables.unknownTeam',
  'centreTables.unknownLeader',
  'centreTables.ambiguousLeader',
  'centreTables.badDomain',
  'centreTables.badAuthority',
  'centreTables.unknownDepartment',
  'centreTables.departmentIgnored',
  'centreTables.missingLimit',
  'centreTables.defaultLimits',
  'centreTables.badHours',
  'centreTables.badYesNo',
  'centreTables.badGridCode',
] as const;
export type TableProblemKey = (typeof TABLE_PROBLEM_KEYS)[number];

export type ProblemParams = Readonly<Record<string, string | number>>;

export interface TableProblem {
  readonly key: TableProblemKey;
  readonly severity: 'error' | 'warning';
  readonly params: ProblemParams & { readonly file: string };
}

/** What a reader gives back: the rows it could read, and every problem it met. */
export interface TableRead<R> {
  readonly rows: readonly R[];
  readonly problems: readonly TableProblem[];
}

/** Whether a read may be imported as it stands: no problem is an error. */
export function readIsClean(read: { readonly problems: readonly TableProblem[] }): boolean {
  return read.problems.every((p) => p.severity !== 'error');
}

export const error = (key: TableProblemKey, params: TableProblem['params']): TableProblem => ({
  key,
  severity: 'error',
  params,
});

export const warning = (key: TableProblemKey, params: TableProblem['params']): TableProblem => ({
  key,
  severity: 'warning',
  params,
});
