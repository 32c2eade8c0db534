import { describe, expect, it } from 'vitest';
import {
  EMPTY_HEAD,
  GENESIS_HASH,
  type ChainHead,
  type ChainedEvent,
  appendEvent,
  sha256Hex,
  verifyRecord,
} from './record';
import { applyAction } from './state-machine';
import type { CaseActionType, CaseLoopState, LoopEvent } from './loop-types';
import { HOUR, OPERATOR, REPORTED, T0, validAction } from './test-actions';

const PATH: readonly CaseActionType[] = [
  'register',
  'dispatch',
  'acknowledge',
  'startHandling',
  'submitFeedback',
  'verifyPass',
  'close',
];

/** The record of a case taken from reported to closed by the state machine. */
async function closedCaseRecord(): Promise<{ events: ChainedEvent<LoopEvent>[]; head: ChainHead }> {
  let state: CaseLoopState = REPORTED;
  let head = EMPTY_HEAD;
  const events: ChainedEvent<LoopEvent>[] = [];
  for (const [index, type] of PATH.entries()) {
    const result = applyAction(state, validAction(type), OPERATOR, T0 + index * HOUR);
    if (!result.ok) throw new Error(result.reason.key);
    state = result.state;
    const appended = await appendEvent(head, result.event);
    events.push(appended.event);
    head = appended.head;
  }
  return { events, head };
}

