import { describe, expect, it } from 'vitest';
import { applyAction, initialLoopState } from './state-machine';
import type { Actor, ApplyResult, CaseAction, CaseLoopState, LoopEvent } from './loop-types';
import { HOUR, LEADER, OPERATOR, REPORTED, T0, validAction } from './test-actions';

/** Applies actions in turn, one hour apart from `from`, failing the test on the first refusal. */
function run(
  start: CaseLoopState,
  steps: readonly (CaseAction | [CaseAction, Actor])[],
  from = T0,
): { state: CaseLoopState; events: LoopEvent[] } {
  let state = start;
  const events: LoopEvent[] = [];
  steps.forEach((step, index) => {
    const [action, actor] = Array.isArray(step) ? step : [step, OPERATOR];
    const result = applyAction(state, action, actor, from + index * HOUR);
    if (!result.ok) throw new Error(`step ${index} ${action.type} refused: ${result.reason.key}`);
    state = result.state;
    events.push(result.event);
  });
  return { state, events };
}

function refusal(result: ApplyResult): string {
  return result.ok ? 'ok' : result.reason.key;
}

const HAPPY_PATH: readonly CaseAction[] = [
  validAction('register'),
  validAction('dispatch'),
  validAction('acknowledge'),
  validAction('startHandling'),
  validAction('submitFeedback'),
  validAction('verifyPass'),
  validAction('close'),
  validAction('recordFollowUp'),
  { type: 'evaluate', payload: { satisfaction: 5 } },
];

describe('the closed loop', () => {
  it('starts a new case as reported, with nothing counted', () => {
    expect(initialLoopState()).toEqual(REPORTED);
  });

  it('goes reported → registered → dispatched → handling → feedback → verified → closed → evaluated', () => {
    const { state, events } = run(REPORTED, HAPPY_PATH);
    expect(events.map((event) => event.to)).toEqual([
      'registered',
      'dispatched',
      'dispatched',
      'handling',
      'feedback',
      'verified',
      'closed',
      'closed',
      'evaluated',
    ]);
    expect(events.map((event) => event.from)).toEqual(['reported', ...events.slice(0, -1).map((e) => e.to)]);
    expect(state.stage).toBe('evaluated');
    expect(state.dispatch).toEqual({ teamId: 'team-1', officerIds: ['off-1', 'off-2'] });
    expect(state.followUp).toEqual({ calledAt: T0 + 7 * HOUR, satisfaction: 5 });
    expect(state.counters).toEqual({ returns: 0, reworks: 0, extensions: 0 });
  });

  it('starts the handling clock at 签收, not at dispatch', () => {
    const { state } = run(REPORTED, HAPPY_PATH.slice(0, 3));
    expect(state.acknowledged).toBe(true);
    expect(state.acknowledgedAt).toBe(T0 + 2 * HOUR);
  });

  it('records who acted, when, and the action itself in the event', () => {
    const result = applyAction(REPORTED, validAction('register'), { id: 'op-07', role: 'operator' }, T0);
    expect(result).toMatchObject({
      ok: true,
      event: { action: validAction('register'), actor: { id: 'op-07', role: 'operator' }, at: T0 },
    });
  });

  it('does not change the state it was given', () => {
    const frozen = Object.freeze({ ...REPORTED, counters: Object.freeze({ ...REPORTED.counters }) });
    const result = applyAction(frozen, validAction('register'), OPERATOR, T0);
    expect(result.ok).toBe(true);
    expect(frozen.stage).toBe('reported');
  });

  it('counts each failed verification as rework and sends the case back to handling', () => {
    const toFeedback = HAPPY_PATH.slice(0, 5);
    const { state } = run(REPORTED, [
      ...toFeedback,
      validAction('verifyFail'),
      validAction('submitFeedback'),
      validAction('verifyFail'),
      validAction('submitFeedback'),
      validAction('verifyPass'),
    ]);
    expect(state.stage).toBe('verified');
    expect(state.counters.reworks).toBe(2);
  });

  it('refuses to let a rejected case (不予立案) go anywhere', () => {
    const { state } = run(REPORTED, [validAction('reject')]);
    expect(state.stage).toBe('rejected');
    expect(refusal(applyAction(state, validAction('register'), LEADER, T0))).toBe('loop.notAllowedInStage');
  });
});

