/**
 * What the display wall (指挥大屏) shows: the day so far, the open cases and their clocks, the window's
 * indicators, and a line per team; computed from the cases of a recent window and their records
 * ({@link wallFigures}), or from the window's daily roll-ups and the open cases ({@link wallFiguresOfRollUps}).
 */
import { calendarZone } from '../calendar/config';
import { centreDate, centreDayStart } from '../calendar/zone';
import { caseFacts, computeClocks, type CaseFacts } from '../indicators/case-facts';
import { indicatorsOfFacts } from '../indicators/compute';
import { currentAlarms, tallyAlarms, type ClockedCase, type CurrentAlarms } from '../indicators/current';
import { indicatorsOfSums } from '../indicators/sums';
import { sumTallies, type CaseTally, type DayTally } from '../indicators/tally';
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
  /** One row per team with a case in the window, an open case or one closed today; most open first, then by id. */
  readonly teams: readonly WallTeamRow[];
  /** The newest reported cases, newest first. */
  readonly latest: readonly IndicatorCaseInfo[];
}

export interface WallOptions extends IndicatorOptions {
  /** Epoch ms the indicator window starts at (e.g. 30 days ago): 00:00 of a day in the centre's zone. */
  readonly windowStart: number;
  /** How many newest cases to list; default 8. */
  readonly latest?: number;
}

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** What both ways of computing the figures have found, put together the same way. */
interface WallParts {
  /** Cases reported since the start of today, up to now. */
  readonly reportedToday: readonly IndicatorCaseInfo[];
  /** Cases closed since the start of today, up to now. */
  readonly closedToday: readonly { readonly teamId: string }[];
  readonly open: readonly IndicatorCaseInfo[];
  readonly alarms: CurrentAlarms;
  readonly window: Indicators;
  /** Teams with a case reported in the window (their rows are listed even with nothing open). */
  readonly windowTeams: Iterable<string>;
  /** Cases to pick the newest from, each once (the newest listed are the newest of these). */
  readonly candidates: readonly IndicatorCaseInfo[];
}

function assemble(parts: WallParts, options: WallOptions): WallFigures {
  const bySource = Object.fromEntries(CASE_SOURCES.map((s) => [s, 0])) as Record<CaseSource, number>;
  const byStage = Object.fromEntries(OPEN_STAGES.map((s) => [s, 0])) as Record<OpenStage, number>;
  for (const kase of parts.reportedToday) bySource[kase.source] += 1;
  for (const kase of parts.open) byStage[kase.stage as OpenStage] += 1;
  const closedByTeam = new Map<string, number>();
  for (const teamId of parts.windowTeams) closedByTeam.set(teamId, 0);
  for (const kase of parts.open) if (!closedByTeam.has(kase.teamId)) closedByTeam.set(kase.teamId, 0);
  for (const { teamId } of parts.closedToday) closedByTeam.set(teamId, (closedByTeam.get(teamId) ?? 0) + 1);
  const { alarms } = parts;
  const latest = [...parts.candidates]
    .sort((a, b) => b.reportedAt - a.reportedAt || byId(a.id, b.id))
    .slice(0, options.latest ?? 8);
  return {
    reportedToday: parts.reportedToday.length,
    reportedTodayBySource: bySource,
    closedToday: parts.closedToday.length,
    open: alarms.open,
    openByStage: byStage,
    overdue: alarms.overdue,
    near: alarms.near,
    overdueIds: alarms.overdueIds,
    window: parts.window,
    teams: [...closedByTeam.entries()]
      .map(([teamId, closed]) => {
        const team = alarms.byTeam.get(teamId);
        return { teamId, open: team?.open ?? 0, overdue: team?.overdue ?? 0, closedToday: closed };
      })
      .sort((a, b) => b.open - a.open || byId(a.teamId, b.teamId)),
    latest,
  };
}

const isOpen = (kase: IndicatorCaseInfo): boolean => isOpenStage(kase.stage as LoopStage);

/**
 * The wall's figures, judged at `options.now`, over `cases` with their events, each once: at least
 * every case reported since `windowStart`, every case still open, however old, and every case closed
 * today; the newest listed are the newest of all given (with fewer than `latest` in the window, give
 * every case to list the newest stored). Open counts and clocks cover the open ones; the window's
 * indicators those reported since `windowStart`; a case counts as closed today when it has a 结案
 * between the start of today and now. A team has a row when it has a case in the window, an open case
 * or a case closed today. Over every case, {@link wallFiguresOfRollUps} gives the same from roll-ups.
 */