describe('sha256Hex', () => {
  it('matches the FIPS 180-2 test vector for "abc"', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
});

describe('appendEvent', () => {
  it('hashes prevHash followed by the canonical JSON of the event without its hash', async () => {
    const { event, head } = await appendEvent(EMPTY_HEAD, { b: 2, a: '立案' });
    const expectedHash = await sha256Hex(
      `${GENESIS_HASH}{"a":"立案","b":2,"prevHash":"${GENESIS_HASH}","seq":1}`,
    );
    expect(event).toEqual({ a: '立案', b: 2, seq: 1, prevHash: GENESIS_HASH, hash: expectedHash });
    expect(head).toEqual({ count: 1, lastHash: expectedHash });
  });

  it('links each event to the one before it', async () => {
    const { events, head } = await closedCaseRecord();
    expect(events.map((event) => event.seq)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    events.forEach((event, index) => {
      expect(event.prevHash).toBe(index === 0 ? GENESIS_HASH : events[index - 1]!.hash);
      expect(event.hash).toMatch(/^[0-9a-f]{64}$/);
    });
    expect(head).toEqual({ count: 7, lastHash: events[6]!.hash });
  });

  it('does not depend on the order the event keys were written in', async () => {
    const one = await appendEvent(EMPTY_HEAD, { at: T0, actor: { id: 'a', role: 'operator' } });
    const other = await appendEvent(EMPTY_HEAD, { actor: { role: 'operator', id: 'a' }, at: T0 });
    expect(one.event.hash).toBe(other.event.hash);
  });
});

describe('verifyRecord', () => {
  it('accepts an untouched record, with and without its head', async () => {
    const { events, head } = await closedCaseRecord();
    expect(await verifyRecord(events, head)).toEqual({ ok: true });
    expect(await verifyRecord(events)).toEqual({ ok: true });
    expect(await verifyRecord([], EMPTY_HEAD)).toEqual({ ok: true });
  });

  it('names an edited event by its seq', async () => {
    const { events, head } = await closedCaseRecord();
    const edited = events.map((event) => (event.seq === 3 ? { ...event, at: event.at + 60_000 } : event));
    expect(await verifyRecord(edited, head)).toEqual({
      ok: false,
      kind: 'edited',
      key: 'record.edited',
      seq: 3,
    });
  });

  it('catches an edit of a nested field, such as the actor', async () => {
    const { events, head } = await closedCaseRecord();
    const edited = events.map((event) =>
      event.seq === 5 ? { ...event, actor: { id: 'someone-else', role: event.actor.role } } : event,
    );
    expect(await verifyRecord(edited, head)).toMatchObject({ ok: false, kind: 'edited', seq: 5 });
  });

  it('names a removed event by the seq that is missing', async () => {
    const { events, head } = await closedCaseRecord();
    const removed = events.filter((event) => event.seq !== 4);
    expect(await verifyRecord(removed, head)).toEqual({
      ok: false,
      kind: 'removed',
      key: 'record.removed',
      seq: 4,
    });
    const firstRemoved = events.slice(1);
    expect(await verifyRecord(firstRemoved, head)).toMatchObject({ ok: false, kind: 'removed', seq: 1 });
  });

  it('names two swapped events as reordered', async () => {
    const { events, head } = await closedCaseRecord();
    const swapped = [...events];
    [swapped[2], swapped[3]] = [swapped[3]!, swapped[2]!];
    expect(await verifyRecord(swapped, head)).toEqual({
      ok: false,
      kind: 'reordered',
      key: 'record.reordered',
      seq: 3,
    });
  });

  it('names a broken prevHash link as reordered, and a repeated event too', async () => {
    const { events, head } = await closedCaseRecord();
    // Event 4 re-linked onto event 2 and rehashed, as if events had been shuffled and renumbered.
    const relinked = (await appendEvent({ count: 3, lastHash: events[1]!.hash }, stripLink(events[3]!)))
      .event;
    const shuffled = events.map((event) => (event.seq === 4 ? relinked : event));
    expect(await verifyRecord(shuffled, head)).toMatchObject({ ok: false, kind: 'reordered', seq: 4 });
    const repeated = [...events.slice(0, 3), events[2]!, ...events.slice(3)];
    expect(await verifyRecord(repeated)).toMatchObject({ ok: false, kind: 'reordered', seq: 4 });
  });

  it('names a record cut short as truncated when given its head', async () => {
    const { events, head } = await closedCaseRecord();
    const truncated = events.slice(0, 5);
    expect(await verifyRecord(truncated, head)).toEqual({
      ok: false,
      kind: 'truncated',
      key: 'record.truncated',
      expectedCount: 7,
      actualCount: 5,
    });
    // Without the head, a clean cut at the end cannot be seen: that is why the head is kept apart.
    expect(await verifyRecord(truncated)).toEqual({ ok: true });
  });

  it('names a record whose last event was replaced as truncated', async () => {
    const { events, head } = await closedCaseRecord();
    const sixHead = { count: 6, lastHash: events[5]!.hash };
    const replaced = await appendEvent(sixHead, { ...stripLink(events[6]!), at: T0 + 99 * HOUR });
    const forged = [...events.slice(0, 6), replaced.event];
    expect(await verifyRecord(forged)).toEqual({ ok: true });
    expect(await verifyRecord(forged, head)).toMatchObject({ ok: false, kind: 'truncated' });
  });

  it('names a record longer than its head as a head mismatch', async () => {
    const { events, head } = await closedCaseRecord();
    const extra = await appendEvent(head, { note: '补录' });
    expect(await verifyRecord([...events, extra.event], head)).toMatchObject({
      ok: false,
      kind: 'headMismatch',
      expectedCount: 7,
      actualCount: 8,
    });
  });
});

function stripLink(event: ChainedEvent<LoopEvent>): LoopEvent {
  const { action, actor, at, from, to } = event;
  return { action, actor, at, from, to };
}

/** A stored case event as the repository writes it: the loop event, its case, a named actor, the link. */
type StoredEvent = ChainedEvent<LoopEvent & { caseId: string }>;

/** The closed case's record as stored events of case "case-7", by an operator with a display name. */
async function storedCaseRecord(): Promise<{ events: StoredEvent[]; head: ChainHead }> {
  const { events } = await closedCaseRecord();
  let head = EMPTY_HEAD;
  const out: StoredEvent[] = [];
  for (const event of events) {
    const body = { ...stripLink(event), caseId: 'case-7', actor: { ...event.actor, name: '王芳' } };
    const appended = await appendEvent(head, body);
    out.push(appended.event);
    head = appended.head;
  }
  return { events: out, head };
}

/**
 * One change per field of a stored event (the dispatch, seq 2), nested ones included, and what the check
 * must say about it. Every top-level field must be here: a field the hash forgot would go unnoticed.
 */
const TAMPERS: readonly {
  readonly field: string;
  readonly change: (e: StoredEvent) => StoredEvent;
  readonly kind: 'edited' | 'removed' | 'reordered';
}[] = [
  { field: 'caseId', change: (e) => ({ ...e, caseId: 'case-8' }), kind: 'edited' },
  {
    field: 'action',
    change: (e) => ({ ...e, action: { type: 'reject', payload: { reason: '不属于本镇管辖' } } }),
    kind: 'edited',
  },
  {
    field: 'action.payload.teamId',
    change: (e) => ({
      ...e,
      action: { type: 'dispatch', payload: { teamId: 'team-2', officerIds: ['off-1', 'off-2'] } },
    }),
    kind: 'edited',
  },
  {
    field: 'action.payload.officerIds',
    change: (e) => ({
      ...e,
      action: { type: 'dispatch', payload: { teamId: 'team-1', officerIds: ['off-1', 'off-3'] } },
    }),
    kind: 'edited',
  },
  { field: 'actor', change: (e) => ({ ...e, actor: { ...e.actor, role: 'leader' } }), kind: 'edited' },
  { field: 'actor.name', change: (e) => ({ ...e, actor: { ...e.actor, name: '李强' } }), kind: 'edited' },
  { field: 'at', change: (e) => ({ ...e, at: e.at - 1 }), kind: 'edited' },
  { field: 'from', change: (e) => ({ ...e, from: 'reported' }), kind: 'edited' },
  { field: 'to', change: (e) => ({ ...e, to: 'handling' }), kind: 'edited' },
  { field: 'seq', change: (e) => ({ ...e, seq: 9 }), kind: 'removed' },
  { field: 'prevHash', change: (e) => ({ ...e, prevHash: GENESIS_HASH }), kind: 'edited' },
  { field: 'hash', change: (e) => ({ ...e, hash: `${'f'.repeat(8)}${e.hash.slice(8)}` }), kind: 'edited' },
];

describe('verifyRecord against a change of any field', () => {
  it('has a tamper case for every field of a stored event', async () => {
    const { events } = await storedCaseRecord();
    const topLevel = new Set(TAMPERS.map((t) => t.field.split('.')[0]));
    expect(Object.keys(events[1]!).sort()).toEqual([...topLevel].sort());
    expect(events[1]!.action.type).toBe('dispatch');
  });

  it.each(TAMPERS)('names the event whose $field was changed', async ({ change, kind }) => {
    const { events, head } = await storedCaseRecord();
    const tampered = events.map((event) => (event.seq === 2 ? change(event) : event));
    expect(tampered[1]).not.toEqual(events[1]);
    expect(await verifyRecord(tampered, head)).toMatchObject({ ok: false, kind, seq: 2 });
  });
});