describe('suspend and resume (挂起/恢复)', () => {
  it('blocks the loop while suspended and continues from the same stage after resume', () => {
    const { state: suspended } = run(REPORTED, [validAction('register'), validAction('suspend')]);
    expect(suspended.suspended).toEqual({ since: T0 + HOUR, reason: '当事人住院' });
    const blocked = applyAction(suspended, validAction('dispatch'), OPERATOR, T0 + 2 * HOUR);
    expect(blocked).toEqual({
      ok: false,
      reason: { key: 'loop.suspended', params: { since: T0 + HOUR, action: 'dispatch' } },
    });
    const { state } = run(suspended, [validAction('resume'), validAction('dispatch')], T0 + 3 * HOUR);
    expect(state.suspended).toBeNull();
    expect(state.stage).toBe('dispatched');
  });

  it('lets a leader void a suspended case, which ends it', () => {
    const { state } = run(REPORTED, [validAction('suspend'), [validAction('void'), LEADER]]);
    expect(state.stage).toBe('voided');
    expect(state.suspended).toBeNull();
  });
});

describe('whistle (吹哨报到)', () => {
  it('waits on the department, then continues once it has answered', () => {
    const { state: waiting } = run(REPORTED, [validAction('register'), validAction('whistle')]);
    expect(waiting.whistle).toEqual({ departmentId: 'dept-env', calledAt: T0 + HOUR });
    expect(refusal(applyAction(waiting, validAction('dispatch'), OPERATOR, T0 + 2 * HOUR))).toBe(
      'loop.whistlePending',
    );
    const { state } = run(waiting, [validAction('respondWhistle'), validAction('dispatch')], T0 + 3 * HOUR);
    expect(state.whistle).toEqual({
      departmentId: 'dept-env',
      calledAt: T0 + HOUR,
      respondedAt: T0 + 3 * HOUR,
    });
    expect(state.stage).toBe('dispatched');
  });
});

describe('return, extension and approval', () => {
  it('counts each 退回 and clears what the later stage had set', () => {
    const { state } = run(REPORTED, [
      validAction('register'),
      validAction('dispatch'),
      validAction('acknowledge'),
      validAction('returnToPrevious'),
    ]);
    expect(state).toMatchObject({
      stage: 'registered',
      dispatch: null,
      acknowledged: false,
      acknowledgedAt: null,
    });
    expect(state.counters.returns).toBe(1);
  });

  it('makes the team acknowledge again when handling is returned to dispatched', () => {
    const { state } = run(REPORTED, [...HAPPY_PATH.slice(0, 4), validAction('returnToPrevious')]);
    expect(state).toMatchObject({ stage: 'dispatched', acknowledged: false });
    expect(refusal(applyAction(state, validAction('startHandling'), OPERATOR, T0))).toBe(
      'loop.notAcknowledged',
    );
  });

  it('counts extensions and only accepts a later deadline', () => {
    const first: CaseAction = { type: 'extend', payload: { reason: '检测', deadline: T0 + 48 * HOUR } };
    const { state } = run(REPORTED, [first]);
    expect(state.deadline).toBe(T0 + 48 * HOUR);
    expect(state.counters.extensions).toBe(1);
    const earlier: CaseAction = { type: 'extend', payload: { reason: '再延', deadline: T0 + 24 * HOUR } };
    expect(applyAction(state, earlier, OPERATOR, T0 + HOUR)).toEqual({
      ok: false,
      reason: { key: 'loop.deadlineNotLater', params: { deadline: T0 + 24 * HOUR, current: T0 + 48 * HOUR } },
    });
    const past: CaseAction = { type: 'extend', payload: { reason: '再延', deadline: T0 } };
    expect(refusal(applyAction(REPORTED, past, OPERATOR, T0 + HOUR))).toBe('loop.invalidDeadline');
  });

  it('needs a leader to approve a major case before anyone dispatches it', () => {
    const { state } = run(REPORTED, [{ type: 'register', payload: { major: true } }]);
    expect(refusal(applyAction(state, validAction('dispatch'), LEADER, T0))).toBe('loop.approvalRequired');
    expect(refusal(applyAction(state, validAction('approve'), OPERATOR, T0))).toBe('loop.roleForbidden');
    const { state: dispatched } = run(
      state,
      [[validAction('approve'), LEADER], validAction('dispatch')],
      T0 + HOUR,
    );
    expect(dispatched.approvedAt).toBe(T0 + HOUR);
    expect(dispatched.stage).toBe('dispatched');
  });
});

