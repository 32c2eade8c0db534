/**
 * Every stage variant × every action type × every role. The expectations below are written from the
 * rules of the loop (GB/T 30428 flow, 12345 签收 rule, permission table), not from the code's output.
 */
import { describe, expect, it } from 'vitest';
import { allowedActions, applyAction } from './state-machine';
import {
  type CaseActionType,
  type CaseLoopState,
  type LoopRefusalKey,
  CASE_ACTION_TYPES,
  ROLES,
} from './loop-types';
import { HOUR, REPORTED, T0, validAction } from './test-actions';

type Outcome = 'ok' | LoopRefusalKey;
type Expectations = Partial<Record<CaseActionType, Outcome>>;

const SUSPENSION = { since: T0 - HOUR, reason: '等待当事人' };
const PENDING_WHISTLE = { departmentId: 'dept-market', calledAt: T0 - HOUR };
const ANSWERED_WHISTLE = { ...PENDING_WHISTLE, respondedAt: T0 - HOUR / 2 };
const DISPATCH = { teamId: 'team-1', officerIds: ['off-1', 'off-2'] };

/** Suspend, resume, extend, void, reassign and note in an open stage that is not suspended. */
const OPEN: Expectations = {
  suspend: 'ok',
  resume: 'loop.notSuspended',
  extend: 'ok',
  void: 'ok',
  reassign: 'ok',
  note: 'ok',
};
/** Notes go on the record in every stage, finished and terminal ones too. */
const NOTE: Expectations = { note: 'ok' };
/** After handling started, rating a department needs a whistle it answered. */
const NO_WHISTLE: Expectations = { rateWhistle: 'loop.noWhistleToRate' };

/**
 * In a suspended open stage every action of the stage is refused as suspended but resume, void, and the
 * record-keeping reassign and note.
 */
function suspendedIn(stageActions: readonly CaseActionType[]): Expectations {
  const refused = Object.fromEntries(
    [...stageActions, 'suspend', 'extend'].map((type) => [type, 'loop.suspended' as const]),
  );
  return { ...refused, resume: 'ok', void: 'ok', reassign: 'ok', note: 'ok' };
}

interface Variant {
  readonly name: string;
  readonly state: CaseLoopState;
  /** What a leader (who may take every action type) gets; anything not named is notAllowedInStage. */
  readonly leader: Expectations;
}

const registered: CaseLoopState = { ...REPORTED, stage: 'registered' };
const REGISTERED: Expectations = {
  ...OPEN,
  approve: 'loop.notMajor',
  dispatch: 'ok',
  returnToPrevious: 'ok',
  whistle: 'ok',
  respondWhistle: 'loop.noWhistlePending',
  merge: 'ok',
};
const dispatched: CaseLoopState = { ...registered, stage: 'dispatched', dispatch: DISPATCH };
const DISPATCHED: Expectations = {
  ...OPEN,
  acknowledge: 'ok',
  startHandling: 'loop.notAcknowledged',
  returnToPrevious: 'ok',
  whistle: 'ok',
  respondWhistle: 'loop.noWhistlePending',
};
const acknowledged: CaseLoopState = { ...dispatched, acknowledged: true, acknowledgedAt: T0 - HOUR };
const handling: CaseLoopState = { ...acknowledged, stage: 'handling' };
const closed: CaseLoopState = { ...handling, stage: 'closed' };

