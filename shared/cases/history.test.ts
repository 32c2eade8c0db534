import { beforeAll, describe, expect, it } from 'vitest';
import type { Case } from '../model/case';
import type { Matter } from '../model/matter';
import { EMPTY_HEAD, verifyRecord } from './record';
import { chainEvents, HistoryReplayError, replayCase, type CaseEvent } from './history';
import type { Actor } from './loop-types';
import { readCommitted } from '../sample/test-committed';
import { scopedEventId } from '../model/ids';
import { TEST_WORKSTATION } from './test-actions';

const actorOf = (name: string): Actor => ({ id: `sample:${name}`, role: 'operator', name });

let cases: Case[];
let matters: Map<string, Matter>;

beforeAll(async () => {
  cases = (await readCommitted('cases.json')) as Case[];
  const township = (await readCommitted('township.json')) as { matters: Matter[] };
  matters = new Map(township.matters.map((m) => [m.code, m]));
});

describe('replaying a stored history through the loop', () => {
  it('plays every sample case to the stage it is stored at, opening with its report', () => {
    for (const kase of cases) {
      const { state, events } = replayCase(kase, matters.get(kase.matterCode), actorOf);
      expect(state.stage, kase.id).toBe(kase.stage);
      expect(events[0]?.action.type, kase.id).toBe('report');
      expect(events.every((e) => e.caseId === kase.id)).toBe(true);
    }
  });

  it('starts the handling clock at the 签收 step and keeps who acted', () => {
    const kase = cases.find(
      (c) => c.stage === 'evaluated' && matters.get(c.matterCode)?.authority.kind === 'township',
    )!;
    const { state, events } = replayCase(kase, matters.get(kase.matterCode), actorOf);
    const handling = kase.steps.find((s) => s.stage === 'handling')!;
    expect(state.acknowledgedAt).toBe(handling.at);
    const types = events.map((e) => e.action.type);
    expect(types).toEqual([
      'report',
      'register',
      'dispatch',
      'acknowledge',
      'startHandling',
      'submitFeedback',
      'verifyPass',
      'close',
      'recordFollowUp',
      'evaluate',
    ]);
    expect(events[1]?.actor.name).toBe(kase.steps[1]?.actor);
    expect(state.followUp?.satisfaction).toBeGreaterThanOrEqual(1);
  });

  it('whistles a county department for matters in its power, waits for it, and rates it once verified', () => {
    const kase = cases.find(
      (c) => c.stage === 'closed' && matters.get(c.matterCode)?.authority.kind === 'department',
    )!;
    const matter = matters.get(kase.matterCode)!;
    const { state, events } = replayCase(kase, matter, actorOf);
    const types = events.map((e) => e.action.type);
    expect(types.slice(0, 5)).toEqual(['report', 'register', 'whistle', 'respondWhistle', 'dispatch']);
    expect(state.whistle?.departmentId).toBe(
      matter.authority.kind === 'department' && matter.authority.departmentId,
    );
    expect(state.whistle?.rating).toBeDefined();
  });

  it('replays some verified cases as failing their first check (返工) and passing after more handling', () => {
    const verified = cases.filter((c) => c.steps.some((s) => s.stage === 'verified'));
    const replayed = verified.map((c) => replayCase(c, matters.get(c.matterCode), actorOf));
    const reworked = replayed.filter((r) => r.state.counters.reworks === 1);
    expect(reworked.length / verified.length).toBeGreaterThan(0.04);
    expect(reworked.length / verified.length).toBeLessThan(0.15);
    const types = reworked[0]!.events.map((e) => e.action.type);
    const fail = types.indexOf('verifyFail');
    expect(types.slice(fail, fail + 3)).toEqual(['verifyFail', 'submitFeedback', 'verifyPass']);
  });

  it('names the case and step when the loop refuses the history', () => {
    const kase = cases.find((c) => c.stage === 'closed')!;
    const broken: Case = { ...kase, steps: kase.steps.filter((s) => s.stage !== 'feedback') };
    expect(() => replayCase(broken, matters.get(kase.matterCode), actorOf)).toThrow(HistoryReplayError);
    expect(() => replayCase(broken, matters.get(kase.matterCode), actorOf)).toThrow(
      `case ${kase.id}: step verified refused by the loop (loop.notAllowedInStage)`,
    );
  });
});

describe('chaining replayed events into the record', () => {
  it('orders events by time across cases and links them so the record verifies', async () => {
    const some = cases.slice(0, 40);
    const events: CaseEvent[] = some.flatMap((c) => replayCase(c, matters.get(c.matterCode), actorOf).events);
    const { events: stored, head } = await chainEvents(EMPTY_HEAD, events, (seq) =>
      scopedEventId(TEST_WORKSTATION, seq),
    );
    expect(stored).toHaveLength(events.length);
    expect(head.count).toBe(events.length);
    for (let i = 1; i < stored.length; i += 1)
      expect(stored[i]!.at).toBeGreaterThanOrEqual(stored[i - 1]!.at);
    expect(await verifyRecord(stored, head)).toEqual({ ok: true });
  });
});
