/**
 * The tamper-evident record (行政执法全过程记录): events are append-only and hash-chained,
 * `hash = SHA-256(prevHash + canonicalJson(event without hash))`, hex lower case. The chain head
 * (`count`, `lastHash`) is kept by the app outside the events table, so that cutting events off the
 * end is caught as well as editing, removing or reordering them. SHA-256 is @noble/hashes' audited
 * synchronous implementation: a chain is sequential, and one WebCrypto promise per event makes
 * chaining the sample's 33,000 events about three times slower (`npm run bench -- record`, same
 * canonical JSON and chain in both).
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { canonicalJson } from './canonical-json';

/** The hash before the first event: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64);

/** Where a record's chain ends; the app stores it apart from the events. */
export interface ChainHead {
  /** Number of events appended so far. */
  readonly count: number;
  /** Hash of the last event, {@link GENESIS_HASH} when empty. */
  readonly lastHash: string;
}

/** Fields the chain adds to an event. */
export interface ChainLink {
  /** 1-based position in the record. */
  readonly seq: number;
  readonly prevHash: string;
  readonly hash: string;
}

/** An event as stored: its own fields plus the chain link. */
export type ChainedEvent<E extends object> = E & ChainLink;

/** The head of an empty record. */
export const EMPTY_HEAD: ChainHead = { count: 0, lastHash: GENESIS_HASH };

/** SHA-256 of a text's UTF-8 bytes, as 64 lower-case hex digits, computed synchronously. */
export function sha256HexSync(text: string): string {
  return bytesToHex(sha256(new TextEncoder().encode(text)));
}

/** {@link sha256HexSync} behind a promise, for callers written against the asynchronous form. */
export async function sha256Hex(text: string): Promise<string> {
  return Promise.resolve(sha256HexSync(text));
}

/** The hash an event must carry, computed from everything but its `hash` field. */
export function eventHashSync(event: object): string {
  const body: Record<string, unknown> = { ...event };
  delete body.hash;
  const prevHash = typeof body.prevHash === 'string' ? body.prevHash : '';
  return sha256HexSync(prevHash + canonicalJson(body));
}

/** {@link eventHashSync} behind a promise. */
export async function eventHash(event: object): Promise<string> {
  return Promise.resolve(eventHashSync(event));
}

/**
 * Links one event to the end of the record. `event` must be JSON data (see canonicalJson) and must
 * not carry `seq`, `prevHash` or `hash` (they are overwritten). Returns the stored form and the new
 * head; the caller writes both in one transaction.
 */
export function appendEventSync<E extends object>(
  head: ChainHead,
  event: E,
): { readonly event: ChainedEvent<E>; readonly head: ChainHead } {
  const seq = head.count + 1;
  const body = { ...event, seq, prevHash: head.lastHash };
  const hash = eventHashSync(body);
  return { event: { ...body, hash }, head: { count: seq, lastHash: hash } };
}

/** {@link appendEventSync} behind a promise. */
export async function appendEvent<E extends object>(
  head: ChainHead,
  event: E,
): Promise<{ readonly event: ChainedEvent<E>; readonly head: ChainHead }> {
  return Promise.resolve(appendEventSync(head, event));
}

/** The first thing wrong with a record, with an i18n key for the message. */
export type RecordProblem =
  /** The event at `seq` does not hash to its stored hash: its content was changed. */
  | { readonly kind: 'edited'; readonly key: 'record.edited'; readonly seq: number }
  /** The event with `seq` is missing: the record jumps over it. */
  | { readonly kind: 'removed'; readonly key: 'record.removed'; readonly seq: number }
  /**
   * The event found where `seq` should be is out of order (a later or repeated seq), or its
   * `prevHash` does not match the event before it.
   */
  | { readonly kind: 'reordered'; readonly key: 'record.reordered'; readonly seq: number }
  /** Fewer events than the head says, or the last hash differs from the head's. */
  | {
      readonly kind: 'truncated';
      readonly key: 'record.truncated';
      readonly expectedCount: number;
      readonly actualCount: number;
    }
  /** More events than the head says: the head was not updated, or events were slipped in. */
  | {
      readonly kind: 'headMismatch';
      readonly key: 'record.headMismatch';
      readonly expectedCount: number;
      readonly actualCount: number;
    };

