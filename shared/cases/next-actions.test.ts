import { describe, expect, it } from 'vitest';
import type { CaseLoopState } from './loop-types';
import { REPORTED } from './test-actions';
import { callsDepartmentIn, nextActions, NO_ACTIONS, primaryAction } from './next-actions';

const TOWNSHIP = { authority: { kind: 'township', basis: 'statutory' } } as const;
const DEPARTMENT = { authority: { kind: 'department', departmentId: 'dept-env' } } as const;

const reported: CaseLoopState = REPORTED;
const registered: CaseLoopState = { ...REPORTED, stage: 'registered' };
const majorRegistered: CaseLoopState = { ...registered, major: true };
const whistled: CaseLoopState = { ...registered, whistle: { departmentId: 'dept-env', calledAt: 1 } };
const reportedIn: CaseLoopState = {
  ...registered,
  whistle: { departmentId: 'dept-env', calledAt: 1, respondedAt: 2 },
};
const dispatched: CaseLoopState = {
  ...REPORTED,
  stage: 'dispatched',
  dispatch: { teamId: 'team-1', officerIds: ['off-1'] },
};
const calledBack: CaseLoopState = { ...REPORTED, stage: 'closed', followUp: { calledAt: 1 } };

describe('what an account may do next with a case', () => {
  it('a reported case: the operator registers (立案) it, or rejects, suspends, extends, reassigns, merges, notes', () => {
    expect(nextActions(reported, 'operator', TOWNSHIP)).toEqual({
      allowed: ['register', 'reject', 'suspend', 'extend', 'reassign', 'merge', 'note'],
      primary: 'register',
    });
  });

  it('a reported case: the shift leader may also void (作废) it', () => {
    expect(nextActions(reported, 'leader', TOWNSHIP).allowed).toContain('void');
    expect(nextActions(reported, 'operator', TOWNSHIP).allowed).not.toContain('void');
  });

  it('a registered case of the township’s own powers: 派遣 is the highlighted step', () => {
    const next = nextActions(registered, 'operator', TOWNSHIP);
    expect(next.allowed).toEqual([
      'dispatch',
      'returnToPrevious',
      'suspend',
      'extend',
      'whistle',
      'reassign',
      'merge',
      'note',
    ]);
    expect(next.primary).toBe('dispatch');
  });

  it('a registered case whose power sits with a county department: 吹哨 first', () => {
    expect(nextActions(registered, 'operator', DEPARTMENT).primary).toBe('whistle');
  });

  it('a department matter already called in: waiting for the department to report in (报到)', () => {
    expect(nextActions(whistled, 'operator', DEPARTMENT)).toEqual({
      allowed: ['suspend', 'extend', 'respondWhistle', 'reassign', 'note'],
      primary: 'respondWhistle',
    });
  });

  it('a department matter whose department has reported in: 派遣 as usual, not another whistle', () => {
    expect(nextActions(reportedIn, 'operator', DEPARTMENT).primary).toBe('dispatch');
  });

  it('a major registered case: only the shift leader approves it, and that is the leader’s next step', () => {
    expect(nextActions(majorRegistered, 'leader', TOWNSHIP).primary).toBe('approve');
    const operator = nextActions(majorRegistered, 'operator', TOWNSHIP);
    expect(operator.allowed).not.toContain('approve');
    expect(operator.allowed).not.toContain('dispatch');
    expect(operator.primary).toBe(null);
  });

  it('a dispatched case: 签收 next; a closed case after the follow-up call: 评价 next', () => {
    expect(nextActions(dispatched, 'operator', TOWNSHIP).primary).toBe('acknowledge');
    expect(nextActions(calledBack, 'operator', TOWNSHIP)).toEqual({
      allowed: ['evaluate', 'note'],
      primary: 'evaluate',
    });
  });

  it('the display wall (viewer) may do nothing at any stage', () => {
    for (const loop of [reported, registered, whistled, dispatched, calledBack]) {
      expect(nextActions(loop, 'viewer', DEPARTMENT)).toEqual({ allowed: [], primary: null });
    }
  });

  it('nothing without a loop state or without anyone signed in', () => {
    expect(nextActions(undefined, 'operator', TOWNSHIP)).toBe(NO_ACTIONS);
    expect(nextActions(registered, null, TOWNSHIP)).toBe(NO_ACTIONS);
  });

  it('a case whose matter is unknown is treated as the township’s: 派遣, not 吹哨', () => {
    expect(nextActions(registered, 'operator', undefined).primary).toBe('dispatch');
  });
});

describe('calling the department in (吹哨报到)', () => {
  it('is the way for a department matter with no whistle on record', () => {
    expect(callsDepartmentIn(DEPARTMENT, registered)).toBe(true);
    expect(callsDepartmentIn(DEPARTMENT, undefined)).toBe(true);
  });

  it('is done once a whistle is on record, answered or not', () => {
    expect(callsDepartmentIn(DEPARTMENT, whistled)).toBe(false);
    expect(callsDepartmentIn(DEPARTMENT, reportedIn)).toBe(false);
  });

  it('is never the way for the township’s own powers or an unknown matter', () => {
    expect(callsDepartmentIn(TOWNSHIP, registered)).toBe(false);
    expect(callsDepartmentIn(undefined, registered)).toBe(false);
  });
});

describe('the highlighted step among allowed actions', () => {
  it('is 吹哨 over 派遣 only via a department, and only while both are allowed', () => {
    expect(primaryAction(['dispatch', 'whistle'], true)).toBe('whistle');
    expect(primaryAction(['dispatch', 'whistle'], false)).toBe('dispatch');
    expect(primaryAction(['whistle'], true)).toBe(null);
  });

  it('is 恢复 before anything else for a suspended case, and none when only side actions remain', () => {
    expect(primaryAction(['resume', 'note'])).toBe('resume');
    expect(primaryAction(['suspend', 'extend', 'note'])).toBe(null);
  });
});
