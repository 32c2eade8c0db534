import { describe, expect, it } from 'vitest';
import type { Case } from '../model/case';
import type { Officer, OfficerStatus } from '../model/organisation';
import { unitBoard } from './unit-board';
import {
  DEFAULT_OFFLINE_AFTER_MS,
  fixAge,
  nextUnitStatusChange,
  sameUnitStates,
  unitStates,
  unitStatus,
  type UnitStatusOptions,
} from './unit-status';

const NOW = Date.UTC(2026, 10, 23, 2, 0);
const MIN = 60_000;

const officer = (
  id: string,
  status: OfficerStatus,
  positionAt?: number,
  teamId = 'team-1',
  name = id,
): Officer => ({
  id,
  name,
  teamId,
  phone: '',
  status,
  kind: 'auxiliary',
  ...(positionAt === undefined ? {} : { position: [118.3, 34.3] as const, positionAt }),
});

const kase = (id: string, stage: Case['stage'], officerIds: string[], extra: Partial<Case> = {}): Case => ({
  id,
  caseNo: `2026-${id}`,
  source: 'hotline',
  matterCode: 'm',
  urgency: 'normal',
  stage,
  description: '',
  address: '',
  location: [118.3, 34.3],
  gridCode: '320381105001001' as Case['gridCode'],
  teamId: 'team-1',
  officerIds,
  reportedAt: NOW - 3_600_000,
  steps: [],
  ...extra,
});

const options: UnitStatusOptions = { bound: new Set(), offlineAfterMs: DEFAULT_OFFLINE_AFTER_MS, now: NOW };

describe('an officer’s unit status', () => {
  it('is 空闲 on duty with a fresh fix and no case, 处置中 with one, 未在岗 off duty', () => {
    const fresh = NOW - 30_000;
    expect(unitStatus(officer('a', 'patrolling', fresh), false, options)).toBe('idle');
    expect(unitStatus(officer('a', 'available', fresh), true, options)).toBe('handling');
    // The roster's 'busy' does not make a case: only the record does.
    expect(unitStatus(officer('a', 'busy', fresh), false, options)).toBe('idle');
    expect(unitStatus(officer('a', 'off-duty', fresh), true, options)).toBe('offDuty');
  });

  it('turns 离线 one millisecond after the fix is exactly the timeout old', () => {
    const o = officer('a', 'patrolling', NOW - 5 * MIN);
    expect(unitStatus(o, false, options)).toBe('idle');
    expect(unitStatus(o, true, { ...options, now: NOW + 1 })).toBe('offline');
    expect(unitStatus(o, false, { ...options, offlineAfterMs: 5 * MIN - 1 })).toBe('offline');
    expect(unitStatus(o, false, { ...options, offlineAfterMs: 10 * MIN, now: NOW + 5 * MIN })).toBe('idle');
  });

  it('counts a fix stamped ahead of the clock as fresh', () => {
    expect(unitStatus(officer('a', 'patrolling', NOW + 2 * MIN), false, options)).toBe('idle');
  });

  it('is 离线 without any fix only when a phone is bound to the officer', () => {
    const silent = officer('a', 'patrolling');
    expect(unitStatus(silent, false, options)).toBe('idle');
    expect(unitStatus(silent, true, options)).toBe('handling');
    expect(unitStatus(silent, true, { ...options, bound: new Set(['a']) })).toBe('offline');
    expect(unitStatus(officer('a', 'off-duty'), false, { ...options, bound: new Set(['a']) })).toBe(
      'offDuty',
    );
  });
});

