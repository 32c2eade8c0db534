/**
 * The `history` bench's same-run baseline (test/bench/history.bench.ts), in the bench build only:
 * the file parsed by the table reader alone on this thread (no mapping, no check), then rows of the
 * history table's shape, one per data row, put with ONE bare Dexie bulkAdd into a scratch database with
 * the historyCases table's indexes (no role check, no record event, no chunks, no progress).
 */
import { Dexie } from 'dexie';
import { STORE_TABLES } from '../../shared/schema/store-tables';
import { blobSource, readImportSource } from '../../shared/import/stream-read';
import { guessHistoryMapping, type HistoryField } from '../../shared/history/history-mapping';
import type { HistoryCase } from '../../shared/history/history-case';
import type { CellValue } from '../../shared/import/table-types';

export interface HistoryBaseline {
  readonly parse: { readonly start: number; readonly end: number };
  readonly write: { readonly start: number; readonly end: number };
  readonly rows: number;
}

async function historyBaseline(file: File): Promise<HistoryBaseline> {
  let start = performance.now();
  const read = await readImportSource(blobSource(file, file.name));
  const parse = { start, end: performance.now() };
  if (!read.ok) throw new Error(`bench: ${read.key}`);
  const { headers, rows: records } = read.table;
  const mapping = guessHistoryMapping(headers);
  const text = (cells: readonly CellValue[], field: HistoryField): string => {
    const column = mapping[field];
    const value = column === undefined ? undefined : cells[column];
    return value === undefined ? '' : String(value);
  };
  const rows = records.map(({ cells }): HistoryCase => ({
    caseNo: text(cells, 'caseNo'),
    externalRef: text(cells, 'externalRef'),
    sourceText: text(cells, 'source'),
    matterCode: text(cells, 'matterCode'),
    urgency: 'normal',
    address: text(cells, 'address'),
    description: text(cells, 'description'),
    location: [Number(text(cells, 'lon')), Number(text(cells, 'lat'))],
    gridCode: text(cells, 'gridCode'),
    teamId: text(cells, 'team'),
    reportedAt: Date.parse(text(cells, 'reportedAt').replace(' ', 'T') + '+08:00'),
    status: 'closed',
    handledBy: text(cells, 'handledBy'),
    importId: 'bench',
  }));
  const db = new Dexie(`griddesk-bench-bare-${Date.now()}`);
  db.version(1).stores({ historyCases: STORE_TABLES.historyCases.layouts[5] });
  try {
    start = performance.now();
    await db.table('historyCases').bulkAdd(rows);
    const write = { start, end: performance.now() };
    return { parse, write, rows: rows.length };
  } finally {
    await db.delete();
  }
}

export const historyProbe = { historyBaseline };
