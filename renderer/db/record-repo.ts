/**
 * The case record in the database: per-case loop state (`caseLoops`), the hash-chained events
 * (`events`) and the chain head (`meta.chainHead`). Events are only ever added, never put or deleted,
 * and always in the same transaction as the head and the change they record.
 */
import type { Transaction } from 'dexie';
import type { TownshipDataset } from '../../shared/model/dataset';
import type { Actor } from '../../shared/cases/loop-types';
import {
  EMPTY_HEAD,
  verifyRecord,
  type ChainHead,
  type VerifyOptions,
  type VerifyResult,
} from '../../shared/cases/record';
import { chainEvents, replayCase, type CaseEvent, type StoredCaseEvent } from '../../shared/cases/history';
import type { GridDeskDb } from './database';
import type { CaseLoopRow, MetaRow } from './tables';

/** Who did the steps of an imported history: the names it carries, as operator accounts of the sample. */
export function historyActor(name: string): Actor {
  return { id: `history:${name}`, role: 'operator', name };
}

/** The loop state and record of a whole dataset's cases, ready to write. */
export interface BuiltRecord {
  readonly loops: readonly CaseLoopRow[];
  readonly events: readonly StoredCaseEvent[];
  readonly head: ChainHead;
}

/**
 * Replays every case of `dataset` through the loop and chains the events in time order, from an
 * empty record. Touches no database. Throws HistoryReplayError naming the case and step if a history
 * does not fit the loop.
 */
export async function buildRecord(dataset: Pick<TownshipDataset, 'cases' | 'matters'>): Promise<BuiltRecord> {
  const matters = new Map(dataset.matters.map((m) => [m.code, m]));
  const all: CaseEvent[] = [];
  const states = new Map<string, CaseLoopRow['state']>();
  for (const kase of dataset.cases) {
    const replayed = replayCase(kase, matters.get(kase.matterCode), historyActor);
    states.set(kase.id, replayed.state);
    all.push(...replayed.events);
  }
  const { events, head } = await chainEvents(EMPTY_HEAD, all);
  const lastSeq = new Map<string, number>();
  for (const event of events) lastSeq.set(event.caseId, event.seq);
  const loops = [...states].map(([caseId, state]) => ({ caseId, state, lastSeq: lastSeq.get(caseId) ?? 0 }));
  return { loops, events, head };
}

/** Replaces the whole record; call inside one rw transaction over caseLoops, events and meta. */
export async function writeRecord(tx: Transaction, built: BuiltRecord): Promise<void> {
  const loops = tx.table<CaseLoopRow, string>('caseLoops');
  const events = tx.table<StoredCaseEvent, number>('events');
  await Promise.all([loops.clear(), events.clear()]);
  await loops.bulkAdd([...built.loops]);
  await events.bulkAdd([...built.events]);
  await tx.table<MetaRow, string>('meta').put({ key: 'chainHead', value: built.head });
}

/** The stored chain head, or the empty head when no record exists yet. */
export async function readChainHead(db: GridDeskDb): Promise<ChainHead> {
  const row = await db.meta.get('chainHead');
  return row?.key === 'chainHead' ? row.value : EMPTY_HEAD;
}

/**
 * Builds the record for stored cases that have none (a database from before the record existed).
 * Returns whether it built one. The build happens outside the transaction (hashing is async
 * WebCrypto); the write re-checks inside that no record appeared meanwhile.
 */
export async function ensureRecord(db: GridDeskDb): Promise<boolean> {
  if ((await db.meta.get('chainHead')) !== undefined) return false;
  const [cases, matters] = await db.transaction('r', db.cases, db.matters, () =>
    Promise.all([db.cases.toArray(), db.matters.toArray()]),
  );
  const built = await buildRecord({ cases, matters });
  return db.transaction('rw', db.caseLoops, db.events, db.meta, async (tx) => {
    if ((await db.meta.get('chainHead')) !== undefined) return false;
    await writeRecord(tx, built);
    return true;
  });
}

/** One case's events in record order (its timeline). */
export async function listCaseEvents(db: GridDeskDb, caseId: string): Promise<StoredCaseEvent[]> {
  const events = await db.events.where('caseId').equals(caseId).toArray();
  return events.sort((a, b) => a.seq - b.seq);
}

/**
 * Checks the whole stored record (核验记录) against the stored head, with progress and cancel. Events
 * are read in seq order from the primary key; names the first edited, removed, reordered or missing
 * event. The head is returned so it can be shown and noted down.
 */
export async function verifyStoredRecord(
  db: GridDeskDb,
  options: VerifyOptions = {},
): Promise<{ readonly result: VerifyResult; readonly head: ChainHead; readonly count: number }> {
  const [head, events] = await db.transaction('r', db.meta, db.events, async () =>
    Promise.all([readChainHead(db), db.events.orderBy('seq').toArray()]),
  );
  const result = await verifyRecord(events, head, options);
  return { result, head, count: events.length };
}