describe('bad input', () => {
  const registered = run(REPORTED, [validAction('register')]).state;
  const closed = run(REPORTED, HAPPY_PATH.slice(0, 8)).state;

  it.each([
    ['reject', { reason: '  ' }],
    ['suspend', {}],
    ['void', { reason: '' }],
    ['verifyFail', { reason: 3 }],
    ['returnToPrevious', { reason: null }],
    ['extend', { deadline: T0 + 99 * HOUR }],
  ])('refuses %s without a reason', (type, payload) => {
    const feedback: CaseLoopState = { ...registered, stage: 'feedback' };
    const start = type === 'reject' ? REPORTED : type === 'verifyFail' ? feedback : registered;
    const action = { type, payload } as unknown as CaseAction;
    expect(applyAction(start, action, LEADER, T0)).toEqual({
      ok: false,
      reason: { key: 'loop.reasonRequired', params: { action: type } },
    });
  });

  it.each([0, 6, 2.5, '5', null])('refuses satisfaction %s', (satisfaction) => {
    const action = { type: 'evaluate', payload: { satisfaction } } as unknown as CaseAction;
    expect(refusal(applyAction(closed, action, OPERATOR, T0))).toBe('loop.invalidSatisfaction');
  });

  it('refuses dispatch without a team or officers, and a whistle without a department', () => {
    const noTeam = { type: 'dispatch', payload: { teamId: '', officerIds: ['a'] } } as CaseAction;
    const noOfficers = { type: 'dispatch', payload: { teamId: 't', officerIds: [] } } as CaseAction;
    const blankOfficer = { type: 'dispatch', payload: { teamId: 't', officerIds: [' '] } } as CaseAction;
    const noDept = { type: 'whistle', payload: { departmentId: '' } } as CaseAction;
    expect(refusal(applyAction(registered, noTeam, OPERATOR, T0))).toBe('loop.teamRequired');
    expect(refusal(applyAction(registered, noOfficers, OPERATOR, T0))).toBe('loop.officersRequired');
    expect(refusal(applyAction(registered, blankOfficer, OPERATOR, T0))).toBe('loop.officersRequired');
    expect(refusal(applyAction(registered, noDept, OPERATOR, T0))).toBe('loop.departmentRequired');
  });

  it('never throws for malformed actions, actors or times', () => {
    const junk = [null, undefined, 42, 'register', { type: 'explode' }, { type: 'register', payload: 7 }];
    for (const action of junk) {
      const result = applyAction(REPORTED, action as unknown as CaseAction, OPERATOR, T0);
      expect(result.ok).toBe(false);
    }
    expect(refusal(applyAction(REPORTED, { type: 'explode' } as unknown as CaseAction, OPERATOR, T0))).toBe(
      'loop.unknownAction',
    );
    const badActors = [null, {}, { id: '', role: 'operator' }, { id: 'x', role: 'admin' }];
    const keys = badActors.map((actor) =>
      refusal(applyAction(REPORTED, validAction('register'), actor as unknown as Actor, T0)),
    );
    expect(keys).toEqual([
      'loop.invalidActor',
      'loop.invalidActor',
      'loop.invalidActor',
      'loop.roleForbidden',
    ]);
    expect(refusal(applyAction(REPORTED, validAction('register'), OPERATOR, Number.NaN))).toBe(
      'loop.invalidTime',
    );
  });
});