export type VerifyResult =
  | { readonly ok: true }
  | ({ readonly ok: false } & RecordProblem)
  /** The check was stopped through its signal before it finished; nothing is known. */
  | { readonly ok: false; readonly kind: 'cancelled'; readonly key: 'record.cancelled' };

export interface VerifyOptions {
  /** Called every `progressEvery` events with how many were checked and the total. */
  readonly onProgress?: (checked: number, total: number) => void;
  readonly progressEvery?: number;
  /** Checked with each progress call; when aborted the check stops and says `cancelled`. */
  readonly signal?: AbortSignal;
}

function at(kind: 'edited' | 'removed' | 'reordered', seq: number): VerifyResult {
  return { ok: false, kind, key: `record.${kind}`, seq } as VerifyResult;
}

type LinkedEvent = object & Partial<ChainLink>;

/** The problem with the event at `index` (its seq, link and hash), or null when it is sound. */
function eventProblem(events: readonly LinkedEvent[], index: number, prevHash: string): VerifyResult | null {
  const event = events[index];
  const expected = index + 1;
  const seq = event?.seq;
  if (event === undefined || typeof seq !== 'number' || seq < expected) return at('reordered', expected);
  if (seq > expected) {
    const later = events.slice(index + 1).some((other) => other.seq === expected);
    return at(later ? 'reordered' : 'removed', expected);
  }
  if (typeof event.hash !== 'string' || eventHashSync(event) !== event.hash) return at('edited', seq);
  if (event.prevHash !== prevHash) return at('reordered', seq);
  return null;
}

/** Whether a sound chain ending at `lastHash` after `count` events is as long as `head` and ends at it. */
function headProblem(count: number, lastHash: string, head: ChainHead | undefined): VerifyResult {
  if (head !== undefined) {
    const counts = { expectedCount: head.count, actualCount: count };
    if (count > head.count) return { ok: false, kind: 'headMismatch', key: 'record.headMismatch', ...counts };
    if (count < head.count || lastHash !== head.lastHash) {
      return { ok: false, kind: 'truncated', key: 'record.truncated', ...counts };
    }
  }
  return { ok: true };
}

/**
 * Checks a whole record, events in stored order (by seq, from 1). Returns the first problem found,
 * walking from the start: a missing seq is `removed`, a seq out of place or a broken `prevHash` link is
 * `reordered`, a hash that does not match the content is `edited`. With `head`, also checks the record
 * is as long as the head says and ends at its hash (`truncated`, or `headMismatch` if longer).
 */
export async function verifyRecord(
  events: readonly LinkedEvent[],
  head?: ChainHead,
  options: VerifyOptions = {},
): Promise<VerifyResult> {
  let prevHash = GENESIS_HASH;
  const every = options.progressEvery ?? 500;
  for (let index = 0; index < events.length; index += 1) {
    if (index % every === 0 && index > 0) {
      options.onProgress?.(index, events.length);
      // Let the page paint the progress and take a click on Cancel.
      await new Promise<void>((resolve) => setTimeout(resolve, 0));
      if (options.signal?.aborted) return { ok: false, kind: 'cancelled', key: 'record.cancelled' };
    }
    const problem = eventProblem(events, index, prevHash);
    if (problem !== null) return problem;
    prevHash = (events[index] as ChainLink).hash;
  }
  return headProblem(events.length, prevHash, head);
}

/**
 * {@link verifyRecord} in one go, without progress or pauses: for code that must not wait on a timer,
 * such as a Dexie upgrade hook (store-migrations.ts), which would lose its transaction.
 */
export function verifyRecordSync(events: readonly LinkedEvent[], head?: ChainHead): VerifyResult {
  let prevHash = GENESIS_HASH;
  for (let index = 0; index < events.length; index += 1) {
    const problem = eventProblem(events, index, prevHash);
    if (problem !== null) return problem;
    prevHash = (events[index] as ChainLink).hash;
  }
  return headProblem(events.length, prevHash, head);
}