export function wallFigures(cases: readonly IndicatorCase[], options: WallOptions): WallFigures {
  const dayStart = centreDayStart(options.now, calendarZone(options.calendar));
  const facts: CaseFacts[] = [];
  const clocked: ClockedCase[] = [];
  const windowTeams = new Set<string>();
  const reportedToday: IndicatorCaseInfo[] = [];
  const closedToday: IndicatorCaseInfo[] = [];
  const open: IndicatorCaseInfo[] = [];
  const candidates: IndicatorCaseInfo[] = [];
  for (const item of cases) {
    const kase = item.case;
    const inWindow = kase.reportedAt >= options.windowStart;
    const closed = item.events.some(
      (e) => e.action.type === 'close' && e.at >= dayStart && e.at <= options.now,
    );
    candidates.push(kase);
    if (!inWindow && !closed && !isOpen(kase)) continue;
    const fact = inWindow ? caseFacts(item, options) : null;
    if (fact !== null) {
      windowTeams.add(kase.teamId);
      facts.push(fact);
    }
    if (isOpen(kase)) {
      open.push(kase);
      clocked.push({ case: kase, clocks: fact?.clocks ?? item.clocks ?? computeClocks(item, options) });
    }
    if (kase.reportedAt >= dayStart && kase.reportedAt <= options.now) reportedToday.push(kase);
    if (closed) closedToday.push(kase);
  }
  return assemble(
    {
      reportedToday,
      closedToday,
      open,
      alarms: tallyAlarms(clocked),
      window: indicatorsOfFacts(facts),
      windowTeams,
      candidates,
    },
    options,
  );
}

/** What the wall's figures are computed from instead of every case of the window (tally.ts). */
export interface WallRollUps {
  /** The day roll-ups from the window's first day on; rows of earlier days are ignored. */
  readonly days: Iterable<DayTally>;
  /** The tallies of the cases last closed since the start of today; earlier ones are ignored. */
  readonly closed: Iterable<Pick<CaseTally, 'caseId' | 'teamId' | 'closedAt'>>;
  /** Every case reported since the start of today, and the newest `latest` cases (repeats are fine). */
  readonly recent: readonly IndicatorCaseInfo[];
  /** Every open case with its events, however old. */
  readonly open: readonly IndicatorCase[];
}

/**
 * The wall's figures from daily roll-ups: the window's indicators are its days' rows added up, today's
 * closures are the tallies last closed today, today's reports and the newest cases come from `recent`,
 * open counts and alarms ({@link currentAlarms}, as in the indicators) from the open cases. The same
 * figures as {@link wallFigures} over every case, when the roll-ups are the stored cases' under the same
 * calendar, policy and matters; `windowStart` must be the start of a centre-zone day.
 */
export function wallFiguresOfRollUps(rollUps: WallRollUps, options: WallOptions): WallFigures {
  const zone = calendarZone(options.calendar);
  const dayStart = centreDayStart(options.now, zone);
  const firstDay = centreDate(options.windowStart, zone);
  const windowRows = [...rollUps.days].filter((row) => row.day >= firstDay && row.sums.cases > 0);
  const seen = new Set<string>();
  const candidates: IndicatorCaseInfo[] = [];
  for (const kase of [...rollUps.recent, ...rollUps.open.map((item) => item.case)]) {
    if (seen.has(kase.id)) continue;
    seen.add(kase.id);
    candidates.push(kase);
  }
  const closedToday = [...rollUps.closed].filter(
    (t) => t.closedAt !== null && t.closedAt >= dayStart && t.closedAt <= options.now,
  );
  return assemble(
    {
      reportedToday: candidates.filter((c) => c.reportedAt >= dayStart && c.reportedAt <= options.now),
      closedToday: [...new Map(closedToday.map((t) => [t.caseId, t])).values()],
      open: rollUps.open.map((item) => item.case).filter(isOpen),
      alarms: currentAlarms(rollUps.open, options),
      window: indicatorsOfSums(sumTallies(windowRows).sums),
      windowTeams: windowRows.map((row) => row.teamId),
      candidates,
    },
    options,
  );
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
