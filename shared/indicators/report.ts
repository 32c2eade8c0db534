/**
 * The 考核指标 report: the indicators of a period (today and the days before it, in the centre's zone)
 * for the township and per team, the county departments' scorecards, and what is overdue now. The
 * period's figures count the cases reported in it; 当前超期 counts every open case now, as the wall does.
 */
import { calendarZone } from '../calendar/config';
import { periodStart } from '../calendar/zone';
import { computeClocks } from './case-facts';
import { computeIndicators, groupIndicators } from './compute';
import { currentAlarms, type CurrentAlarms } from './current';
import { departmentScorecards, type DepartmentScorecard } from './departments';
import type { IndicatorCase, IndicatorGroup, IndicatorOptions, Indicators } from './types';

export interface IndicatorReport {
  /** Epoch ms the period starts at: 00:00 centre time, `days - 1` days before today. */
  readonly since: number;
  /** Epoch ms the report is judged at (`options.now`), the period's end. */
  readonly until: number;
  readonly overall: Indicators;
  /** Per team of a case in the period or an open case (zero figures when none in the period), by id. */
  readonly byTeam: readonly IndicatorGroup[];
  readonly departments: readonly DepartmentScorecard[];
  /** 当前超期 / 临近超期 now, over every open case given, whatever the period. */
  readonly alarms: CurrentAlarms;
}

/** When the report of a period of `days` whole days ending today starts (00:00 centre time). */
export function reportStart(days: number, options: Pick<IndicatorOptions, 'now' | 'calendar'>): number {
  return periodStart(options.now, days, calendarZone(options.calendar));
}

/**
 * The report of the last `days` days (today included, centre time). `cases` must hold every case
 * reported since {@link reportStart} and every open case however old (the repository's
 * `loadIndicatorCases(db, since, { withOpen: true })`); the old open ones count only in `alarms`.
 */
export function indicatorReport(
  cases: readonly IndicatorCase[],
  days: number,
  options: IndicatorOptions,
): IndicatorReport {
  const since = reportStart(days, options);
  // Each case's clocks once, shared by the period's figures, the team rows and the alarms.
  const clocked = cases.map((item) =>
    item.clocks === undefined ? { ...item, clocks: computeClocks(item, options) ?? undefined } : item,
  );
  const inPeriod = clocked.filter(
    (item) => item.case.reportedAt >= since && item.case.reportedAt <= options.now,
  );
  const alarms = currentAlarms(clocked, options);
  // A team with open cases but none reported in the period still has a row, for its 当前超期.
  const byTeam = groupIndicators(inPeriod, 'team', options);
  const listed = new Set(byTeam.map((g) => g.key));
  const idle = [...alarms.byTeam.keys()].filter((key) => !listed.has(key));
  if (idle.length > 0) {
    const none = computeIndicators([], options);
    byTeam.push(...idle.map((key) => ({ key, indicators: none })));
    byTeam.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }
  return {
    since,
    until: options.now,
    overall: computeIndicators(inPeriod, options),
    byTeam,
    departments: departmentScorecards(inPeriod, options.calendar),
    alarms,
  };
}