const VARIANTS: readonly Variant[] = [
  { name: 'reported', state: REPORTED, leader: { ...OPEN, register: 'ok', reject: 'ok', merge: 'ok' } },
  {
    name: 'reported, suspended',
    state: { ...REPORTED, suspended: SUSPENSION },
    leader: suspendedIn(['register', 'reject', 'merge']),
  },
  { name: 'registered', state: registered, leader: REGISTERED },
  {
    name: 'registered, major, not approved',
    state: { ...registered, major: true },
    leader: { ...REGISTERED, approve: 'ok', dispatch: 'loop.approvalRequired' },
  },
  {
    name: 'registered, major, approved',
    state: { ...registered, major: true, approvedAt: T0 - HOUR },
    leader: { ...REGISTERED, approve: 'loop.alreadyApproved' },
  },
  {
    name: 'registered, suspended',
    state: { ...registered, suspended: SUSPENSION },
    leader: suspendedIn(['approve', 'dispatch', 'returnToPrevious', 'whistle', 'respondWhistle', 'merge']),
  },
  {
    name: 'registered, whistle pending',
    state: { ...registered, whistle: PENDING_WHISTLE },
    leader: {
      ...OPEN,
      approve: 'loop.whistlePending',
      dispatch: 'loop.whistlePending',
      returnToPrevious: 'loop.whistlePending',
      whistle: 'loop.whistlePending',
      respondWhistle: 'ok',
      merge: 'loop.whistlePending',
    },
  },
  {
    name: 'registered, whistle answered',
    state: { ...registered, whistle: ANSWERED_WHISTLE },
    leader: REGISTERED,
  },
  { name: 'dispatched, not acknowledged', state: dispatched, leader: DISPATCHED },
  {
    name: 'dispatched, acknowledged (签收)',
    state: acknowledged,
    leader: { ...DISPATCHED, acknowledge: 'loop.alreadyAcknowledged', startHandling: 'ok' },
  },
  {
    name: 'dispatched, suspended',
    state: { ...acknowledged, suspended: SUSPENSION },
    leader: suspendedIn(['acknowledge', 'startHandling', 'returnToPrevious', 'whistle', 'respondWhistle']),
  },
  {
    name: 'dispatched, whistle pending',
    state: { ...acknowledged, whistle: PENDING_WHISTLE },
    leader: {
      ...OPEN,
      acknowledge: 'loop.whistlePending',
      startHandling: 'loop.whistlePending',
      returnToPrevious: 'loop.whistlePending',
      whistle: 'loop.whistlePending',
      respondWhistle: 'ok',
    },
  },
  {
    name: 'handling',
    state: handling,
    leader: { ...OPEN, ...NO_WHISTLE, submitFeedback: 'ok', returnToPrevious: 'ok' },
  },
  {
    name: 'handling, whistled department answered',
    state: { ...handling, whistle: ANSWERED_WHISTLE },
    leader: { ...OPEN, submitFeedback: 'ok', returnToPrevious: 'ok', rateWhistle: 'ok' },
  },
  {
    name: 'handling, suspended',
    state: { ...handling, suspended: SUSPENSION },
    leader: suspendedIn(['submitFeedback', 'returnToPrevious', 'rateWhistle']),
  },
  {
    name: 'feedback',
    state: { ...handling, stage: 'feedback' },
    leader: { ...OPEN, ...NO_WHISTLE, verifyPass: 'ok', verifyFail: 'ok' },
  },
  {
    name: 'feedback, suspended',
    state: { ...handling, stage: 'feedback', suspended: SUSPENSION },
    leader: suspendedIn(['verifyPass', 'verifyFail', 'rateWhistle']),
  },
  {
    name: 'verified',
    state: { ...handling, stage: 'verified' },
    leader: { ...OPEN, ...NO_WHISTLE, close: 'ok' },
  },
  {
    name: 'verified, suspended',
    state: { ...handling, stage: 'verified', suspended: SUSPENSION },
    leader: suspendedIn(['close', 'rateWhistle']),
  },
  {
    name: 'closed, no follow-up call yet',
    state: closed,
    leader: {
      ...NOTE,
      ...NO_WHISTLE,
      recordFollowUp: 'ok',
      evaluate: 'loop.followUpRequired',
      reopen: 'evidence.reopenNotDissatisfied',
    },
  },
  {
    name: 'closed, follow-up call recorded (回访)',
    state: { ...closed, followUp: { calledAt: T0 - HOUR } },
    leader: {
      ...NOTE,
      ...NO_WHISTLE,
      recordFollowUp: 'loop.followUpRecorded',
      evaluate: 'ok',
      reopen: 'evidence.reopenNotDissatisfied',
    },
  },
  {
    name: 'closed, the reporter dissatisfied at the follow-up call (回访不满意)',
    state: { ...closed, followUp: { calledAt: T0 - HOUR, reached: true, result: 'dissatisfied' } },
    leader: { ...NOTE, ...NO_WHISTLE, recordFollowUp: 'loop.followUpRecorded', evaluate: 'ok', reopen: 'ok' },
  },
  {
    name: 'closed, department already rated',
    state: {
      ...closed,
      whistle: { ...ANSWERED_WHISTLE, rating: { response: 4, completion: 4, satisfaction: 5 } },
    },
    leader: {
      ...NOTE,
      recordFollowUp: 'ok',
      evaluate: 'loop.followUpRequired',
      rateWhistle: 'loop.whistleRated',
      reopen: 'evidence.reopenNotDissatisfied',
    },
  },
  {
    name: 'evaluated',
    state: { ...closed, stage: 'evaluated', followUp: { calledAt: T0 - HOUR, satisfaction: 5 } },
    leader: { ...NOTE, ...NO_WHISTLE },
  },
  { name: 'rejected (不予立案)', state: { ...REPORTED, stage: 'rejected' }, leader: NOTE },
  { name: 'voided (作废)', state: { ...handling, stage: 'voided' }, leader: NOTE },
  { name: 'merged (合并)', state: { ...REPORTED, stage: 'merged' }, leader: NOTE },
];

const LEADER_ONLY: readonly CaseActionType[] = ['void', 'approve'];

/** The permission table: viewers take nothing, operators all but the leader-only actions. */
function expected(variant: Variant, role: (typeof ROLES)[number], type: CaseActionType): Outcome {
  if (role === 'viewer') return 'loop.roleForbidden';
  if (role === 'operator' && LEADER_ONLY.includes(type)) return 'loop.roleForbidden';
  return variant.leader[type] ?? 'loop.notAllowedInStage';
}

describe.each(VARIANTS)('a case that is $name', (variant) => {
  describe.each(ROLES)('acted on by a %s', (role) => {
    it.each(CASE_ACTION_TYPES)('%s succeeds or is refused exactly as the rules say', (type) => {
      const result = applyAction(variant.state, validAction(type), { id: 'someone', role }, T0);
      const outcome = result.ok ? 'ok' : result.reason.key;
      expect(outcome).toBe(expected(variant, role, type));
      if (!result.ok && result.reason.key === 'loop.notAllowedInStage') {
        expect(result.reason.params).toEqual({ stage: variant.state.stage, action: type });
      }
      if (!result.ok && result.reason.key === 'loop.roleForbidden') {
        expect(result.reason.params).toEqual({ role, action: type });
      }
    });

    it('lists exactly the actions that succeed as its buttons', () => {
      const succeeding = CASE_ACTION_TYPES.filter((type) => expected(variant, role, type) === 'ok');
      expect(allowedActions(variant.state, role)).toEqual(succeeding);
    });
  });
});

describe('the table itself', () => {
  it('covers every stage, including the terminal ones', () => {
    const stages = new Set(VARIANTS.map((variant) => variant.state.stage));
    expect([...stages].sort()).toEqual(
      [
        'reported',
        'registered',
        'dispatched',
        'handling',
        'feedback',
        'verified',
        'closed',
        'evaluated',
        'rejected',
        'voided',
        'merged',
      ].sort(),
    );
  });
});
