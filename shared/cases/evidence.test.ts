import { describe, expect, it } from 'vitest';
import type { Case } from '../model/case';
import { makeFixtureDataset } from '../schema/test-fixture';
import { projectCase } from './projection';
import { DEFAULT_EVIDENCE_SETTINGS, evidenceRuleFor, type EvidenceContext } from './evidence';
import type { Actor, CaseAction, CaseLoopState } from './loop-types';
import { LEADER, OPERATOR, REPORTED, T0 } from './test-actions';
import { allowedActions } from './state-machine';

const kase: Case = { ...makeFixtureDataset().cases.find((c) => c.stage === 'reported')!, teamId: 'team-1' };
const RULES: EvidenceContext = { rule: { feedbackPhotos: 1, verifyPhotos: 0 }, separateVerifier: true };
const HANDLER: Actor = { ...OPERATOR, name: '值班员甲' };
const CHECKER = { kind: 'gridWorker', id: 'gw-1', name: '网格员 李娜' } as const;

/** Plays `actions` from where `from` left the case; throws on a refusal (setup, not the test). */
function play(actions: readonly CaseAction[], actor: Actor = HANDLER, from = { kase, state: REPORTED }) {
  const p = projectCase(from.kase, from.state, actions, actor, T0, { evidence: RULES });
  if ('refusal' in p) throw new Error(`${p.index}: ${p.refusal.key}`);
  return p;
}
/** The refusal of `action` from `from`, as `actor`. */
function refusalOf(action: CaseAction, from: { kase: Case; state: CaseLoopState }, actor: Actor = HANDLER) {
  const p = projectCase(from.kase, from.state, [action], actor, T0, { evidence: RULES });
  return 'refusal' in p ? p.refusal : null;
}

const handling = play([
  { type: 'register', payload: {} },
  { type: 'dispatch', payload: { teamId: 'team-1', officerIds: ['off-1'] } },
  { type: 'acknowledge', payload: {} },
  { type: 'startHandling', payload: {} },
]);
const feedback = play(
  [{ type: 'submitFeedback', payload: { note: '已清理占道摊点', attachmentIds: ['att-after'] } }],
  HANDLER,
  handling,
);

