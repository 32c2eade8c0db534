import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../calendar/holidays';
import { caseClocks, DEFAULT_TIME_LIMIT_POLICY } from '../cases/time-limits';
import { currentAlarm, currentAlarms } from './current';
import { bj, indicatorCase, MATTER } from './test-cases';
import type { IndicatorOptions } from './types';

const options: IndicatorOptions = {
  now: bj(5, 10), // Thursday 2026-03-05 10:00 China time
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_TIME_LIMIT_POLICY,
  matters: new Map([[MATTER.code, MATTER]]),
};

/** Registered Monday 09:00, never dispatched: its dispatch clock (1 working hour) ran out Monday 10:00. */
const stalled = indicatorCase('stalled', { teamId: 't1', gridCode: 'g1' }, [[bj(2, 9), 'register']]);
/** Handled late (Monday to Wednesday, 8 h allowed) and closed: late, but no longer open. */
const closedLate = indicatorCase('closed-late', { teamId: 't1', gridCode: 'g2' }, [
  [bj(2, 9), 'register'],
  [bj(2, 9, 30), 'dispatch'],
  [bj(2, 10), 'acknowledge'],
  [bj(2, 10, 1), 'startHandling'],
  [bj(4, 16), 'submitFeedback'],
  [bj(4, 16, 30), 'verifyPass'],
  [bj(4, 17), 'close'],
]);
/** Reported Wednesday 17:20: 10 min then, 1 h 30 today, 1 h 40 of its 2 h register limit: near. */
const nearDue = indicatorCase('near', { teamId: 't2', gridCode: 'g3' }, [], { reportedAt: bj(4, 17, 20) });
/** Reported today 09:50: fresh. */
const fresh = indicatorCase('fresh', { teamId: 't2', gridCode: 'g3' }, [], { reportedAt: bj(5, 9, 50) });
/** Stalled like `stalled`, but of a matter the township does not know: no clocks, no alarm. */
const unknown = indicatorCase('unknown', { teamId: 't2', gridCode: 'g1' }, [[bj(2, 9), 'register']], {
  matterCode: 'XX-999',
});

describe('currentAlarms: the one definition of overdue now', () => {
  const alarms = currentAlarms([stalled, closedLate, nearDue, fresh, unknown], options);

  it('finds the stalled open case overdue and the one close to its limit near', () => {
    expect(alarms.overdueIds).toEqual(['stalled']);
    expect(alarms.overdue).toBe(1);
    expect(alarms.near).toBe(1);
    expect(alarms.open).toBe(4);
  });

  it('never counts a closed case, however late its last step was', () => {
    const clocks = caseClocks(
      {
        reportedAt: closedLate.case.reportedAt,
        urgency: 'normal',
        matter: MATTER,
        events: closedLate.events,
      },
      DEFAULT_CALENDAR,
      DEFAULT_TIME_LIMIT_POLICY,
      options.now,
    );
    expect(clocks.periods.some((p) => p.onTime === false)).toBe(true);
    expect(currentAlarm('closed', clocks)).toBeNull();
  });

  it('counts per team', () => {
    expect(alarms.byTeam.get('t1')).toEqual({ open: 1, overdue: 1, near: 0 });
    expect(alarms.byTeam.get('t2')).toEqual({ open: 3, overdue: 0, near: 1 });
  });

  it('uses precomputed clocks when given', () => {
    // Clocks computed Monday 09:30 see the dispatch clock still within its limit.
    const early = {
      ...stalled,
      clocks: caseClocks(
        { reportedAt: stalled.case.reportedAt, urgency: 'normal', matter: MATTER, events: stalled.events },
        DEFAULT_CALENDAR,
        DEFAULT_TIME_LIMIT_POLICY,
        bj(2, 9, 30),
      ),
    };
    expect(currentAlarms([early], options).overdue).toBe(0);
    expect(currentAlarms([stalled], options).overdue).toBe(1);
  });
});
