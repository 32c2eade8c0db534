import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../calendar/holidays';
import { DEFAULT_TIME_LIMIT_POLICY } from '../cases/time-limits';
import { computeIndicators } from '../indicators/compute';
import { bj, indicatorCase, MATTER } from '../indicators/test-cases';
import type { Officer, Team } from '../model/organisation';
import { caseTally, dayTallies } from '../indicators/tally';
import { teamDutyRows, wallFigures, wallFiguresOfRollUps, type WallOptions } from './figures';

const options: WallOptions = {
  now: bj(5, 10), // Thursday 2026-03-05 10:00 China time
  windowStart: bj(2, 0),
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_TIME_LIMIT_POLICY,
  matters: new Map([[MATTER.code, MATTER]]),
};

/** Reported Monday, closed Thursday 09:00 (today). */
const closedToday = indicatorCase('closed-today', { teamId: 't1', gridCode: 'g1' }, [
  [bj(2, 9), 'register'],
  [bj(2, 9, 30), 'dispatch'],
  [bj(2, 10), 'acknowledge'],
  [bj(2, 10, 1), 'startHandling'],
  [bj(2, 14), 'submitFeedback'],
  [bj(2, 15), 'verifyPass'],
  [bj(5, 9), 'close'],
]);
/** Reported Monday, registered, never dispatched: its dispatch clock is long overdue. */
const overdue = indicatorCase('overdue', { teamId: 't1', gridCode: 'g2' }, [[bj(2, 9), 'register']]);
/** Reported today 08:40 by a grid worker, still 上报: its register clock is running and not yet near. */
const newToday = indicatorCase('new-today', { teamId: 't2', gridCode: 'g3' }, [], {
  reportedAt: bj(5, 8, 40),
  source: 'grid-worker',
});
/** Reported in February, outside the window, still handling (extended far ahead): open but not in the window. */
const oldOpen = indicatorCase(
  'old-open',
  { teamId: 't2', gridCode: 'g3' },
  [
    [bj(2, 9), 'register'],
    [bj(2, 9, 30), 'dispatch'],
    [bj(2, 10), 'acknowledge'],
    [bj(2, 10, 1), 'startHandling'],
    [bj(2, 11), { type: 'extend', payload: { reason: '待检测', deadline: bj(20, 17, 30) } }],
  ],
  { reportedAt: Date.UTC(2026, 1, 20, 1) },
);
/** Rejected Monday: neither open nor closed. */
const rejected = indicatorCase('rejected', { teamId: 't2', gridCode: 'g1' }, [[bj(2, 9), 'reject']]);

const ALL = [closedToday, overdue, newToday, oldOpen, rejected];

describe('wallFigures', () => {
  const figures = wallFigures(ALL, options);

  it('counts today’s reports by source and today’s closures', () => {
    expect(figures.reportedToday).toBe(1);
    expect(figures.reportedTodayBySource['grid-worker']).toBe(1);
    expect(figures.reportedTodayBySource.hotline).toBe(0);
    expect(figures.closedToday).toBe(1);
  });

  it('counts every open case, however old, by stage, with the overdue one', () => {
    expect(figures.open).toBe(3);
    expect(figures.openByStage).toEqual({
      reported: 1,
      registered: 1,
      dispatched: 0,
      handling: 1,
      feedback: 0,
      verified: 0,
    });
    expect(figures.overdue).toBe(1);
    expect(figures.overdueIds).toEqual(['overdue']);
    expect(figures.near).toBe(0);
  });

  it('computes the window’s indicators only over cases reported in the window', () => {
    const inWindow = [closedToday, overdue, newToday, rejected];
    expect(figures.window).toEqual(computeIndicators(inWindow, options));
    expect(figures.window.cases).toBe(4);
  });

  it('gives each team its open, overdue and closed-today cases, most open first', () => {
    expect(figures.teams).toEqual([
      { teamId: 't2', open: 2, overdue: 0, closedToday: 0 },
      { teamId: 't1', open: 1, overdue: 1, closedToday: 1 },
    ]);
  });

  it('lists the newest reports first, as many as asked', () => {
    expect(wallFigures(ALL, { ...options, latest: 2 }).latest.map((c) => c.id)).toEqual([
      'new-today',
      'closed-today',
    ]);
  });

  it('gives the same figures from the window’s daily roll-ups, today’s cases and the open ones', () => {
    const tallies = ALL.map((item) => caseTally(item, options));
    const open = [overdue, newToday, oldOpen];
    const rollUps = {
      days: dayTallies(tallies),
      closed: tallies.filter((t) => t.closedAt !== null),
      recent: [newToday.case],
      open,
    };
    // The latest list picks from what it is given: today's case, the open ones.
    expect(wallFiguresOfRollUps(rollUps, options)).toEqual({
      ...figures,
      latest: wallFigures(open, options).latest,
    });
  });

  it('counts a case closed today however long ago it was reported', () => {
    const old = { ...closedToday, case: { ...closedToday.case, reportedAt: Date.UTC(2026, 0, 5) } };
    expect(wallFigures([old], options).closedToday).toBe(1);
    expect(wallFigures([old], options).teams).toEqual([
      { teamId: 't1', open: 0, overdue: 0, closedToday: 1 },
    ]);
  });

  it('is all zeros and nulls for no cases', () => {
    const empty = wallFigures([], options);
    expect(empty.open).toBe(0);
    expect(empty.teams).toEqual([]);
    expect(empty.window.closureRate.value).toBeNull();
  });
});

describe('teamDutyRows', () => {
  const team = (id: string): Team => ({ id, name: id, leaderId: '', phone: '' });
  const officer = (
    id: string,
    teamId: string,
    kind: 'certified' | 'auxiliary',
    status: Officer['status'],
  ): Officer =>
    kind === 'certified'
      ? { id, name: id, teamId, phone: '', status, kind, certificateNo: `C-${id}` }
      : { id, name: id, teamId, phone: '', status, kind };
  const officers = [
    officer('a1', 't1', 'certified', 'patrolling'),
    officer('a2', 't1', 'certified', 'busy'),
    officer('a3', 't1', 'auxiliary', 'available'),
    officer('b1', 't2', 'certified', 'available'),
    officer('b2', 't2', 'certified', 'off-duty'),
    officer('b3', 't2', 'auxiliary', 'patrolling'),
  ];

  it('lists every team, with zeros for a team without cases, and who is on duty', () => {
    const rows = teamDutyRows(
      [team('t1'), team('t2'), team('t3')],
      [{ teamId: 't2', open: 4, overdue: 1, closedToday: 2 }],
      officers,
    );
    expect(rows).toEqual([
      {
        teamId: 't2',
        open: 4,
        overdue: 1,
        closedToday: 2,
        onDuty: 2,
        certifiedOnDuty: 1,
        shortOfCertified: true,
      },
      {
        teamId: 't1',
        open: 0,
        overdue: 0,
        closedToday: 0,
        onDuty: 3,
        certifiedOnDuty: 2,
        shortOfCertified: false,
      },
      {
        teamId: 't3',
        open: 0,
        overdue: 0,
        closedToday: 0,
        onDuty: 0,
        certifiedOnDuty: 0,
        shortOfCertified: true,
      },
    ]);
  });
});