describe('the unit states of a roster', () => {
  it('take the open cases naming each officer, most urgent first, and ignore closed ones', () => {
    const officers = [
      officer('a', 'patrolling', NOW),
      officer('b', 'patrolling', NOW),
      officer('c', 'off-duty'),
    ];
    const cases = [
      kase('1', 'handling', ['a', 'c']),
      kase('2', 'dispatched', ['a'], { urgency: 'critical', reportedAt: NOW - 60_000 }),
      kase('3', 'closed', ['b']),
      kase('4', 'voided', ['b']),
      kase('5', 'feedback', ['a', 'a']),
    ];
    const states = unitStates(officers, cases, options);
    expect(states.get('a')).toEqual({ status: 'handling', caseIds: ['2', '1', '5'] });
    expect(states.get('b')).toEqual({ status: 'idle', caseIds: [] });
    expect(states.get('c')).toEqual({ status: 'offDuty', caseIds: ['1'] });
  });

  it('next change: the millisecond after the oldest fresh fix reaches the timeout', () => {
    const officers = [
      officer('a', 'patrolling', NOW - 4 * MIN),
      officer('b', 'patrolling', NOW - 2 * MIN),
      officer('c', 'patrolling', NOW - 6 * MIN), // already 离线
      officer('d', 'off-duty', NOW - 5 * MIN + 1),
      officer('e', 'patrolling'),
    ];
    expect(nextUnitStatusChange(officers, options)).toBe(NOW + MIN + 1);
    const at = NOW + MIN + 1;
    expect(unitStatus(officers[0] as Officer, false, { ...options, now: at - 1 })).toBe('idle');
    expect(unitStatus(officers[0] as Officer, false, { ...options, now: at })).toBe('offline');
    expect(nextUnitStatusChange([officer('c', 'patrolling', NOW - 6 * MIN)], options)).toBeNull();
  });

  it('are the same when every status and case list is', () => {
    const officers = [officer('a', 'patrolling', NOW)];
    const a = unitStates(officers, [kase('1', 'handling', ['a'])], options);
    expect(sameUnitStates(a, unitStates(officers, [kase('1', 'handling', ['a'])], options))).toBe(true);
    expect(sameUnitStates(a, unitStates(officers, [], options))).toBe(false);
    expect(
      sameUnitStates(
        a,
        unitStates(officers, [kase('1', 'handling', ['a'])], { ...options, now: NOW + 6 * MIN }),
      ),
    ).toBe(false);
  });
});

describe('the age of a fix', () => {
  it('reads 刚刚 under a minute, whole minutes under an hour, then the time', () => {
    expect(fixAge(undefined, NOW)).toEqual({ kind: 'none' });
    expect(fixAge(NOW + 5_000, NOW)).toEqual({ kind: 'justNow' });
    expect(fixAge(NOW - 59_999, NOW)).toEqual({ kind: 'justNow' });
    expect(fixAge(NOW - 60_000, NOW)).toEqual({ kind: 'minutes', minutes: 1 });
    expect(fixAge(NOW - 3 * MIN - 59_000, NOW)).toEqual({ kind: 'minutes', minutes: 3 });
    expect(fixAge(NOW - 60 * MIN, NOW)).toEqual({ kind: 'at', at: NOW - 60 * MIN });
  });
});

describe('the unit board', () => {
  const officers = [
    officer('a', 'patrolling', NOW, 'team-1', '王五'),
    officer('b', 'patrolling', NOW - 10 * MIN, 'team-1', '李四'),
    officer('c', 'off-duty', undefined, 'team-2', '张三'),
    officer('d', 'available', NOW, 'team-2', '赵六'),
    officer('e', 'available', NOW, 'team-1', '陈七'),
  ];
  const teams = [
    { id: 'team-2', name: '第二中队', leaderId: 'c', phone: '' },
    { id: 'team-1', name: '第一中队', leaderId: 'a', phone: '' },
  ];
  const states = unitStates(officers, [kase('1', 'handling', ['e'])], options);

  it('groups by team in roster order, the available first, and counts every status', () => {
    const board = unitBoard(officers, teams, states, { teamId: null, status: null });
    expect(board.counts).toEqual({ idle: 2, handling: 1, offline: 1, offDuty: 1 });
    expect(board.total).toBe(5);
    expect(board.groups.map((g) => [g.teamId, g.rows.map((r) => r.officer.id)])).toEqual([
      ['team-2', ['d', 'c']],
      ['team-1', ['a', 'e', 'b']],
    ]);
  });

  it('filters by team (the counts follow) and by status (the counts stay)', () => {
    const team1 = unitBoard(officers, teams, states, { teamId: 'team-1', status: null });
    expect(team1.counts).toEqual({ idle: 1, handling: 1, offline: 1, offDuty: 0 });
    const offline = unitBoard(officers, teams, states, { teamId: 'team-1', status: 'offline' });
    expect(offline.counts).toEqual(team1.counts);
    expect(offline.groups.map((g) => g.rows.map((r) => r.officer.id))).toEqual([['b']]);
    expect(unitBoard(officers, teams, states, { teamId: 'team-2', status: 'handling' }).groups).toEqual([]);
  });
});
