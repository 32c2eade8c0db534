import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../calendar/holidays';
import { DEFAULT_TIME_LIMIT_POLICY } from '../cases/time-limits';
import { computeIndicators } from './compute';
import { departmentScorecards } from './departments';
import { currentAlarms } from './current';
import { indicatorReport, indicatorReportOfRollUps } from './report';
import { indicatorsOfSums } from './sums';
import { caseTally, dayTallies, sumTallies, tallyBasis, type CaseTally } from './tally';
import { bj, HOUR, indicatorCase, MATTER } from './test-cases';
import type { IndicatorCase, IndicatorOptions } from './types';

const options: IndicatorOptions = {
  now: bj(5, 10), // Thursday 2026-03-05 10:00 China time
  calendar: DEFAULT_CALENDAR,
  policy: DEFAULT_TIME_LIMIT_POLICY,
  matters: new Map([[MATTER.code, MATTER]]),
};
const where = (teamId: string) => ({ teamId, gridCode: 'g1' });

/** Monday: the whole loop on time; response 0.5 h, handling 10:00–14:00 = 2.5 h; closed 15:30. */
const closed = indicatorCase('closed', where('t1'), [
  [bj(2, 9), 'register'],
  [bj(2, 9, 30), 'dispatch'],
  [bj(2, 10), 'acknowledge'],
  [bj(2, 10, 1), 'startHandling'],
  [bj(2, 14), 'submitFeedback'],
  [bj(2, 15), 'verifyPass'],
  [bj(2, 15, 30), 'close'],
]);
/** Monday: registered late (2.5 h of 2 h), whistled to a department that answered in 2 working hours. */
const whistled = indicatorCase('whistled', where('t1'), [
  [bj(2, 11), 'register'],
  [bj(2, 13, 30), { type: 'whistle', payload: { departmentId: 'dept-env' } }],
  [bj(2, 15, 30), 'respondWhistle'],
]);
/** Monday, team t2: rejected. */
const rejected = indicatorCase('rejected', where('t2'), [[bj(2, 9), 'reject']]);
/** Thursday 09:00 (today, before now): still 上报. */
const todayEarly = indicatorCase('today-early', where('t2'), [], { reportedAt: bj(5, 9) });
/** Thursday 11:00: reported after now (a PC clock ahead, or a hotline time typed in). */
const todayLate = indicatorCase('today-late', where('t2'), [], { reportedAt: bj(5, 11) });

const ALL = [closed, whistled, rejected, todayEarly, todayLate];
const tallies = ALL.map((item) => caseTally(item, options));

describe('caseTally', () => {
  it('files a case under its report’s centre-zone date and team, with its latest 结案', () => {
    const [a, b] = tallies;
    expect([a?.day, a?.teamId, a?.closedAt]).toEqual(['2026-03-02', 't1', bj(2, 15, 30)]);
    expect(b?.closedAt).toBeNull();
    // 00:30 in Beijing is still the evening before in UTC: the centre's day counts.
    const late = caseTally(indicatorCase('x', where('t1'), [], { reportedAt: bj(3, 0, 30) }), options);
    expect(late.day).toBe('2026-03-03');
  });

  it('holds the numerators and denominators the case adds', () => {
    const a = tallies[0]?.sums;
    expect(a?.cases).toBe(1);
    expect(a?.closureRate).toEqual({ numerator: 1, denominator: 1 });
    expect(a?.averageResponseMs).toEqual({ numerator: 0.5 * HOUR, denominator: 1 });
    expect(a?.averageHandlingMs).toEqual({ numerator: 2.5 * HOUR, denominator: 1 });
    expect(tallies[1]?.sums.onTimeRegistrationRate).toEqual({ numerator: 0, denominator: 1 });
    expect(tallies[1]?.departments).toEqual({
      'dept-env': {
        whistles: 1,
        responded: 1,
        responseMs: 2 * HOUR,
        rated: 0,
        response: 0,
        completion: 0,
        satisfaction: 0,
      },
    });
  });

  it('is the same whenever it is computed: a finished clock does not move', () => {
    const later = { ...options, now: bj(30, 10) };
    expect(ALL.map((item) => caseTally(item, later))).toEqual(tallies);
  });

  it('moves with a reassignment: the tally is filed under the case’s team now', () => {
    const moved = caseTally({ ...closed, case: { ...closed.case, teamId: 't9' } }, options);
    expect(moved.teamId).toBe('t9');
    expect(moved.sums).toEqual(tallies[0]?.sums);
  });
});

