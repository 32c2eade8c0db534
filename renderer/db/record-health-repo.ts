/**
 * The record's quick check from a point it found sound, so that neither a start-up nor a write costs
 * the whole history: at start-up from the verified checkpoint kept beside the head
 * (`meta.verifiedCheckpoint`), which a passing start-up moves to the head; while the app runs, from
 * the head its last run found sound. What is before the point is not read again (the full check,
 * 核验记录, re-hashes it all); whatever is found wrong after it, or cannot be told from it, is judged by
 * the quick check over every key ({@link readRecordFacts}), which names it.
 */
import type { ChainHead } from '../../shared/cases/record';
import { caseEventsOf } from '../../shared/cases/data-events';
import { checkRecordHealth, type RecordHealth } from '../../shared/cases/record-health';
import { soundSincePoint } from '../../shared/cases/record-checkpoint';
import type { GridDeskDb } from './database';
import { keepCheckpoint, keptFacts, readRecordFacts, readVerifiedCheckpoint } from './record-repo';

/**
 * The most events after a point that a check from it reads; past that (a large import, a checkpoint
 * left far behind) the quick check over every key is the cheaper one, as it hashes nothing.
 */
const MOST_SINCE_AT_START = 50_000;
const MOST_SINCE_LIVE = 2_000;

/**
 * The stored head when the record after `point` is sound (shared/cases/record-checkpoint.ts
 * soundSincePoint), else null. Reads the meta rows, the events after the point and the case and loop
 * rows of the cases they name: what was written since, not the history.
 */
export async function readSoundSince(
  db: GridDeskDb,
  point: ChainHead,
  most: number,
  progressEvery?: number,
): Promise<ChainHead | null> {
  const read = await db.transaction('r', [db.meta, db.events, db.cases, db.caseLoops], async () => {
    const [schemaVersion, headRow, anchorRow, rekeyRow, atPoint] = await Promise.all([
      db.meta.get('schemaVersion'),
      db.meta.get('chainHead'),
      db.meta.get('lastBackupHead'),
      db.meta.get('recordRekey'),
      db.events.get(point.count),
    ]);
    const head = headRow?.key === 'chainHead' ? headRow.value : null;
    if (head === null || head.count < point.count || head.count - point.count > most) return null;
    const after = await db.events.where('seq').above(point.count).toArray();
    const ids = [...new Set(caseEventsOf(after).map((e) => e.caseId))];
    const [caseRows, loopRows, kept] = await Promise.all([
      db.cases.bulkGet(ids),
      db.caseLoops.bulkGet(ids),
      keptFacts(db, anchorRow, rekeyRow),
    ]);
    return {
      hasDataset: schemaVersion !== undefined,
      head,
      atPoint: point.count === 0 ? null : (atPoint ?? null),
      after,
      withoutCase: caseRows.filter((row) => row === undefined).length,
      withoutLoop: loopRows.filter((row) => row === undefined).length,
      ...kept,
    };
  });
  if (read === null) return null;
  return soundSincePoint(point, read, progressEvery === undefined ? {} : { progressEvery });
}

/** What the start-up quick check found, and the head a later run may start from. */
export interface StartUpCheck {
  readonly health: RecordHealth;
  /** The head found sound (the live check starts from it); null when the check raised an alarm. */
  readonly point: ChainHead | null;
  /**
   * The check started from the verified checkpoint; false when there was none to start from (never
   * verified, or not the record verified then): every key was read.
   */
  readonly fromCheckpoint: boolean;
}

/**
 * The start-up quick check: from the verified checkpoint when there is one and the record after it is
 * sound (its events re-hashed and linked, their cases' rows present), moving the checkpoint to the
 * head; otherwise over every key, as {@link checkRecordHealth} judges it. Writes nothing but the
 * checkpoint, and that only when everything after it was verified.
 */
export async function startUpRecordCheck(db: GridDeskDb): Promise<StartUpCheck> {
  const checkpoint = await readVerifiedCheckpoint(db);
  if (checkpoint !== undefined) {
    const head = await readSoundSince(db, checkpoint, MOST_SINCE_AT_START);
    if (head !== null) {
      if (head.count !== checkpoint.count) await keepCheckpoint(db, head);
      return { health: { status: 'ok' }, point: head, fromCheckpoint: true };
    }
  }
  const facts = await readRecordFacts(db);
  const health = checkRecordHealth(facts);
  return { health, point: health.status === 'ok' ? facts.head : null, fromCheckpoint: false };
}

/**
 * The quick check kept current as the record grows, for the live health on the workstation and the
 * wall: the first run reads every key (as checkStoredRecordHealth), unless `from` (a head the
 * start-up check found sound) is given; while the record it last found sound is only extended, a
 * later run reads just the meta rows, the events appended since (re-hashing them) and those events'
 * case and loop rows, so a write costs what it wrote, not the whole history. A record that shrank,
 * was replaced, grew by more than a few thousand events or was found unsound is read whole again. The
 * app only ever appends (reset, restore and seeding replace the head, which starts over); what is
 * changed outside it between starts is for the full check (核验记录).
 */
export function recordHealthFollower(db: GridDeskDb, from?: ChainHead | null): () => Promise<RecordHealth> {
  let point: ChainHead | null = from ?? null;
  return async () => {
    const head = point && (await readSoundSince(db, point, MOST_SINCE_LIVE, Number.MAX_SAFE_INTEGER));
    if (head) {
      point = head;
      return { status: 'ok' };
    }
    const facts = await readRecordFacts(db);
    const health = checkRecordHealth(facts);
    point = health.status === 'ok' ? facts.head : null;
    return health;
  };
}
