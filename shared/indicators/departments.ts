/**
 * 吹哨报到 scorecards: how each county department answered the township's whistles (一事一评). Ratings
 * come from 'rateWhistle' events, payload `{ response, completion, satisfaction }` (1–5 each, 响应度、
 * 办结度、满意度); response time runs from 'whistle' to the next 'respondWhistle' (报到), in working ms.
 */
import type { WorkingCalendar } from '../calendar/config';
import { workingMsBetween } from '../calendar/working-time';
import { ratio } from './sums';
import type { IndicatorCase, Ratio } from './types';

export interface DepartmentScorecard {
  readonly departmentId: string;
  /** Whistles to the department. */
  readonly whistles: number;
  /** Whistles answered (报到). */
  readonly responded: number;
  /** Average working ms from whistle to 报到, over answered whistles. */
  readonly averageResponseMs: Ratio;
  /** Average 响应度 (1–5) over rated whistles. */
  readonly response: Ratio;
  /** Average 办结度 (1–5). */
  readonly completion: Ratio;
  /** Average 满意度 (1–5). */
  readonly satisfaction: Ratio;
}

/**
 * One department's whistle sums over a set of cases: what its scorecard is read from. Plain numbers, so
 * a case's or a day's sums can be stored and added up (tally.ts).
 */
export interface DepartmentSums {
  /** Whistles to the department. */
  whistles: number;
  /** Whistles answered (报到). */
  responded: number;
  /** Working ms from whistle to 报到, summed over answered whistles. */
  responseMs: number;
  /** Valid ratings, and the sums of their 响应度, 办结度 and 满意度. */
  rated: number;
  response: number;
  completion: number;
  satisfaction: number;
}

/** Whistle sums by department id; a department is there only once a case touched it. */
export type DepartmentSumsById = Record<string, DepartmentSums>;

const field = (payload: object, name: string): unknown => (payload as Record<string, unknown>)[name];
const isScore = (value: unknown): value is number =>
  typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;

function sumsOf(byId: DepartmentSumsById, id: string): DepartmentSums {
  if (Object.hasOwn(byId, id)) return byId[id] as DepartmentSums;
  const entry = {
    whistles: 0,
    responded: 0,
    responseMs: 0,
    rated: 0,
    response: 0,
    completion: 0,
    satisfaction: 0,
  };
  byId[id] = entry;
  return entry;
}

/**
 * Adds one case's whistles, answers and ratings, read from its events in order, into `into` (changing
 * it) and returns it. A 'rateWhistle' rates the department named in its payload (`departmentId`) or
 * else the one last whistled in that case; a rating with a score outside 1–5 is ignored. A whistle with
 * no 'respondWhistle' after it counts as not answered.
 */
export function addCaseDepartmentSums(
  into: DepartmentSumsById,
  events: IndicatorCase['events'],
  calendar: WorkingCalendar,
): DepartmentSumsById {
  let last: string | null = null;
  let pending: { id: string; at: number } | null = null;
  for (const event of events) {
    const type: string = event.action.type;
    const payload: unknown = event.action.payload;
    const named =
      typeof payload === 'object' && payload !== null ? field(payload, 'departmentId') : undefined;
    if (type === 'whistle' && typeof named === 'string') {
      last = named;
      pending = { id: named, at: event.at };
      sumsOf(into, named).whistles += 1;
    } else if (type === 'respondWhistle' && pending !== null) {
      const entry = sumsOf(into, pending.id);
      entry.responded += 1;
      entry.responseMs += workingMsBetween(calendar, pending.at, event.at);
      pending = null;
    } else if (type === 'rateWhistle' && typeof payload === 'object' && payload !== null) {
      const id = typeof named === 'string' ? named : last;
      const [r, c, s] = ['response', 'completion', 'satisfaction'].map((name) => field(payload, name));
      if (id === null || !isScore(r) || !isScore(c) || !isScore(s)) continue;
      const entry = sumsOf(into, id);
      entry.rated += 1;
      entry.response += r;
      entry.completion += c;
      entry.satisfaction += s;
    }
  }
  return into;
}

/** Adds the sums `from` into `into` (changing it) and returns it. */
export function addDepartmentSums(
  into: DepartmentSumsById,
  from: Readonly<DepartmentSumsById>,
): DepartmentSumsById {
  for (const [id, s] of Object.entries(from)) {
    const entry = sumsOf(into, id);
    entry.whistles += s.whistles;
    entry.responded += s.responded;
    entry.responseMs += s.responseMs;
    entry.rated += s.rated;
    entry.response += s.response;
    entry.completion += s.completion;
    entry.satisfaction += s.satisfaction;
  }
  return into;
}

/** One scorecard per department of the sums, sorted by department id. */
export function scorecardsOfSums(byId: Readonly<DepartmentSumsById>): DepartmentScorecard[] {
  return Object.entries(byId)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([departmentId, s]) => ({
      departmentId,
      whistles: s.whistles,
      responded: s.responded,
      averageResponseMs: ratio(s.responseMs, s.responded),
      response: ratio(s.response, s.rated),
      completion: ratio(s.completion, s.rated),
      satisfaction: ratio(s.satisfaction, s.rated),
    }));
}

/**
 * One scorecard per department whistled in, sorted by department id: the sums of every case
 * ({@link addCaseDepartmentSums}, which says how whistles, answers and ratings count).
 */
export function departmentScorecards(
  cases: readonly IndicatorCase[],
  calendar: WorkingCalendar,
): DepartmentScorecard[] {
  const sums: DepartmentSumsById = {};
  for (const item of cases) addCaseDepartmentSums(sums, item.events, calendar);
  return scorecardsOfSums(sums);
}
