/**
 * The 考核指标 report: the indicators of a period (today and the days before it, in the centre's zone)
 * for the township and per team, the county departments' scorecards, and what is overdue now. The
 * period's figures count the cases reported in it; 当前超期 counts every open case now, as the wall does.
 */
import { calendarZone } from '../calendar/config';
import { centreDate, centreDayStart, periodStart } from '../calendar/zone';
import { computeClocks } from './case-facts';
import { computeIndicators, groupIndicators } from './compute';
import { currentAlarms, type CurrentAlarms } from './current';
import {
  addDepartmentSums,
  departmentScorecards,
  scorecardsOfSums,
  type DepartmentScorecard,
  type DepartmentSumsById,
} from './departments';
import { addSums, emptySums, indicatorsOfSums, type IndicatorSums } from './sums';
import type { CaseTally, DayTally, Summable } from './tally';
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
  const byTeam = withIdleTeams(groupIndicators(inPeriod, 'team', options), alarms);
  return {
    since,
    until: options.now,
    overall: computeIndicators(inPeriod, options),
    byTeam,
    departments: departmentScorecards(inPeriod, options.calendar),
    alarms,
  };
}

const byKey = (a: IndicatorGroup, b: IndicatorGroup): number => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

/** A team with open cases but none reported in the period still has a row, for its 当前超期. */
function withIdleTeams(byTeam: IndicatorGroup[], alarms: CurrentAlarms): IndicatorGroup[] {
  const listed = new Set(byTeam.map((g) => g.key));
  const idle = [...alarms.byTeam.keys()].filter((key) => !listed.has(key));
  if (idle.length > 0) {
    const none = indicatorsOfSums(emptySums());
    byTeam.push(...idle.map((key) => ({ key, indicators: none })));
    byTeam.sort(byKey);
  }
  return byTeam;
}

/** What a period's report is summed from instead of its cases (tally.ts). */
export interface IndicatorRollUps {
  /** The day roll-ups of the period's days before today; rows of other days are ignored. */
  readonly days: Iterable<DayTally>;
  /**
   * The tallies of the cases reported today (the centre-zone day of `options.now`): today is summed
   * case by case, so a case reported after `now` is left out as the case-list report leaves it out.
   * Tallies of other days are ignored.
   */
  readonly today: Iterable<CaseTally>;
  /**
   * 当前超期 / 临近超期 now: {@link currentAlarms} over every open case, however old, at the report's
   * `now` (the app counts them in its alarms worker, renderer/tally/alarms.worker.ts).
   */
  readonly alarms: CurrentAlarms;
}

/**
 * The same report as {@link indicatorReport} over every case, from the period's day roll-ups and the
 * open cases' alarms: identical figures as long as the roll-ups are those of the stored cases under the
 * same calendar, policy and matters (`tallyBasis`) and the alarms are {@link currentAlarms} of the open
 * cases at `options.now`. Each team's sums are its days' rows and today's cases added up; 当前超期 is
 * counted as on the wall.
 */
export function indicatorReportOfRollUps(
  rollUps: IndicatorRollUps,
  days: number,
  options: IndicatorOptions,
): IndicatorReport {
  const zone = calendarZone(options.calendar);
  const since = reportStart(days, options);
  const firstDay = centreDate(since, zone);
  const today = centreDate(options.now, zone);
  const todayStart = centreDayStart(options.now, zone);
  const teams = new Map<string, IndicatorSums>();
  const overall = emptySums();
  const departments: DepartmentSumsById = {};
  const add = (teamId: string, item: Summable): void => {
    let team = teams.get(teamId);
    if (team === undefined) {
      team = emptySums();
      teams.set(teamId, team);
    }
    addSums(team, item.sums);
    addSums(overall, item.sums);
    addDepartmentSums(departments, item.departments);
  };
  for (const row of rollUps.days) if (row.day >= firstDay && row.day < today) add(row.teamId, row);
  for (const tally of rollUps.today)
    if (tally.day === today && tally.reportedAt >= todayStart && tally.reportedAt <= options.now)
      add(tally.teamId, tally);
  const { alarms } = rollUps;
  const byTeam = [...teams.entries()]
    .filter(([, sums]) => sums.cases > 0)
    .map(([key, sums]) => ({ key, indicators: indicatorsOfSums(sums) }))
    .sort(byKey);
  return {
    since,
    until: options.now,
    overall: indicatorsOfSums(overall),
    byTeam: withIdleTeams(byTeam, alarms),
    departments: scorecardsOfSums(departments),
    alarms,
  };
}
