/**
 * The case record in the database: per-case loop state (`caseLoops`), the hash-chained events
 * (`events`) and the chain head (`meta.chainHead`). Events are only ever added, never put or deleted,
 * and always in the same transaction as the head and the change they record.
 */
import type { Transaction } from 'dexie';
import {
  EMPTY_HEAD,
  verifyRecord,
  type ChainHead,
  type VerifyOptions,
  type VerifyResult,
} from '../../shared/cases/record';
import type { StoredCaseEvent } from '../../shared/cases/history';
import { caseEventsOf } from '../../shared/cases/data-events';
import type { BuiltRecord } from '../../shared/cases/build-record';
import { checkExtends, type ExtendsResult } from '../../shared/cases/record-anchor';
import { checkRecordHealth, type RecordFacts, type RecordHealth } from '../../shared/cases/record-health';
import {
  verifySinceCheckpoint,
  type IncrementalOutcome,
  type VerifiedCheckpoint,
} from '../../shared/cases/record-checkpoint';
import type { GridDeskDb } from './database';
import { bulkAddInChunks, type CaseLoopRow, type MetaRow } from './tables';

export { buildRecord, historyActor, type BuiltRecord } from '../../shared/cases/build-record';

/**
 * Replaces the whole record; call inside one rw transaction over caseLoops, events, meta and the
 * indicators' tallies, which are cleared (derived from the record, they are rebuilt afterwards).
 */
export async function writeRecord(tx: Transaction, built: BuiltRecord): Promise<void> {
  const loops = tx.table<CaseLoopRow, string>('caseLoops');
  const events = tx.table<StoredCaseEvent, number>('events');
  await Promise.all([
    loops.clear(),
    events.clear(),
    tx.table('caseTallies').clear(),
    tx.table('dayTallies').clear(),
  ]);
  await bulkAddInChunks(loops, built.loops);
  await bulkAddInChunks(events, built.events);
  await tx.table<MetaRow, string>('meta').put({ key: 'chainHead', value: built.head });
}

/** The stored chain head, or the empty head when no record exists yet. */
export async function readChainHead(db: GridDeskDb): Promise<ChainHead> {
  const row = await db.meta.get('chainHead');
  return row?.key === 'chainHead' ? row.value : EMPTY_HEAD;
}

/**
 * The facts kept beside the record, from their meta rows: the problem an old record had when its ids
 * were scoped, and the newest backup's head with the stored event at its count.
 */
