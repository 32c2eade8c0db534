/**
 * What the display wall (指挥大屏) shows, computed from the cases of a recent window and their records:
 * the day so far, the open cases and their clocks, the window's indicators, and a line per team.
 */
import { calendarZone } from '../calendar/config';
import { centreDayStart } from '../calendar/zone';
import { caseFacts, type CaseFacts } from '../indicators/case-facts';
import { indicatorsOfFacts } from '../indicators/compute';
import { tallyAlarms, type ClockedCase } from '../indicators/current';
import type { IndicatorCase, IndicatorCaseInfo, IndicatorOptions, Indicators } from '../indicators/types';
import type { Officer, Team } from '../model/organisation';
import {
  CASE_SOURCES,
  isOpenStage,
  OPEN_STAGES,
  type CaseSource,
  type LoopStage,
  type OpenStage,
} from '../model/case';

export interface WallTeamRow {
  readonly teamId: string;
  /** Open cases of the team. */
  readonly open: number;
  /** Open cases whose running clock is overdue. */
  readonly overdue: number;
  /** Cases of the team closed (结案) since the start of today. */
  readonly closedToday: number;
}

export interface WallFigures {
  /** Cases reported since the start of today (00:00 in the centre's zone, the calendar's). */
  readonly reportedToday: number;
  /** Cases reported today, by source. */
  readonly reportedTodayBySource: Readonly<Record<CaseSource, number>>;
  /** Cases closed (结案) since the start of today. */
  readonly closedToday: number;
  /** Open cases (in the loop, neither closed nor terminal). */
  readonly open: number;
  readonly openByStage: Readonly<Record<OpenStage, number>>;
  /** Open cases whose running clock is overdue, and near overdue (`currentAlarms`' definition). */
  readonly overdue: number;
  readonly near: number;
  /** Ids of the overdue open cases, in the order given. */
  readonly overdueIds: readonly string[];
  /** The indicators over the cases reported since `windowStart`. */
  readonly window: Indicators;
  /** One row per team with a case in the window, most open first, then by id. */
  readonly teams: readonly WallTeamRow[];
  /** The newest reported cases, newest first. */
  readonly latest: readonly IndicatorCaseInfo[];
}

export interface WallOptions extends IndicatorOptions {
  /** Epoch ms the indicator window starts at (e.g. 30 days ago). */
  readonly windowStart: number;
  /** How many newest cases to list; default 8. */
  readonly latest?: number;
}

/**
 * The wall's figures, judged at `options.now`, over `cases` with their events: every case reported since
 * `windowStart` and every case still open, however old (each once). Open counts, clocks and team rows
 * cover all of them; the window's indicators only those reported since `windowStart`.
 */
export function wallFigures(cases: readonly IndicatorCase[], options: WallOptions): WallFigures {
  const dayStart = centreDayStart(options.now, calendarZone(options.calendar));
  const bySource = Object.fromEntries(CASE_SOURCES.map((s) => [s, 0])) as Record<CaseSource, number>;
  const byStage = Object.fromEntries(OPEN_STAGES.map((s) => [s, 0])) as Record<OpenStage, number>;
  const closedByTeam = new Map<string, number>();
  const facts: CaseFacts[] = [];
  const clocked: ClockedCase[] = [];
  let reportedToday = 0;
  let closedToday = 0;
  for (const item of cases) {
    const kase = item.case;
    const fact = caseFacts(item, options);
    if (kase.reportedAt >= options.windowStart) facts.push(fact);
    clocked.push({ case: kase, clocks: fact.clocks });
    if (!closedByTeam.has(kase.teamId)) closedByTeam.set(kase.teamId, 0);
    if (kase.reportedAt >= dayStart && kase.reportedAt <= options.now) {
      reportedToday++;
      bySource[kase.source] += 1;
    }
    if (item.events.some((e) => e.action.type === 'close' && e.at >= dayStart && e.at <= options.now)) {
      closedToday++;
      closedByTeam.set(kase.teamId, (closedByTeam.get(kase.teamId) ?? 0) + 1);
    }
    if (isOpenStage(kase.stage as LoopStage)) byStage[kase.stage as OpenStage] += 1;
  }
  const alarms = tallyAlarms(clocked);
  const latest = [...cases]
    .map((item) => item.case)
    .sort((a, b) => b.reportedAt - a.reportedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, options.latest ?? 8);
  return {
    reportedToday,
    reportedTodayBySource: bySource,
    closedToday,
    open: alarms.open,
    openByStage: byStage,
    overdue: alarms.overdue,
    near: alarms.near,
    overdueIds: alarms.overdueIds,
    window: indicatorsOfFacts(facts),
    teams: [...closedByTeam.entries()]
      .map(([teamId, closed]) => {
        const team = alarms.byTeam.get(teamId);
        return { teamId, open: team?.open ?? 0, overdue: team?.overdue ?? 0, closedToday: closed };
      })
      .sort((a, b) => b.open - a.open || (a.teamId < b.teamId ? -1 : a.teamId > b.teamId ? 1 : 0)),
    latest,
  };
}

/** Certified officers an enforcement action needs on the spot (two, with their 执法证). */
export const CERTIFIED_PER_ACTION = 2;

export interface WallTeamDutyRow extends WallTeamRow {
  /** Officers of the team on duty now (not 离岗), and how many of them are certified. */
  readonly onDuty: number;
  readonly certifiedOnDuty: number;
  /** Fewer certified officers on duty than one enforcement action needs. */
  readonly shortOfCertified: boolean;
}

/**
 * Every team of the township with its case figures (zero when it has none) and who is on duty, most open
 * cases first, then in the township's team order.
 */
export function teamDutyRows(
  teams: readonly Team[],
  caseRows: readonly WallTeamRow[],
  officers: readonly Officer[],
): WallTeamDutyRow[] {
  const byTeam = new Map(caseRows.map((row) => [row.teamId, row]));
  return teams
    .map((team, order) => {
      const onDuty = officers.filter((o) => o.teamId === team.id && o.status !== 'off-duty');
      const certifiedOnDuty = onDuty.filter((o) => o.kind === 'certified').length;
      const cases = byTeam.get(team.id) ?? { teamId: team.id, open: 0, overdue: 0, closedToday: 0 };
      return {
        order,
        row: {
          ...cases,
          onDuty: onDuty.length,
          certifiedOnDuty,
          shortOfCertified: certifiedOnDuty < CERTIFIED_PER_ACTION,
        },
      };
    })
    .sort((a, b) => b.row.open - a.row.open || a.order - b.order)
    .map((entry) => entry.row);
}
