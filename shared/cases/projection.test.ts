import { describe, expect, it } from 'vitest';
import type { Case } from '../model/case';
import { makeFixtureDataset } from '../schema/test-fixture';
import { projectCase } from './projection';
import { OPERATOR, REPORTED, T0, validAction } from './test-actions';
import { DEFAULT_EVIDENCE_RULE } from './evidence';

const RULES = { evidence: { rule: DEFAULT_EVIDENCE_RULE, separateVerifier: true } };

const reportedCase: Case = {
  ...makeFixtureDataset().cases.find((c) => c.stage === 'reported')!,
  teamId: 'team-1',
};
const NAMED = { ...OPERATOR, name: '值班员甲' };

describe('projecting a case through actions, before anything is written', () => {
  it('立案 then 派遣: the row moves to dispatched with a step for each stage, the officers sent and two events', () => {
    const dispatch = { type: 'dispatch', payload: { teamId: 'team-2', officerIds: ['off-7'] } } as const;
    const p = projectCase(reportedCase, REPORTED, [validAction('register'), dispatch], NAMED, T0, RULES);
    if ('refusal' in p) throw new Error(p.refusal.key);
    expect(p.kase.stage).toBe('dispatched');
    expect(p.kase.steps.slice(reportedCase.steps.length)).toEqual([
      { stage: 'registered', at: T0, actor: '值班员甲' },
      { stage: 'dispatched', at: T0, actor: '值班员甲' },
    ]);
    expect(p.kase).toMatchObject({ teamId: 'team-2', officerIds: ['off-7'] });
    expect(p.state.dispatch).toEqual({ teamId: 'team-2', officerIds: ['off-7'] });
    expect(p.events.map((e) => [e.caseId, e.action.type, e.from, e.to])).toEqual([
      [reportedCase.id, 'register', 'reported', 'registered'],
      [reportedCase.id, 'dispatch', 'registered', 'dispatched'],
    ]);
    expect(reportedCase.stage).toBe('reported'); // the input is left as it was
  });

  it('改派 moves the case to the new grid and team without a stage step; a note adds an event only', () => {
    const p = projectCase(
      reportedCase,
      REPORTED,
      [validAction('reassign'), validAction('note')],
      OPERATOR,
      T0,
      RULES,
    );
    if ('refusal' in p) throw new Error(p.refusal.key);
    expect(p.kase).toMatchObject({ gridCode: '321281104001002', teamId: 'team-2', stage: 'reported' });
    expect(p.kase.steps).toEqual(reportedCase.steps);
    expect(p.events).toHaveLength(2);
  });

  it('names the first refused action and why, and the account id when it has no name', () => {
    const p = projectCase(
      reportedCase,
      REPORTED,
      [validAction('register'), validAction('close')],
      OPERATOR,
      T0,
      RULES,
    );
    expect(p).toMatchObject({ index: 1, refusal: { key: expect.stringMatching(/^loop\./) } });
    const named = projectCase(reportedCase, REPORTED, [validAction('register')], OPERATOR, T0, RULES);
    if ('refusal' in named) throw new Error(named.refusal.key);
    expect(named.kase.steps.at(-1)?.actor).toBe(OPERATOR.id);
  });

  it('keeps leading events (a new case’s 上报) ahead of the actions’ events', () => {
    const first = projectCase(reportedCase, REPORTED, [validAction('register')], OPERATOR, T0, RULES);
    if ('refusal' in first) throw new Error(first.refusal.key);
    const p = projectCase(reportedCase, REPORTED, [validAction('note')], OPERATOR, T0, {
      ...RULES,
      leading: first.events,
    });
    if ('refusal' in p) throw new Error(p.refusal.key);
    expect(p.events.map((e) => e.action.type)).toEqual(['register', 'note']);
  });
});
