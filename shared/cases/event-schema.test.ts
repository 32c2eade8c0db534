import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../model/case';
import type { Matter } from '../model/matter';
import { EMPTY_HEAD, appendEventSync } from './record';
import { chainEvents, replayCase, type CaseEvent, type StoredCaseEvent } from './history';
import { CASE_ACTION_TYPES } from './loop-types';
import { parseStoredEvent } from './event-schema';
import { OPERATOR, T0, validAction } from './test-actions';
import { readCommitted } from '../sample/test-committed';

let sampleEvents: StoredCaseEvent[];

beforeAll(async () => {
  const cases = (await readCommitted('cases.json')) as Case[];
  const township = (await readCommitted('township.json')) as { matters: Matter[] };
  const matters = new Map(township.matters.map((m) => [m.code, m]));
  const all = cases.flatMap(
    (kase) =>
      replayCase(kase, matters.get(kase.matterCode), (name) => ({
        id: `history:${name}`,
        role: 'operator',
        name,
      })).events,
  );
  sampleEvents = (await chainEvents(EMPTY_HEAD, all)).events;
});

/** One stored event of `action`, chained from the empty record. */
function storedOf(action: CaseEvent['action']): StoredCaseEvent {
  const event: CaseEvent = {
    caseId: 'case-1',
    action,
    actor: OPERATOR,
    at: T0,
    from: 'reported',
    to: 'reported',
  };
  return appendEventSync(EMPTY_HEAD, event).event;
}

describe('the event schema', () => {
  it('accepts every event of the sample township’s replayed record', () => {
    expect(sampleEvents.length).toBeGreaterThan(1000);
    const refused = sampleEvents.flatMap((e, i) => {
      const parsed = parseStoredEvent(e, i + 1);
      return parsed.ok ? [] : [parsed.problem];
    });
    expect(refused).toEqual([]);
  });

  it('accepts an event of every action type, a note with files included', () => {
    for (const type of CASE_ACTION_TYPES) {
      expect(parseStoredEvent(storedOf(validAction(type)), 1).ok, type).toBe(true);
    }
    const withFiles = storedOf({ type: 'note', payload: { text: '', attachmentIds: ['att-1'] } });
    expect(parseStoredEvent(withFiles, 1).ok).toBe(true);
  });

  it('names the seq and the field of a malformed event', () => {
    const good = sampleEvents[41]!;
    const cases: [unknown, string][] = [
      [{ ...good, action: null }, 'action'],
      [{ ...good, action: { type: 'dance', payload: {} } }, 'action.type'],
      [{ ...good, action: { type: 'reject', payload: { reason: 7 } } }, 'action.payload.reason'],
      [{ ...good, actor: { id: 'x', role: 'admin' } }, 'actor.role'],
      [{ ...good, at: '2026-01-01' }, 'at'],
      [{ ...good, to: 'somewhere' }, 'to'],
      [{ ...good, hash: 'abc' }, 'hash'],
      [{ ...good, extra: 1 }, 'extra'],
      [
        { ...good, action: { ...good.action, payload: { ...good.action.payload, sneaky: true } } },
        'action.payload.sneaky',
      ],
    ];
    for (const [raw, field] of cases) {
      expect(parseStoredEvent(raw, 42), field).toEqual({ ok: false, problem: { seq: good.seq, field } });
    }
  });

  it('names the position of an event without a usable seq', () => {
    expect(parseStoredEvent({ ...sampleEvents[0], seq: 'one' }, 7)).toEqual({
      ok: false,
      problem: { seq: 7, field: 'seq' },
    });
    expect(parseStoredEvent(null, 9)).toEqual({ ok: false, problem: { seq: 9, field: 'event' } });
  });
});
