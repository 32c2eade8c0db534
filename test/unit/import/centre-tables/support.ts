// Test support for the centre tables: the app's own texts (renderer/i18n) as the templates' text
// function, sheets written with the app's XLSX writer and read back as the import reads a file, the
// committed fixtures of test/fixtures/tables (scripts/make-table-fixtures.sh), and a template's second
// sheet read with the same reader.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { expect } from 'vitest';
import { createAppI18n } from '../../../../renderer/i18n';
import type { TableProblem, TableText } from '../../../../shared/import/centre-tables';
import { readImportFile } from '../../../../shared/import/table';
import type { ImportTable } from '../../../../shared/import/table-types';
import { writeXlsx, type XlsxCellInput } from '../../../../shared/import/xlsx-write';
import { readXlsx } from '../../../../shared/import/xlsx';

export function texts(locale: 'zh-CN' | 'en'): TableText {
  const { t, te } = createAppI18n(locale).global;
  return (key, params = {}) => {
    if (!te(key)) throw new Error(`no ${locale} text for ${key}`);
    return t(key, params);
  };
}

/** What the operator reads for a problem. */
export function problemText(problem: TableProblem, locale: 'zh-CN' | 'en' = 'zh-CN'): string {
  const { t } = createAppI18n(locale).global;
  return t(problem.key, problem.params as Record<string, unknown>);
}

export function table(fileName: string, bytes: Uint8Array): ImportTable {
  const result = readImportFile(fileName, bytes);
  if (!result.ok) throw new Error(`could not read ${fileName}: ${result.key}`);
  return result.table;
}

/** A hand-made sheet: the rows written to XLSX with the app's writer, read back as the import reads it. */
export function sheet(fileName: string, rows: readonly (readonly XlsxCellInput[])[]): ImportTable {
  return table(fileName, writeXlsx(rows));
}

/** The same rows as a UTF-8 CSV file. */
export function csv(fileName: string, rows: readonly (readonly string[])[]): ImportTable {
  const text = rows
    .map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(','))
    .join('\r\n');
  return table(fileName, new TextEncoder().encode(text));
}

const FIXTURES = join(__dirname, '../../../fixtures/tables');

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(FIXTURES, name)));
}

/** The cells of worksheet `n` (1-based, tab order) of a workbook, as rows of text. */
export function sheetRows(bytes: Uint8Array, n: number): string[][] {
  const files = unzipSync(bytes);
  const part = files[`xl/worksheets/sheet${n}.xml`];
  if (part === undefined) throw new Error(`no sheet ${n}`);
  const result = readXlsx(zipSync({ ...files, 'xl/worksheets/sheet1.xml': part }));
  if (!result.ok) throw new Error(`sheet ${n} unreadable: ${result.key}`);
  return result.records.map((r) => r.cells.map(String));
}

/** The problems as `key@row:column` (row and column where they have one), for compact comparison. */
export function where(problems: readonly TableProblem[]): string[] {
  return problems.map((p) => {
    const { row, column } = p.params;
    return `${p.key.replace('centreTables.', '')}${row === undefined ? '' : `@${row}`}${column === undefined ? '' : `:${column}`}`;
  });
}

export function expectNoErrors(problems: readonly TableProblem[]): void {
  expect(problems.filter((p) => p.severity === 'error').map((p) => problemText(p))).toEqual([]);
}
