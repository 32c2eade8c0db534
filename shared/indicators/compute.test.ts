import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../calendar/holidays';
import { DEFAULT_TIME_LIMIT_POLICY } from '../cases/time-limits';
import { computeIndicators, groupIndicators } from './compute';
import { bj, HOUR, indicatorCase, MATTER } from './test-cases';
import type { IndicatorOptions } from './types';

const options: IndicatorOptions = {
  now: bj(5, 10), // Thursday 2026-03-05 10:00
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_TIME_LIMIT_POLICY,
  matters: new Map([[MATTER.code, MATTER]]),
};

// Seven cases reported Monday 2026-03-02 08:00 (the register clock starts counting at 08:30).
/** A: the whole loop on time; response 0.5 h, handling 10:00–14:00 = 2.5 h. */
const A = indicatorCase('A', { teamId: 't1', gridCode: 'g1', officerIds: ['o1', 'o2'] }, [
  [bj(2, 9), 'register'],
  [bj(2, 9, 30), 'dispatch'],
  [bj(2, 10), 'acknowledge'],
  [bj(2, 10, 1), 'startHandling'],
  [bj(2, 14), 'submitFeedback'],
  [bj(2, 15), 'verifyPass'],
  [bj(2, 15, 30), 'close'],
]);
/** B: handling took 15 h (limit 8 h), reworked once (1 h more), then closed; response 0.25 h. */
const B = indicatorCase('B', { teamId: 't1', gridCode: 'g2', officerIds: ['o1'] }, [
  [bj(2, 8, 45), 'register'],
  [bj(2, 9), 'dispatch'],
  [bj(2, 9), 'acknowledge'],
  [bj(2, 9, 1), 'startHandling'],
  [bj(4, 9), 'submitFeedback'],
  [bj(4, 10), 'verifyFail'],
  [bj(4, 11), 'submitFeedback'],
  [bj(4, 14), 'verifyPass'],
  [bj(4, 15), 'close'],
]);
/** C: extended to Friday 17:30, still handling, not near its deadline; response 1.5 h. */
const C = indicatorCase('C', { teamId: 't2', gridCode: 'g1', officerIds: ['o2'] }, [
  [bj(2, 10), 'register'],
  [bj(2, 10, 30), 'dispatch'],
  [bj(2, 11), 'acknowledge'],
  [bj(2, 11, 1), 'startHandling'],
  [bj(2, 15), { type: 'extend', payload: { reason: '需要检测', deadline: bj(6, 17, 30) } }],
]);
/** D: rejected. */
const D = indicatorCase('D', { teamId: 't2', gridCode: 'g2' }, [[bj(2, 9), 'reject']]);
/** E: registered late (2.5 h of 2 h), then voided. */
const E = indicatorCase('E', { teamId: 't1', gridCode: 'g1' }, [
  [bj(2, 11), 'register'],
  [bj(2, 11, 30), 'void'],
]);
/** F: registered, returned to 上报, registered again; its dispatch clock has been overdue since Monday 11:00. */
const F = indicatorCase('F', { teamId: 't1', gridCode: 'g3' }, [
  [bj(2, 9), 'register'],
  [bj(2, 9, 30), 'returnToPrevious'],
  [bj(2, 10), 'register'],
]);
/** G: registered at 08:30 (no working time used), then whistled to a county department. */
const G = indicatorCase('G', { teamId: 't2', gridCode: 'g2' }, [
  [bj(2, 8, 30), 'register'],
  [bj(2, 9), { type: 'whistle', payload: { departmentId: 'dept-env' } }],
  [bj(2, 11), 'respondWhistle'],
]);
const ALL = [A, B, C, D, E, F, G];

