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