describe('the evidence each step must carry', () => {
  it('处置反馈 says what was done and carries the photos the matter requires', () => {
    expect(refusalOf({ type: 'submitFeedback', payload: {} }, handling)).toEqual({
      key: 'evidence.feedbackNote',
      params: {},
    });
    expect(refusalOf({ type: 'submitFeedback', payload: { note: '已清理' } }, handling)).toEqual({
      key: 'evidence.feedbackPhotos',
      params: { required: 1, given: 0 },
    });
    expect(feedback.state.evidence).toEqual({ feedbackBy: OPERATOR.id, feedbackFiles: 1, verifyFiles: 0 });
  });

  it('核查 names who checked, not an officer who handled it, recorded by another account', () => {
    const pass = (payload: object): CaseAction => ({ type: 'verifyPass', payload }) as CaseAction;
    expect(refusalOf(pass({}), feedback, LEADER)?.key).toBe('evidence.checkerRequired');
    expect(
      refusalOf(pass({ checker: { kind: 'officer', id: 'off-1', name: '队员 王强' } }), feedback, LEADER),
    ).toEqual({ key: 'evidence.checkerHandled', params: { name: '队员 王强' } });
    expect(refusalOf(pass({ checker: CHECKER }), feedback, HANDLER)).toEqual({
      key: 'evidence.sameAccount',
      params: { name: '值班员甲' },
    });
    expect(refusalOf(pass({ checker: CHECKER }), feedback, LEADER)).toBeNull();
    // 核查不通过 too, with its reason.
    expect(
      refusalOf({ type: 'verifyFail', payload: { reason: '仍有堆物', checker: CHECKER } }, feedback)?.key,
    ).toBe('evidence.sameAccount');
    // The separation of duties is the centre's to switch off.
    const lax = projectCase(feedback.kase, feedback.state, [pass({ checker: CHECKER })], HANDLER, T0, {
      evidence: { ...RULES, separateVerifier: false },
    });
    expect('refusal' in lax).toBe(false);
  });

  it('结案 has a summary and is refused while the photos after handling are missing', () => {
    const verified = play([{ type: 'verifyPass', payload: { checker: CHECKER } }], LEADER, feedback);
    expect(refusalOf({ type: 'close', payload: {} }, verified)?.key).toBe('evidence.closeSummary');
    expect(
      refusalOf({ type: 'close', payload: { summary: '占道摊点已清理，现场恢复' } }, verified),
    ).toBeNull();
    // A case reported back before photos were kept (no evidence facts) cannot close until they are added…
    const legacy = { ...verified, state: { ...verified.state, evidence: undefined } };
    expect(refusalOf({ type: 'close', payload: { summary: '已处置' } }, legacy)).toEqual({
      key: 'evidence.missingForClose',
      params: { required: 1, given: 0 },
    });
    // …as a note with photos (补充处置照片).
    const added = play(
      [{ type: 'note', payload: { text: '补充处置照片', attachmentIds: ['att-2'] } }],
      HANDLER,
      legacy,
    );
    expect(refusalOf({ type: 'close', payload: { summary: '已处置' } }, added)).toBeNull();
  });

  it('回访 records whether the reporter was reached and what they said; 不满意 offers 重新处置', () => {
    const verified = play([{ type: 'verifyPass', payload: { checker: CHECKER } }], LEADER, feedback);
    const closed = play([{ type: 'close', payload: { summary: '已清理' } }], HANDLER, verified);
    expect(refusalOf({ type: 'recordFollowUp', payload: {} }, closed)?.key).toBe('evidence.followUpResult');
    expect(refusalOf({ type: 'recordFollowUp', payload: { reached: true } }, closed)?.key).toBe(
      'evidence.followUpResult',
    );
    expect(
      refusalOf({ type: 'recordFollowUp', payload: { reached: false, note: '无人接听' } }, closed),
    ).toBeNull();
    const happy = play(
      [{ type: 'recordFollowUp', payload: { reached: true, result: 'satisfied' } }],
      HANDLER,
      closed,
    );
    expect(allowedActions(happy.state, 'operator')).not.toContain('reopen');
    const unhappy = play(
      [{ type: 'recordFollowUp', payload: { reached: true, result: 'dissatisfied', note: '摊点又回来了' } }],
      HANDLER,
      closed,
    );
    expect(unhappy.state.followUp).toMatchObject({ reached: true, result: 'dissatisfied' });
    expect(allowedActions(unhappy.state, 'operator')).toContain('reopen');
    const again = play([{ type: 'reopen', payload: { reason: '回访不满意' } }], HANDLER, unhappy);
    expect(again.kase.stage).toBe('handling');
    expect(again.state.counters.reworks).toBe(1);
    expect(again.state.followUp).toBeNull();
  });

  it('评价 below satisfied says why', () => {
    const verified = play([{ type: 'verifyPass', payload: { checker: CHECKER } }], LEADER, feedback);
    const closed = play([{ type: 'close', payload: { summary: '已清理' } }], HANDLER, verified);
    const called = play(
      [{ type: 'recordFollowUp', payload: { reached: true, result: 'basicallySatisfied' } }],
      HANDLER,
      closed,
    );
    expect(refusalOf({ type: 'evaluate', payload: { satisfaction: 3 } }, called)).toEqual({
      key: 'evidence.evaluateReason',
      params: { satisfaction: 3 },
    });
    expect(
      refusalOf({ type: 'evaluate', payload: { satisfaction: 3, reason: '处置偏慢' } }, called),
    ).toBeNull();
    expect(refusalOf({ type: 'evaluate', payload: { satisfaction: 4 } }, called)).toBeNull();
  });

  it('takes a matter’s own rule over its domain’s, and its domain’s over the default', () => {
    const settings = {
      ...DEFAULT_EVIDENCE_SETTINGS,
      byMatter: { 'CG-001': { feedbackPhotos: 3, verifyPhotos: 1 } },
    };
    expect(evidenceRuleFor(settings, { code: 'CG-001', domain: 'urban-management' })).toEqual({
      feedbackPhotos: 3,
      verifyPhotos: 1,
    });
    expect(evidenceRuleFor(settings, { code: 'MZ-001', domain: 'civil-affairs' }).feedbackPhotos).toBe(0);
    expect(evidenceRuleFor(settings, { code: 'CG-002', domain: 'urban-management' }).feedbackPhotos).toBe(1);
  });
});