describe('department rating, reassignment, merge and notes', () => {
  it('rates an answered department once, on 响应度、办结度、满意度', () => {
    const { state } = run(REPORTED, [
      validAction('register'),
      { type: 'whistle', payload: { departmentId: 'dept-env' } },
      validAction('respondWhistle'),
      validAction('dispatch'),
      validAction('acknowledge'),
      validAction('startHandling'),
      { type: 'rateWhistle', payload: { response: 5, completion: 3, satisfaction: 4 } },
    ]);
    expect(state.whistle?.rating).toEqual({ response: 5, completion: 3, satisfaction: 4 });
    const again = applyAction(state, validAction('rateWhistle'), OPERATOR, T0 + 9 * HOUR);
    expect(refusal(again)).toBe('loop.whistleRated');
  });

  it('names the rating that is out of range', () => {
    const { state } = run(
      {
        ...REPORTED,
        stage: 'handling',
        whistle: { departmentId: 'd', calledAt: T0 - 2 * HOUR, respondedAt: T0 - HOUR },
      },
      [],
    );
    const bad = applyAction(
      state,
      {
        type: 'rateWhistle',
        payload: { response: 4, completion: 6, satisfaction: 4 },
      } as unknown as CaseAction,
      OPERATOR,
      T0,
    );
    expect(bad.ok ? null : bad.reason).toEqual({
      key: 'loop.invalidRating',
      params: { field: 'completion', value: '6' },
    });
  });

  it('records a reassignment with its reason without moving the case along the loop', () => {
    const { state, events } = run(REPORTED, [validAction('register'), validAction('reassign')]);
    expect(state.stage).toBe('registered');
    expect(events[1]?.action).toEqual(validAction('reassign'));
    const noReason = { type: 'reassign', payload: { gridCode: '321281104001002', teamId: 't', reason: ' ' } };
    expect(refusal(applyAction(state, noReason as CaseAction, OPERATOR, T0))).toBe('loop.reasonRequired');
    const noGrid = { type: 'reassign', payload: { gridCode: '', teamId: 't', reason: '位置有误' } };
    expect(refusal(applyAction(state, noGrid as CaseAction, OPERATOR, T0))).toBe('loop.gridRequired');
  });

  it('folds a duplicate into another case, which ends it as merged', () => {
    const { state } = run(REPORTED, [validAction('merge')]);
    expect(state.stage).toBe('merged');
    const noTarget = { type: 'merge', payload: { intoCaseId: '', reason: '重复' } };
    expect(refusal(applyAction(REPORTED, noTarget as CaseAction, OPERATOR, T0))).toBe(
      'loop.mergeTargetRequired',
    );
  });

  it('takes notes in any stage but refuses an empty one', () => {
    const evaluated: CaseLoopState = { ...REPORTED, stage: 'evaluated' };
    expect(refusal(applyAction(evaluated, validAction('note'), OPERATOR, T0))).toBe('ok');
    const withFile = { type: 'note', payload: { text: '', attachmentIds: ['att-1'] } } as const;
    expect(refusal(applyAction(evaluated, withFile, OPERATOR, T0))).toBe('ok');
    const empty = { type: 'note', payload: { text: '  ' } } as const;
    expect(refusal(applyAction(evaluated, empty, OPERATOR, T0))).toBe('loop.noteEmpty');
  });

  it('keeps the acting account’s name in the event for the timeline', () => {
    const result = applyAction(REPORTED, validAction('register'), { ...OPERATOR, name: '王丽' }, T0);
    expect(result.ok && result.event.actor).toEqual({ id: 'op-01', role: 'operator', name: '王丽' });
  });
});
