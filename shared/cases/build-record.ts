/**
 * The loop state and record of cases that arrive with a history (the sample, a migrated store, later
 * a township's own case history): every case is replayed through the loop (history.ts) and the events
 * of all cases are chained in time order, from an empty record. Pure: the caller writes the result.
 */
import type { Case } from '../model/case';
import type { Matter } from '../model/matter';
import type { Actor, CaseLoopState } from './loop-types';
import { EMPTY_HEAD, appendEventSync, type ChainHead } from './record';
import {
  chainEach,
  chainEventsSync,
  recordOrder,
  replayCase,
  type CaseEvent,
  type StoredCaseEvent,
  type StoredCaseEventV2,
} from './history';

/** The loop state of one case, with the seq of the last event that changed it (for optimistic writes). */
export interface CaseLoopRow {
  readonly caseId: string;
  readonly state: CaseLoopState;
  readonly lastSeq: number;
  /**
   * Epoch ms of the case's latest event (store version 4; indexed): what the queue finds the cases
   * touched recently by, without reading the closed history.
   */
  readonly lastAt: number;
}

/** The loop state and record of a whole dataset's cases, ready to write. */
export interface BuiltRecord<E = StoredCaseEvent> {
  readonly loops: readonly CaseLoopRow[];
  readonly events: readonly E[];
  readonly head: ChainHead;
}

/** Who did the steps of an imported history: the names it carries, as operator accounts of the sample. */
export function historyActor(name: string): Actor {
  return { id: `history:${name}`, role: 'operator', name };
}

function replayAll(dataset: { readonly cases: readonly Case[]; readonly matters: readonly Matter[] }): {
  readonly states: Map<string, CaseLoopState>;
  readonly events: CaseEvent[];
} {
  const matters = new Map(dataset.matters.map((m) => [m.code, m]));
  const events: CaseEvent[] = [];
  const states = new Map<string, CaseLoopState>();
  for (const kase of dataset.cases) {
    const replayed = replayCase(kase, matters.get(kase.matterCode), historyActor);
    states.set(kase.id, replayed.state);
    events.push(...replayed.events);
  }
  return { states, events };
}

/**
 * The loop rows of `states` (by case id) after `events` (in seq order): each with the seq and the time
 * of its case's last event among them (0 when none).
 */
export function caseLoopRows(
  states: Iterable<readonly [string, CaseLoopState]>,
  events: readonly { readonly caseId: string; readonly seq: number; readonly at: number }[],
): CaseLoopRow[] {
  const last = new Map<string, { readonly seq: number; readonly at: number }>();
  for (const event of events) last.set(event.caseId, event);
  return [...states].map(([caseId, state]) => ({
    caseId,
    state,
    lastSeq: last.get(caseId)?.seq ?? 0,
    lastAt: last.get(caseId)?.at ?? 0,
  }));
}

/**
 * Replays every case of `dataset` through the loop and chains the events in time order, from an empty
 * record, each event named `eventId(seq)`. Throws HistoryReplayError naming the case and step if a
 * history does not fit the loop.
 */
export function buildRecordSync(
  dataset: { readonly cases: readonly Case[]; readonly matters: readonly Matter[] },
  eventId: (seq: number) => string,
): BuiltRecord {
  const { states, events: all } = replayAll(dataset);
  const { events, head } = chainEventsSync(EMPTY_HEAD, all, eventId);
  return { loops: caseLoopRows(states, events), events, head };
}

/** Events chained between two awaits of {@link buildRecordInSteps}' `between`. */
export const RECORD_BUILD_STEP = 2_000;

/**
 * {@link buildRecordSync} in steps, with the same result: `between()` is awaited before the replay and
 * after every {@link RECORD_BUILD_STEP} events chained, so work in the background (a spare sample in
 * the seed worker) can make way for what the user is doing.
 */
export async function buildRecordInSteps(
  dataset: { readonly cases: readonly Case[]; readonly matters: readonly Matter[] },
  eventId: (seq: number) => string,
  between: () => Promise<void>,
): Promise<BuiltRecord> {
  await between();
  const { states, events: all } = replayAll(dataset);
  const events: StoredCaseEvent[] = [];
  let head = EMPTY_HEAD;
  for (const linked of chainEach(EMPTY_HEAD, all, eventId)) {
    if (events.length > 0 && events.length % RECORD_BUILD_STEP === 0) await between();
    events.push(linked.event);
    head = linked.head;
  }
  return { loops: caseLoopRows(states, events), events, head };
}

/** {@link buildRecordSync} behind a promise. */
export async function buildRecord(
  dataset: { readonly cases: readonly Case[]; readonly matters: readonly Matter[] },
  eventId: (seq: number) => string,
): Promise<BuiltRecord> {
  return Promise.resolve(buildRecordSync(dataset, eventId));
}

/**
 * The record as store version 2 built it, events without ids: what the version-2 step of the store
 * migrations produces for a version-1 database, before the version-3 step scopes its ids.
 */
export function buildRecordV2(dataset: {
  readonly cases: readonly Case[];
  readonly matters: readonly Matter[];
}): BuiltRecord<StoredCaseEventV2> {
  const { states, events: all } = replayAll(dataset);
  const events: StoredCaseEventV2[] = [];
  let head = EMPTY_HEAD;
  for (const event of recordOrder(all)) {
    const linked = appendEventSync(head, event);
    events.push(linked.event);
    head = linked.head;
  }
  return { loops: caseLoopRows(states, events), events, head };
}