export async function keptFacts(
  db: GridDeskDb,
  anchorRow: MetaRow | undefined,
  rekeyRow: MetaRow | undefined,
): Promise<Pick<RecordFacts, 'legacyProblem' | 'backupAnchor'>> {
  const legacyProblem = rekeyRow?.key === 'recordRekey' ? rekeyRow.value.problem : undefined;
  const anchor = anchorRow?.key === 'lastBackupHead' ? anchorRow.value : undefined;
  const anchorEvent =
    anchor === undefined || anchor.count === 0 ? undefined : await db.events.get(anchor.count);
  return {
    ...(legacyProblem === undefined ? {} : { legacyProblem }),
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
}

/**
 * What the quick start-up check needs, read in one transaction: the head, the event count, the last
 * event, the keys of cases and loop rows, the distinct cases of the events (a key-only walk of the
 * caseId index), and the event at the head of the newest backup exported here.
 */
export async function readRecordFacts(db: GridDeskDb): Promise<RecordFacts> {
  return db.transaction('r', [db.meta, db.events, db.cases, db.caseLoops], async () => {
    const [
      schemaVersion,
      headRow,
      anchorRow,
      eventCount,
      lastEvent,
      caseIds,
      loopCaseIds,
      eventCaseIds,
      rekeyRow,
    ] = await Promise.all([
      db.meta.get('schemaVersion'),
      db.meta.get('chainHead'),
      db.meta.get('lastBackupHead'),
      db.events.count(),
      db.events.orderBy('seq').last(),
      db.cases.toCollection().primaryKeys(),
      db.caseLoops.toCollection().primaryKeys(),
      db.events.orderBy('caseId').uniqueKeys(),
      db.meta.get('recordRekey'),
    ]);
    const kept = await keptFacts(db, anchorRow, rekeyRow);
    return {
      hasDataset: schemaVersion !== undefined,
      head: headRow?.key === 'chainHead' ? headRow.value : null,
      eventCount,
      lastEvent: lastEvent ?? null,
      caseIds,
      loopCaseIds,
      eventCaseIds: eventCaseIds.map(String),
      ...kept,
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

/**
 * The ids of the cases whose events moved since the head `before` was read, `head` being the stored
 * head now: the cases of the events appended after `before` (read through the primary key, so the cost
 * follows what was written since). Null when the stored record does not extend `before` (replaced by a
 * reset or a restore, or cut short): then nothing read before may be reused. Call inside a read
 * transaction over meta and events.
 */
export async function casesMovedSince(
  db: GridDeskDb,
  before: ChainHead,
  head: ChainHead,
): Promise<Set<string> | null> {
  // Read first in every case: returning before any read would leave the caller's transaction awaiting
  // a plain promise, which Dexie takes for the end of the transaction.
  const [atBefore, appended] = await Promise.all([
    before.count > 0 ? db.events.get(before.count) : db.events.get(0),
    head.count > before.count
      ? db.events.where('seq').above(before.count).toArray()
      : db.events.limit(0).toArray(),
  ]);
  if (head.count < before.count) return null;
  if (before.count > 0 && atBefore?.hash !== before.lastHash) return null;
  if (head.count === before.count) return head.lastHash === before.lastHash ? new Set() : null;
  return new Set(caseEventsOf(appended).map((e) => e.caseId));
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
  return caseEventsOf(events).sort((a, b) => a.seq - b.seq);
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
  if (result.ok) await keepCheckpoint(db, head);
  return { result, head, count: events.length };
}

/** The point up to which the record was last verified, when a check has passed. */
export async function readVerifiedCheckpoint(db: GridDeskDb): Promise<VerifiedCheckpoint | undefined> {
  const row = await db.meta.get('verifiedCheckpoint');
  return row?.key === 'verifiedCheckpoint' ? row.value : undefined;
}

/**
 * Notes `head` as verified, if it is still the stored head (a write meanwhile leaves the checkpoint
 * where it was: what came after was not checked). Only what a passing check covered is ever noted.
 */
export async function keepCheckpoint(db: GridDeskDb, head: ChainHead): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const now = await readChainHead(db);
    if (now.count !== head.count || now.lastHash !== head.lastHash) return;
    const value: VerifiedCheckpoint = { count: head.count, lastHash: head.lastHash, verifiedAt: Date.now() };
    await db.meta.put({ key: 'verifiedCheckpoint', value });
  });
}

/**
 * The incremental check: re-hashes only the events after the last verified point (read through the
 * primary key, so the cost follows what was written since, not the whole history) and moves the
 * point to the head when they pass. Events before the point are not re-checked: the full check
 * ({@link verifyStoredRecord}) finds a change there. Without a point, or when the event at the point is
 * no longer the one verified, it says so and the full check is needed.
 */
export async function verifyStoredRecordSinceCheckpoint(
  db: GridDeskDb,
  options: VerifyOptions = {},
): Promise<{ readonly outcome: IncrementalOutcome; readonly head: ChainHead; readonly count: number }> {
  const [head, checkpoint, atPoint, after] = await db.transaction('r', db.meta, db.events, async () => {
    const point = await readVerifiedCheckpoint(db);
    const from = point?.count ?? 0;
    return Promise.all([
      readChainHead(db),
      point,
      from > 0 ? db.events.get(from) : null,
      db.events.where('seq').above(from).toArray(),
    ]);
  });
  const outcome = await verifySinceCheckpoint(checkpoint, atPoint ?? null, after, head, options);
  if (outcome.kind === 'checked' && outcome.result.ok) await keepCheckpoint(db, head);
  return { outcome, head, count: head.count };
}
