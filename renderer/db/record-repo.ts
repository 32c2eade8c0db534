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
import type { Case } from '../../shared/model/case';
import type { Matter } from '../../shared/model/matter';
import { checkExtends, type ExtendsResult } from '../../shared/cases/record-anchor';
import { checkRecordHealth, type RecordFacts, type RecordHealth } from '../../shared/cases/record-health';
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
 * Version 2 upgrade hook body (database.ts): a version-1 database had cases and no record, by design,
 * so its record is built from the case histories here, inside the version-change transaction `tx`.
 * This is the ONLY place a record is built for cases already stored: Dexie runs it once, when a
 * version-1 database is opened by this build, never for a new database and never again. A record
 * that went missing later is a tamper alarm (see checkStoredRecordHealth), not something to rebuild.
 * Throws HistoryReplayError naming the case and step if a history does not fit the loop, which
 * aborts the upgrade and leaves the version-1 data as it was.
 */
export async function buildRecordOnUpgrade(tx: Transaction): Promise<void> {
  const [cases, matters, schemaVersion] = await Promise.all([
    tx.table<Case, string>('cases').toArray(),
    tx.table<Matter, string>('matters').toArray(),
    tx.table<MetaRow, string>('meta').get('schemaVersion'),
  ]);
  if (schemaVersion === undefined && cases.length === 0) return;
  await writeRecord(tx, await buildRecord({ cases, matters }));
}

/**
 * What the quick start-up check needs, read in one transaction: the head, the event count, the last
 * event, the keys of cases and loop rows, the distinct cases of the events (a key-only walk of the
 * caseId index), and the event at the head of the newest backup exported here.
 */
export async function readRecordFacts(db: GridDeskDb): Promise<RecordFacts> {
  return db.transaction('r', [db.meta, db.events, db.cases, db.caseLoops], async () => {
    const [schemaVersion, headRow, anchorRow, eventCount, lastEvent, caseIds, loopCaseIds, eventCaseIds] =
      await Promise.all([
        db.meta.get('schemaVersion'),
        db.meta.get('chainHead'),
        db.meta.get('lastBackupHead'),
        db.events.count(),
        db.events.orderBy('seq').last(),
        db.cases.toCollection().primaryKeys(),
        db.caseLoops.toCollection().primaryKeys(),
        db.events.orderBy('caseId').uniqueKeys(),
      ]);
    const anchor = anchorRow?.key === 'lastBackupHead' ? anchorRow.value : undefined;
    const anchorEvent =
      anchor === undefined || anchor.count === 0 ? undefined : await db.events.get(anchor.count);
    return {
      hasDataset: schemaVersion !== undefined,
      head: headRow?.key === 'chainHead' ? headRow.value : null,
      eventCount,
      lastEvent: lastEvent ?? null,
      caseIds,
      loopCaseIds,
      eventCaseIds: eventCaseIds.map(String),
      ...(anchor === undefined
        ? {}
        : {
            backupAnchor: {
              head: { count: anchor.count, lastHash: anchor.lastHash },
              exportedAt: anchor.exportedAt,
              event: anchorEvent ?? null,
            },
          }),
    };
  });
}

/**
 * The quick check of the stored record (start-up, and live on the workstation and the wall): head
 * against the events, cases against their loop rows and events, the record against the newest
 * backup's head. Reads only; whatever it finds, nothing is written.
 */
export async function checkStoredRecordHealth(db: GridDeskDb): Promise<RecordHealth> {
  return checkRecordHealth(await readRecordFacts(db));
}

/** The head of the newest backup exported from this PC, when one was. */
export async function readLastBackupHead(
  db: GridDeskDb,
): Promise<(ChainHead & { readonly exportedAt: number }) | undefined> {
  const row = await db.meta.get('lastBackupHead');
  return row?.key === 'lastBackupHead' ? row.value : undefined;
}

/**
 * Checks that the stored record extends a head noted earlier (typed, pasted or read from a backup
 * file), with progress and cancel. Returns the current head beside the answer.
 */
export async function checkStoredExtends(
  db: GridDeskDb,
  noted: ChainHead,
  options: VerifyOptions = {},
): Promise<{ readonly result: ExtendsResult; readonly head: ChainHead; readonly count: number }> {
  const [head, events] = await db.transaction('r', db.meta, db.events, async () =>
    Promise.all([readChainHead(db), db.events.orderBy('seq').toArray()]),
  );
  const result = await checkExtends(events, noted, options);
  return { result, head, count: events.length };
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
