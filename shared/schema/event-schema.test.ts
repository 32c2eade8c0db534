import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../model/case';
import type { Matter } from '../model/matter';
import { EMPTY_HEAD, appendEventSync } from '../cases/record';
import { chainEvents, replayCase, type CaseEvent, type StoredCaseEvent } from '../cases/history';
import { CASE_ACTION_TYPES } from '../cases/loop-types';
import { parseStoredEvent } from './event-schema';
import { OPERATOR, T0, TEST_WORKSTATION, validAction } from '../cases/test-actions';
import { scopedEventId } from '../model/ids';
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
  sampleEvents = (await chainEvents(EMPTY_HEAD, all, (seq) => scopedEventId(TEST_WORKSTATION, seq))).events;
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
  return appendEventSync(EMPTY_HEAD, { ...event, id: scopedEventId(TEST_WORKSTATION, 1) }).event;
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

  it('reads each store version’s events by its own layout: ids from version 3 on', () => {
    const good = sampleEvents[41]!;
    const { id: _id, ...v2 } = good;
    expect(parseStoredEvent(v2, 42)).toEqual({ ok: false, problem: { seq: good.seq, field: 'id' } });
    expect(parseStoredEvent(v2, 42, 2).ok).toBe(true);
    expect(parseStoredEvent(good, 42, 2)).toEqual({ ok: false, problem: { seq: good.seq, field: 'id' } });
    for (const id of [
      'case-42',
      `${TEST_WORKSTATION}-0`,
      `${TEST_WORKSTATION.toUpperCase()}-42`,
      'k3m9q2x7ai-42',
    ])
      expect(parseStoredEvent({ ...good, id }, 42), id).toEqual({
        ok: false,
        problem: { seq: good.seq, field: 'id' },
      });
    expect(parseStoredEvent({ ...good, legacyHash: 'f'.repeat(64) }, 42).ok).toBe(true);
    expect(parseStoredEvent({ ...good, legacyHash: 'F' }, 42)).toEqual({
      ok: false,
      problem: { seq: good.seq, field: 'legacyHash' },
    });
  });

  it('accepts an import and its undo, and names a malformed field of one', () => {
    const imported = appendEventSync(EMPTY_HEAD, {
      id: scopedEventId(TEST_WORKSTATION, 1),
      action: {
        type: 'dataImport',
        payload: {
          kind: 'centreSetUp',
          files: [{ role: 'grids', name: '网格.zip', bytes: 2048, sha256: 'd'.repeat(64) }],
          counts: {
            grids: 2,
            patrolAreas: 1,
            communities: 1,
            teams: 1,
            officers: 3,
            gridWorkers: 0,
            matters: 5,
            departments: 1,
          },
          movedCases: 0,
        },
      },
      actor: { id: 'lead', role: 'leader', name: '陈刚' },
      at: T0,
    }).event;
    expect(parseStoredEvent(imported, 1)).toEqual({ ok: true, event: imported });
    const undo = appendEventSync(
      { count: 1, lastHash: imported.hash },
      {
        id: scopedEventId(TEST_WORKSTATION, 2),
        action: {
          type: 'dataImportUndo',
          payload: { undoes: imported.id, kind: 'centreSetUp', movedCases: 0 },
        },
        actor: { id: 'lead', role: 'leader' },
        at: T0 + 1,
      },
    ).event;
    expect(parseStoredEvent(undo, 2).ok).toBe(true);
    const badDigest = {
      ...imported,
      action: {
        ...imported.action,
        payload: {
          ...imported.action.payload,
          files: [{ role: 'grids', name: 'x', bytes: 1, sha256: 'XYZ' }],
        },
      },
    };
    expect(parseStoredEvent(badDigest, 1)).toEqual({
      ok: false,
      problem: { seq: 1, field: 'action.payload.files.0.sha256' },
    });
    expect(parseStoredEvent({ ...undo, caseId: undefined, extra: 1 }, 2).ok).toBe(false);
  });

  it('accepts a geofence alert’s acknowledgement, and names a malformed field of one', () => {
    const acknowledged = appendEventSync(EMPTY_HEAD, {
      id: scopedEventId(TEST_WORKSTATION, 1),
      action: {
        type: 'geofenceAcknowledge',
        payload: {
          alertId: `off-1@${T0}`,
          officerId: 'off-1',
          teamId: 'team-1',
          areaId: 'area-1',
          since: T0,
          raisedAt: T0 + 660_000,
          endedAt: null,
        },
      },
      actor: { id: 'account-op', role: 'operator', name: '值班员 王丽' },
      at: T0 + 700_000,
    }).event;
    expect(parseStoredEvent(acknowledged, 1)).toEqual({ ok: true, event: acknowledged });
    const noOfficer = {
      ...acknowledged,
      action: { ...acknowledged.action, payload: { ...acknowledged.action.payload, officerId: '' } },
    };
    expect(parseStoredEvent(noOfficer, 1)).toEqual({
      ok: false,
      problem: { seq: 1, field: 'action.payload.officerId' },
    });
  });

  it('names the position of an event without a usable seq', () => {
    expect(parseStoredEvent({ ...sampleEvents[0], seq: 'one' }, 7)).toEqual({
      ok: false,
      problem: { seq: 7, field: 'seq' },
    });
    expect(parseStoredEvent(null, 9)).toEqual({ ok: false, problem: { seq: 9, field: 'event' } });
  });
});
