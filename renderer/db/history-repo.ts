/**
 * 历史案件: an old system's cases imported as read-only history (shared/history/). One import writes
 * all its rows with its 导入 event (kind `caseHistory`, the file with its SHA-256) in ONE transaction,
 * by an enabled shift leader checked in it; its undo (imports-repo.ts undoLastImport) removes exactly
 * the rows that event brought. The reads are what the rest of the app asks of the history: which
 * 工单号 and 案件编号 it holds, and how many cases each grid had, with the most recent ones.
 */
import { Dexie } from 'dexie';
import {
  DATASET_COUNTED,
  type DatasetCounted,
  type ImportedFile,
  type StoredDataEvent,
} from '../../shared/cases/data-events';
import type { HistoryCase } from '../../shared/history/history-case';
import type { HistoryRow } from '../../shared/history/read-history';
import type { GridDeskDb } from './database';
import { leaderActor, listImportEvents, recordImport, type ImportRefusal } from './imports-repo';
import type { SessionGrant, SessionToken } from './sessions';
import { bulkAddInChunks } from './tables';

const NO_DATASET_ROWS = Object.fromEntries(DATASET_COUNTED.map((t) => [t, 0])) as Record<
  DatasetCounted,
  number
>;

/**
 * Writes `rows` (read and checked by readHistoryRows) as history, with the 导入 event naming `file`,
 * in one transaction: all of them or none. Refused for anyone but an enabled shift leader (a token on
 * the UI thread, or the history worker's grant of one: the account is read again here), and when a
 * 案件编号 is already in the history (stored since the file was checked). `now` is epoch ms;
 * `onWritten` is told the rows written so far (0 first, all of them last).
 */
export async function importCaseHistory(
  db: GridDeskDb,
  session: SessionToken | SessionGrant,
  rows: readonly HistoryRow[],
  file: ImportedFile,
  now: number,
  onWritten?: (done: number, total: number) => void,
): Promise<
  | { readonly ok: true; readonly event: StoredDataEvent }
  | { readonly ok: false; readonly refusal: ImportRefusal }
> {
  return db.transaction('rw', db.tables, async () => {
    const leader = await leaderActor(db, session);
    if (!leader.ok) return leader;
    // Checked before anything is written: a refusal leaves the transaction with nothing to undo.
    const stored = await db.historyCases.bulkGet(rows.map((r) => r.caseNo));
    const clash = stored.find((r) => r !== undefined);
    if (clash !== undefined)
      return {
        ok: false as const,
        refusal: { key: 'imports.historyCaseNoExists' as const, params: { caseNo: clash.caseNo } },
      };
    const event = await recordImport(
      db,
      leader.actor,
      {
        kind: 'caseHistory',
        files: [file],
        counts: { ...NO_DATASET_ROWS, historyCases: rows.length },
        movedCases: 0,
      },
      now,
    );
    await bulkAddInChunks(
      db.historyCases,
      rows.map((r): HistoryCase => ({ ...r, importId: event.id })),
      onWritten && ((done) => onWritten(done, rows.length)),
    );
    return { ok: true as const, event };
  });
}

/** Removes the rows of the history import `eventId`, inside the caller's rw transaction; how many. */
export function removeHistoryImport(db: GridDeskDb, eventId: string): Promise<number> {
  return db.historyCases.where('importId').equals(eventId).delete();
}

/** The 工单号 of the stored history. */
export async function listHistoryExternalRefs(db: GridDeskDb): Promise<Set<string>> {
  const keys = await db.historyCases.orderBy('externalRef').uniqueKeys();
  return new Set(keys.map(String));
}

/** The 案件编号 of the stored history. */
export async function listHistoryCaseNos(db: GridDeskDb): Promise<Set<string>> {
  return new Set(await db.historyCases.toCollection().primaryKeys());
}

/** History cases per grid code (grids without any are absent): what workload balancing reads. */
export async function historyCountsByGrid(db: GridDeskDb): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const key of await db.historyCases.orderBy('gridCode').keys())
    counts.set(String(key), (counts.get(String(key)) ?? 0) + 1);
  return counts;
}

/** How many history cases a grid had, and its `limit` most recently reported ones, newest first. */
export async function historyOfGrid(
  db: GridDeskDb,
  gridCode: string,
  limit: number,
): Promise<{ readonly count: number; readonly recent: readonly HistoryCase[] }> {
  return db.transaction('r', db.historyCases, async () => {
    const range = db.historyCases
      .where('[gridCode+reportedAt]')
      .between([gridCode, Dexie.minKey], [gridCode, Dexie.maxKey]);
    const [count, recent] = await Promise.all([
      range.count(),
      range.clone().reverse().limit(limit).toArray(),
    ]);
    return { count, recent };
  });
}

/** How many history cases are stored. */
export function historyTotal(db: GridDeskDb): Promise<number> {
  return db.historyCases.count();
}

/**
 * The seqs of the record's data events that concern the history: each history import and each undo
 * of one, oldest first. Reads only `meta.dataEvents` and those events, so a live query over it runs
 * again when an import or an undo is recorded (here, in a worker, or in another window), not on
 * every case event.
 */
export async function historyImportSeqs(db: GridDeskDb): Promise<number[]> {
  const events = await listImportEvents(db);
  return events.filter((e) => e.action.payload.kind === 'caseHistory').map((e) => e.seq);
}
