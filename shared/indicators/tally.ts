/**
 * Daily roll-ups of the indicators. A case's contribution to every period figure ({@link CaseTally}:
 * its indicator sums, its whistle sums, the time it was last closed) depends only on the case, its
 * events, the calendar, the time-limit policy and its matter's limits, never on when it is read (see
 * `caseFacts`), so it can be computed when the case is written and kept. A day's roll-up
 * ({@link DayTally}, per centre-zone day of report and team) is the sum of its cases' tallies, and a
 * period's figures are the sum of its days' roll-ups: a 365-day report adds a few thousand rows
 * instead of replaying every case of the year.
 *
 * Roll-ups are only as good as the rules they were computed under: {@link tallyBasis} names those
 * rules, and roll-ups stored under another basis are stale.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { calendarZone, type WorkingCalendar } from '../calendar/config';
import { centreDate } from '../calendar/zone';
import type { TimeLimitPolicy } from '../cases/time-limits';
import type { Matter } from '../model/matter';
import { caseFacts } from './case-facts';
import { addCaseDepartmentSums, addDepartmentSums, type DepartmentSumsById } from './departments';
import { addFacts, addSums, emptySums, type IndicatorSums } from './sums';
import type { IndicatorCase, IndicatorOptions } from './types';

/**
 * What a change to the tallies' shape or rules bumps: roll-ups of an older version are stale, as if
 * the calendar had changed.
 */
export const TALLY_VERSION = 1;

/** What one case adds to the period figures of the day it was reported. Plain data (stored as is). */
export interface CaseTally {
  readonly caseId: string;
  /** The centre-zone date (`YYYY-MM-DD`, the calendar's zone) of the case's report. */
  readonly day: string;
  /** The case's team now (a reassignment moves its tally). */
  readonly teamId: string;
  /** Epoch ms of the report: today's cases are cut at `now`. */
  readonly reportedAt: number;
  readonly sums: IndicatorSums;
  /** Its whistles, answers and ratings, by county department. */
  readonly departments: DepartmentSumsById;
  /** Epoch ms of its latest 结案 ('close' event); null if never closed. */
  readonly closedAt: number | null;
}

/** The sum of the tallies of the cases of one team reported on one day. */
export interface DayTally {
  readonly day: string;
  readonly teamId: string;
  readonly sums: IndicatorSums;
  readonly departments: DepartmentSumsById;
}

/** The rules a tally is computed under: the options of {@link IndicatorOptions} but `now`. */
export type TallyOptions = Omit<IndicatorOptions, 'now'>;

/**
 * The tally of one case from its events in order. Clocks are computed as of the case's latest event
 * (its facts do not depend on the instant, so any would do; this one keeps the function deterministic).
 */
export function caseTally(item: IndicatorCase, options: TallyOptions): CaseTally {
  const kase = item.case;
  let latest = kase.reportedAt;
  let closedAt: number | null = null;
  for (const event of item.events) {
    latest = Math.max(latest, event.at);
    if (event.action.type === 'close') closedAt = Math.max(closedAt ?? event.at, event.at);
  }
  const facts = caseFacts(item, { ...options, now: latest });
  return {
    caseId: kase.id,
    day: centreDate(kase.reportedAt, calendarZone(options.calendar)),
    teamId: kase.teamId,
    reportedAt: kase.reportedAt,
    sums: addFacts(emptySums(), facts),
    departments: addCaseDepartmentSums({}, item.events, options.calendar),
    closedAt,
  };
}

/** What a day roll-up and a case tally have in common: what adds up. */
export type Summable = Pick<DayTally, 'sums' | 'departments'>;

/** The sum of several tallies or roll-ups (new objects; the addends are left as they are). */
export function sumTallies(items: Iterable<Summable>): {
  readonly sums: IndicatorSums;
  readonly departments: DepartmentSumsById;
} {
  const sums = emptySums();
  const departments: DepartmentSumsById = {};
  for (const item of items) {
    addSums(sums, item.sums);
    addDepartmentSums(departments, item.departments);
  }
  return { sums, departments };
}

/** The key of a day roll-up: its day and team. */
export const dayKey = (day: string, teamId: string): string => `${day}\u0000${teamId}`;

/** The day roll-ups of a set of case tallies: one per day and team that has a case, by day then team. */
export function dayTallies(tallies: Iterable<CaseTally>): DayTally[] {
  const groups = new Map<string, CaseTally[]>();
  for (const tally of tallies) {
    const key = dayKey(tally.day, tally.teamId);
    const list = groups.get(key);
    if (list === undefined) groups.set(key, [tally]);
    else list.push(tally);
  }
  return [...groups.values()]
    .map((list) => {
      const first = list[0] as CaseTally;
      return { day: first.day, teamId: first.teamId, ...sumTallies(list) };
    })
    .sort((a, b) => (a.day < b.day ? -1 : a.day > b.day ? 1 : a.teamId < b.teamId ? -1 : 1));
}

/** JSON with object keys sorted, so equal values give equal text whatever order their keys were set in. */
function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A fingerprint of everything a tally depends on besides the case itself: the tally version, the
 * working calendar (its zone decides the day), the time-limit policy and each matter's code and stage
 * limits (an unknown matter has no clocks). Roll-ups stored under another fingerprint are stale.
 */
export function tallyBasis(
  calendar: WorkingCalendar,
  matters: Iterable<Pick<Matter, 'code' | 'limits'>>,
  policy: TimeLimitPolicy,
): string {
  const limits = [...matters]
    .map((m) => [m.code, m.limits] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const text = canonicalJson({ version: TALLY_VERSION, calendar, policy, limits });
  return `tally-v${TALLY_VERSION}:${bytesToHex(sha256(utf8ToBytes(text)))}`;
}
