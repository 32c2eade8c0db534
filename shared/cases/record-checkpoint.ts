/**
 * The incremental record check: the record is verified from the last point a check verified (the
 * checkpoint kept beside the chain head in `meta.verifiedCheckpoint`), not from the first event. A
 * full check that passes writes the checkpoint; an incremental check that passes moves it to the head.
 * What lies before the checkpoint is NOT re-hashed: an event edited there is found only by the full
 * check (which stays available), and the incremental check says what it covered.
 */
import {
  eventHashSync,
  type ChainHead,
  type ChainLink,
  type VerifyOptions,
  type VerifyResult,
} from './record';
import { anchorAlarms, type RecordFacts, type StoredEventLike } from './record-health';

/** The point up to which the record was verified: the head as it was then, and when. */
export interface VerifiedCheckpoint extends ChainHead {
  /** Epoch ms of the check that verified up to here. */
  readonly verifiedAt: number;
}

/** What the incremental check found. */
export type IncrementalOutcome =
  /** Events `from + 1` … `to` were checked (none when `from === to`); `result` says how they are. */
  | { readonly kind: 'checked'; readonly from: number; readonly to: number; readonly result: VerifyResult }
  /**
   * No checkpoint yet, or the event at the checkpoint is no longer the one verified (a reset, a
   * restore, or a change at that very event): only the full check can say more.
   */
  | { readonly kind: 'needsFull'; readonly reason: 'noCheckpoint' | 'checkpointMoved' };

type Linked = object & Partial<ChainLink>;

/**
 * Checks the events after `checkpoint` against it and the head: `atCheckpoint` is the stored event
 * at `checkpoint.count` (null for an empty checkpoint), `after` the stored events with a higher seq,
 * in seq order. Returns the first problem after the checkpoint, as the full check would name it.
 */
export async function verifySinceCheckpoint(
  checkpoint: VerifiedCheckpoint | undefined,
  atCheckpoint: Linked | null,
  after: readonly Linked[],
  head: ChainHead,
  options: VerifyOptions = {},
): Promise<IncrementalOutcome> {
  if (checkpoint === undefined) return { kind: 'needsFull', reason: 'noCheckpoint' };
  if (
    checkpoint.count > 0 &&
    (atCheckpoint?.seq !== checkpoint.count || atCheckpoint.hash !== checkpoint.lastHash)
  )
    return { kind: 'needsFull', reason: 'checkpointMoved' };
  const from = checkpoint.count;
  const done = (result: VerifyResult): IncrementalOutcome => ({
    kind: 'checked',
    from,
    to: head.count,
    result,
  });
  // The event at the point is re-hashed too: the chain after it hangs on its stored hash.
  if (atCheckpoint !== null && checkpoint.count > 0 && eventHashSync(atCheckpoint) !== atCheckpoint.hash)
    return done({ ok: false, kind: 'edited', key: 'record.edited', seq: checkpoint.count });
  const every = options.progressEvery ?? 500;
  let prevHash = checkpoint.lastHash;
  for (let index = 0; index < after.length; index += 1) {
    if (index % every === 0 && index > 0) {
      options.onProgress?.(index, after.length);
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (options.signal?.aborted) return done({ ok: false, kind: 'cancelled', key: 'record.cancelled' });
    }
    const event = after[index];
    const expected = from + index + 1;
    const seq = event?.seq;
    if (event === undefined || typeof seq !== 'number' || seq < expected)
      return done({ ok: false, kind: 'reordered', key: 'record.reordered', seq: expected });
    if (seq > expected) return done({ ok: false, kind: 'removed', key: 'record.removed', seq: expected });
    if (typeof event.hash !== 'string' || eventHashSync(event) !== event.hash)
      return done({ ok: false, kind: 'edited', key: 'record.edited', seq });
    if (event.prevHash !== prevHash)
      return done({ ok: false, kind: 'reordered', key: 'record.reordered', seq });
    prevHash = event.hash;
  }
  const actualCount = from + after.length;
  const counts = { expectedCount: head.count, actualCount };
  if (actualCount > head.count)
    return done({ ok: false, kind: 'headMismatch', key: 'record.headMismatch', ...counts });
  if (actualCount < head.count || prevHash !== head.lastHash)
    return done({ ok: false, kind: 'truncated', key: 'record.truncated', ...counts });
  return done({ ok: true });
}

/**
 * What the quick check reads from a point it found sound (a verified checkpoint at start-up, the head
 * of its last run while it follows the writes): the record after the point, and the rows of the cases
 * those events name.
 */
export interface FactsSincePoint extends Pick<RecordFacts, 'hasDataset' | 'backupAnchor' | 'legacyProblem'> {
  /** The stored chain head; null when its row is missing. */
  readonly head: ChainHead | null;
  /** The stored event at the point's count; null when there is none (or the point is the empty record). */
  readonly atPoint: StoredEventLike | null;
  /** The stored events after the point, in seq order. */
  readonly after: readonly StoredEventLike[];
  /** How many of the cases named by `after` have no case row, and how many no loop row. */
  readonly withoutCase: number;
  readonly withoutLoop: number;
}

/**
 * The quick check from `point`, a head at which the record was found sound: the head is returned when
 * the record still runs through the point and everything after it is sound (each event after it hashes
 * to its stored hash and links to the one before, up to the stored head; every case those events name
 * has its case and loop rows; the newest backup's head is still in the record), null when anything
 * is not so or cannot be told from here (no dataset, a problem kept from an old record): then the
 * caller runs the quick check over every key, which names what is wrong. Nothing before the point is
 * read again: a change there (an event, a case or a loop row removed or edited) is for the full check
 * (核验记录) and the quick check over every key.
 */
export async function soundSincePoint(
  point: ChainHead,
  facts: FactsSincePoint,
  options: VerifyOptions = {},
): Promise<ChainHead | null> {
  const { head } = facts;
  if (head === null || !facts.hasDataset || facts.legacyProblem !== undefined) return null;
  if (facts.withoutCase > 0 || facts.withoutLoop > 0 || anchorAlarms(facts).length > 0) return null;
  const outcome = await verifySinceCheckpoint(
    { ...point, verifiedAt: 0 },
    facts.atPoint,
    facts.after,
    head,
    options,
  );
  return outcome.kind === 'checked' && outcome.result.ok ? head : null;
}