describe('computeIndicators on seven hand-checked cases', () => {
  const result = computeIndicators(ALL, options);

  it('counts 结案率 over cases that should close: A, B of A, B, C, F, G', () => {
    expect(result.cases).toBe(7);
    expect(result.closureRate).toEqual({ numerator: 2, denominator: 5, value: 0.4 });
  });

  it('counts only A as closed on time, since B handled late', () => {
    expect(result.onTimeClosureRate).toEqual({ numerator: 1, denominator: 5, value: 0.2 });
    expect(result.onTimeHandlingRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
  });

  it('finds E registered late among six registrations', () => {
    expect(result.onTimeRegistrationRate).toEqual({ numerator: 5, denominator: 6, value: 5 / 6 });
  });

  it('does not count voided E nor returned F as accurate registrations', () => {
    expect(result.accurateRegistrationRate).toEqual({ numerator: 4, denominator: 6, value: 4 / 6 });
  });

  it('counts six valid of seven decided reports', () => {
    expect(result.validReportRate).toEqual({ numerator: 6, denominator: 7, value: 6 / 7 });
  });

  it('counts B reworked of A and B verified, and C extended of six registered', () => {
    expect(result.reworkRate).toEqual({ numerator: 1, denominator: 2, value: 0.5 });
    expect(result.extensionRate).toEqual({ numerator: 1, denominator: 6, value: 1 / 6 });
  });

  it('averages response and handling in working time', () => {
    // Response: A 0.5 + B 0.25 + C 1.5 + E 2.5 + F 0.5 + G 0 = 5.25 h over 6.
    expect(result.averageResponseMs).toEqual({ numerator: 5.25 * HOUR, denominator: 6, value: 0.875 * HOUR });
    // Handling: A 2.5 h; B 15 h (Mon 7 h, Tue 7.5 h, Wed 0.5 h) + 1 h rework = 16 h.
    expect(result.averageHandlingMs).toEqual({ numerator: 18.5 * HOUR, denominator: 2, value: 9.25 * HOUR });
  });

  it('gives null, not NaN, for an empty set', () => {
    const empty = computeIndicators([], options);
    expect(empty.closureRate).toEqual({ numerator: 0, denominator: 0, value: null });
    expect(empty.averageHandlingMs.value).toBeNull();
  });

  it('leaves a case of an unknown matter out of the time-based ratios only', () => {
    const unknown = { ...A, case: { ...A.case, matterCode: 'XX-999' } };
    const r = computeIndicators([unknown, E], options);
    expect(r.closureRate).toEqual({ numerator: 1, denominator: 1, value: 1 });
    expect(r.onTimeClosureRate.denominator).toBe(0);
    expect(r.onTimeRegistrationRate).toEqual({ numerator: 0, denominator: 1, value: 0 });
    expect(r.onTimeHandlingRate.denominator).toBe(0);
  });
});

describe('groupIndicators', () => {
  it('groups by team', () => {
    const groups = groupIndicators(ALL, 'team', options);
    expect(groups.map((g) => [g.key, g.indicators.cases])).toEqual([
      ['t1', 4],
      ['t2', 3],
    ]);
    // t1: A, B, E, F — A and B closed of A, B, F; t2: C, D, G — none closed of C, G.
    expect(groups[0]?.indicators.closureRate.value).toBe(2 / 3);
    expect(groups[1]?.indicators.closureRate).toEqual({ numerator: 0, denominator: 2, value: 0 });
    expect(groups[1]?.indicators.validReportRate.value).toBe(2 / 3);
  });

  it('counts a case for each of its officers and leaves out cases with none', () => {
    const groups = groupIndicators(ALL, 'officer', options);
    expect(groups.map((g) => [g.key, g.indicators.cases, g.indicators.closureRate.value])).toEqual([
      ['o1', 2, 1],
      ['o2', 2, 0.5],
    ]);
  });

  it('groups by grid and matter', () => {
    expect(groupIndicators(ALL, 'grid', options).map((g) => [g.key, g.indicators.cases])).toEqual([
      ['g1', 3],
      ['g2', 3],
      ['g3', 1],
    ]);
    expect(groupIndicators(ALL, 'matter', options).map((g) => [g.key, g.indicators.cases])).toEqual([
      ['CG-001', 7],
    ]);
  });

  it('groups whistle cases by the county department called in', () => {
    const groups = groupIndicators(ALL, 'department', options);
    expect(groups.map((g) => [g.key, g.indicators.cases])).toEqual([['dept-env', 1]]);
    expect(groups[0]?.indicators.onTimeRegistrationRate.value).toBe(1);
  });
});
