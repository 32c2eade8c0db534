import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../calendar/holidays';
import { DEFAULT_TIME_LIMIT_POLICY } from '../cases/time-limits';
import { indicatorReport, reportStart } from './report';
import { bj, indicatorCase, MATTER } from './test-cases';
import type { IndicatorOptions } from './types';

const options: IndicatorOptions = {
  now: bj(5, 10), // Thursday 2026-03-05 10:00 China time
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_TIME_LIMIT_POLICY,
  matters: new Map([[MATTER.code, MATTER]]),
};

/** Team t1: reported Monday, registered, never dispatched: overdue since Monday 10:00. */
const stalled = indicatorCase('stalled', { teamId: 't1', gridCode: 'g1' }, [[bj(2, 9), 'register']]);
/** Team t2: reported today 09:30, still 上报 and within its limit. */
const fresh = indicatorCase('fresh', { teamId: 't2', gridCode: 'g2' }, [], { reportedAt: bj(5, 9, 30) });

describe('indicatorReport', () => {
  it('starts a period at 00:00 centre time, days − 1 days before today', () => {
    expect(reportStart(1, options)).toBe(bj(5, 0));
    expect(reportStart(7, options)).toBe(bj(5, 0) - 6 * 86_400_000);
  });

  it('counts only the period’s cases in its figures, and every open case in 当前超期', () => {
    const today = indicatorReport([stalled, fresh], 1, options);
    expect(today.overall.cases).toBe(1);
    expect(today.alarms.overdue).toBe(1);
    const week = indicatorReport([stalled, fresh], 7, options);
    expect(week.overall.cases).toBe(2);
    expect(week.alarms.overdue).toBe(1);
  });

  it('gives a team with an open case but none reported in the period its row, with zero figures', () => {
    const today = indicatorReport([stalled, fresh], 1, options);
    expect(today.byTeam.map((g) => [g.key, g.indicators.cases])).toEqual([
      ['t1', 0],
      ['t2', 1],
    ]);
    expect(today.alarms.byTeam.get('t1')?.overdue).toBe(1);
  });
});
