/**
 * An outside anchor for the record: a chain head (count + last hash) noted down earlier, on paper, in
 * a message, or inside a backup file. The stored head can be rewritten together with the record by
 * someone with access to the PC; a head kept elsewhere cannot. The current record *extends* a noted
 * head when its event number `count` carries the noted hash and the chain verifies up to there: every
 * event the noted head covers is still there, unchanged and in order.
 */
import {
  GENESIS_HASH,
  verifyRecord,
  type ChainHead,
  type ChainLink,
  type RecordProblem,
  type VerifyOptions,
} from './record';

/** Whether the current record extends a noted head, and if not, from which event it departs. */
export type ExtendsResult =
  /**
   * It does: events 1…`notedCount` are the noted record; `count` events are stored now. `legacy` when
   * the head was noted before the record's ids were scoped (store version 3): event `notedCount`
   * still carries the noted hash as its `legacyHash`, which the re-chained record's hashes cover.
   */
  | { readonly ok: true; readonly notedCount: number; readonly count: number; readonly legacy?: true }
  /**
   * The chain itself is broken at event `from` (≤ the noted count): an event there was edited,
   * removed or reordered, as the full check would say.
   */
  | { readonly ok: false; readonly kind: 'broken'; readonly from: number; readonly problem: RecordProblem }
  /** The record is intact up to its end but shorter than the noted head: events from `from` on are gone. */
  | {
      readonly ok: false;
      readonly kind: 'shorter';
      readonly from: number;
      readonly count: number;
      readonly notedCount: number;
    }
  /**
   * The chain is intact, but event `from` (the noted count) has another hash: the record was rewritten
   * at or before that event and re-chained, or it is a different record altogether.
   */
  | { readonly ok: false; readonly kind: 'differs'; readonly from: number }
  /** Stopped through its signal; nothing is known. */
  | { readonly ok: false; readonly kind: 'cancelled' };

/**
 * Checks that `events` (in seq order from 1, as stored) extend `noted`. Walks and re-hashes the chain
 * up to the noted count only; events after it are not looked at (the full check covers them). A noted
 * count of 0 is extended by every record, provided its hash is the genesis hash.
 */
export async function checkExtends(
  events: readonly (object & Partial<ChainLink>)[],
  noted: ChainHead,
  options: VerifyOptions = {},
): Promise<ExtendsResult> {
  const covered = events.slice(0, noted.count);
  const chain = await verifyRecord(covered, undefined, options);
  if (!chain.ok) {
    if (chain.kind === 'cancelled') return { ok: false, kind: 'cancelled' };
    // Without a head, verifyRecord only reports problems at an event.
    const from = 'seq' in chain ? chain.seq : 1;
    return { ok: false, kind: 'broken', from, problem: chain };
  }
  if (covered.length < noted.count) {
    return {
      ok: false,
      kind: 'shorter',
      from: covered.length + 1,
      count: events.length,
      notedCount: noted.count,
    };
  }
  const atCount = noted.count === 0 ? undefined : covered[noted.count - 1];
  const hashAtCount = atCount === undefined ? GENESIS_HASH : atCount.hash;
  if (hashAtCount === noted.lastHash) return { ok: true, notedCount: noted.count, count: events.length };
  const legacyHash = (atCount as { readonly legacyHash?: unknown } | undefined)?.legacyHash;
  if (legacyHash === noted.lastHash)
    return { ok: true, notedCount: noted.count, count: events.length, legacy: true };
  return { ok: false, kind: 'differs', from: Math.max(1, noted.count) };
}

/** Why a typed or pasted head is not one. */
export type NotedHeadProblem = 'recordAnchor.badCount' | 'recordAnchor.badHash';

/**
 * Reads a head typed or pasted by the operator: the count as digits (spaces, commas and the thin
 * spaces of a formatted number allowed), the hash as 64 hex digits in either case, spaces allowed.
 */
export function parseNotedHead(
  countText: string,
  hashText: string,
):
  | { readonly ok: true; readonly head: ChainHead }
  | { readonly ok: false; readonly problem: NotedHeadProblem } {
  const digits = countText.replace(/[\s,，\u202f]/g, '');
  if (!/^\d{1,15}$/.test(digits)) return { ok: false, problem: 'recordAnchor.badCount' };
  const hash = hashText.replace(/\s/g, '').toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(hash)) return { ok: false, problem: 'recordAnchor.badHash' };
  return { ok: true, head: { count: Number(digits), lastHash: hash } };
}