describe('dayTallies', () => {
  it('adds up the cases of each day and team', () => {
    const rows = dayTallies(tallies);
    expect(rows.map((r) => [r.day, r.teamId, r.sums.cases])).toEqual([
      ['2026-03-02', 't1', 2],
      ['2026-03-02', 't2', 1],
      ['2026-03-05', 't2', 2],
    ]);
    const monday = rows[0];
    expect(monday && indicatorsOfSums(monday.sums)).toEqual(computeIndicators([closed, whistled], options));
    expect(monday?.departments['dept-env']?.whistles).toBe(1);
  });

  it('gives the indicators and scorecards of the cases summed, whatever the order', () => {
    const summed = sumTallies([...tallies].reverse());
    expect(indicatorsOfSums(summed.sums)).toEqual(computeIndicators(ALL, options));
    expect(departmentScorecards(ALL, DEFAULT_CALENDAR)).toHaveLength(1);
  });
});

describe('indicatorReportOfRollUps', () => {
  const rollUps = (
    items: readonly IndicatorCase[],
    all: readonly CaseTally[] = tallies,
    at: IndicatorOptions = options,
  ) => ({
    days: dayTallies(all),
    today: all,
    alarms: currentAlarms(
      items.filter((item) => ['reported', 'registered'].includes(item.case.stage)),
      at,
    ),
  });

  it('gives today’s report without the case reported after now, as the case-list report does', () => {
    const today = indicatorReportOfRollUps(rollUps(ALL), 1, options);
    expect(today.overall.cases).toBe(1);
    expect(today).toEqual(indicatorReport(ALL, 1, options));
  });

  it('gives the week’s report from Monday’s rows and today’s cases', () => {
    const week = indicatorReportOfRollUps(rollUps(ALL), 7, options);
    expect(week.overall.cases).toBe(4);
    expect(week.byTeam.map((g) => [g.key, g.indicators.cases])).toEqual([
      ['t1', 2],
      ['t2', 2],
    ]);
    expect(week.departments.map((d) => [d.departmentId, d.whistles])).toEqual([['dept-env', 1]]);
    expect(week).toEqual(indicatorReport(ALL, 7, options));
  });

  it('lists a team with an open case but none in the period with zero figures', () => {
    const friday = { ...options, now: bj(6, 10) };
    const only = [whistled];
    const report = indicatorReportOfRollUps(rollUps(only, [caseTally(whistled, options)], friday), 1, friday);
    expect(report.byTeam.map((g) => [g.key, g.indicators.cases])).toEqual([['t1', 0]]);
    expect(report).toEqual(indicatorReport(only, 1, friday));
  });
});

describe('tallyBasis', () => {
  const basis = tallyBasis(DEFAULT_CALENDAR, [MATTER], DEFAULT_TIME_LIMIT_POLICY);

  it('is the same for the same rules, whatever order their keys and matters come in', () => {
    const reordered = Object.fromEntries(
      Object.entries(DEFAULT_CALENDAR).reverse(),
    ) as typeof DEFAULT_CALENDAR;
    const other = { ...MATTER, code: 'CG-002' };
    expect(tallyBasis(reordered, [MATTER], DEFAULT_TIME_LIMIT_POLICY)).toBe(basis);
    expect(tallyBasis(DEFAULT_CALENDAR, [MATTER, other], DEFAULT_TIME_LIMIT_POLICY)).toBe(
      tallyBasis(DEFAULT_CALENDAR, [other, MATTER], DEFAULT_TIME_LIMIT_POLICY),
    );
  });

  it('changes with a holiday, a time zone, a matter’s limit, a new matter or the policy', () => {
    const holiday = { ...DEFAULT_CALENDAR, holidays: [...DEFAULT_CALENDAR.holidays, '2026-03-04'] };
    const zone = { ...DEFAULT_CALENDAR, timeZone: 'Asia/Urumqi' };
    const limits = { ...MATTER, limits: { ...MATTER.limits, handle: 16 } };
    const policy = { ...DEFAULT_TIME_LIMIT_POLICY, nearThreshold: 0.9 };
    const others = [
      tallyBasis(holiday, [MATTER], DEFAULT_TIME_LIMIT_POLICY),
      tallyBasis(zone, [MATTER], DEFAULT_TIME_LIMIT_POLICY),
      tallyBasis(DEFAULT_CALENDAR, [limits], DEFAULT_TIME_LIMIT_POLICY),
      tallyBasis(DEFAULT_CALENDAR, [MATTER, { ...MATTER, code: 'CG-002' }], DEFAULT_TIME_LIMIT_POLICY),
      tallyBasis(DEFAULT_CALENDAR, [MATTER], policy),
    ];
    expect(new Set([basis, ...others]).size).toBe(6);
  });
});
