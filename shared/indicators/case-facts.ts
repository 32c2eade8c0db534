/**
 * What one case contributes to the indicators, read once from its event log and clocks. Indicators of
 * any grouping are sums of these facts, so a case is replayed once however it is grouped.
 */
import { workingMsBetween } from '../calendar/working-time';
import type { WorkingCalendar } from '../calendar/config';
import { caseClocks, type CaseClocks, type ClockPeriod } from '../cases/time-limits';
import type { IndicatorCase, IndicatorOptions } from './types';

export interface CaseFacts {
  readonly registered: boolean;
  readonly rejected: boolean;
  readonly voided: boolean;
  readonly merged: boolean;
  readonly returnedToReported: boolean;
  readonly closed: boolean;
  readonly verified: boolean;
  readonly reworked: boolean;
  readonly extended: boolean;
  /** Null when the case has no clocks (unknown matter). */
  readonly clocks: CaseClocks | null;
  /** Whether every register period ended by 'register' was on time; null if none or no clocks. */
  readonly registeredOnTime: boolean | null;
  /** Whether every handle period ended by 'submitFeedback' was on time; null if none or no clocks. */
  readonly handledOnTime: boolean | null;
  /** Whether every finished clock period was on time; null without clocks. */
  readonly allOnTime: boolean | null;
  /** Working ms of the first registration; null if not registered or no clocks. */
  readonly responseMs: number | null;
  /** Working ms of all handling rounds fed back; null if none or no clocks. */
  readonly handlingMs: number | null;
  /** County departments whistled in, in order, without repeats. */
  readonly departments: readonly string[];
}

const CLOSED_STAGES: readonly string[] = ['closed', 'evaluated'];

/** Working ms of a finished period, suspended stretches left out. */
function periodWorkingMs(cal: WorkingCalendar, period: ClockPeriod): number {
  const end = period.endedAt ?? period.startedAt;
  let ms = workingMsBetween(cal, period.startedAt, end);
  for (const span of period.suspensions)
    ms -= workingMsBetween(cal, span.from, Math.min(span.to ?? end, end));
  return ms;
}

function departmentOf(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null || !('departmentId' in payload)) return null;
  return typeof payload.departmentId === 'string' ? payload.departmentId : null;
}

/**
 * Reads the facts of one case; computes its clocks unless given.
 *
 * The facts do not depend on `options.now`, only on the case, its events, the calendar, the policy and
 * the matter's limits: every fact read from the clocks comes from FINISHED periods (a register period
 * ended by 'register', a handle period ended by 'submitFeedback', and `allOnTime` skips running
 * periods), and a finished period's `onTime`, `dueAt` and working time are fixed by its start, end,
 * suspensions and limit (time-limits.ts: ending a period closes its open suspension, and only a running
 * period's `dueAt` or status reads `now`). That is what lets a case's contribution be computed when it
 * is written and kept (tally.ts) while the period reports that sum it are read days later.
 */
export function caseFacts(item: IndicatorCase, options: IndicatorOptions): CaseFacts {
  let registered = false;
  let rejected = false;
  let voided = item.case.stage === 'voided';
  let merged = item.case.stage === 'merged';
  let returnedToReported = false;
  let closed = CLOSED_STAGES.includes(item.case.stage);
  let verified = false;
  let reworked = false;
  let extended = false;
  const departments: string[] = [];
  for (const event of item.events) {
    const type: string = event.action.type;
    if (CLOSED_STAGES.includes(event.to)) closed = true;
    switch (type) {
      case 'register':
        registered = true;
        break;
      case 'reject':
        rejected = true;
        break;
      case 'void':
        voided = true;
        break;
      case 'merge':
        merged = true;
        break;
      case 'returnToPrevious':
        if (event.to === 'reported') returnedToReported = true;
        break;
      case 'verifyPass':
        verified = true;
        break;
      case 'verifyFail':
        verified = true;
        reworked = true;
        break;
      case 'extend':
        extended = true;
        break;
      case 'whistle': {
        const department = departmentOf(event.action.payload);
        if (department !== null && !departments.includes(department)) departments.push(department);
        break;
      }
      default:
        break;
    }
  }
  const clocks = item.clocks ?? computeClocks(item, options);
  const periods = clocks?.periods ?? [];
  const registers = periods.filter((p) => p.clock === 'register' && p.endedBy === 'register');
  const handles = periods.filter((p) => p.clock === 'handle' && p.endedBy === 'submitFeedback');
  const allTrue = (list: readonly ClockPeriod[]): boolean | null =>
    clocks === null || list.length === 0 ? null : list.every((p) => p.onTime === true);
  const first = registers[0];
  return {
    registered,
    rejected,
    voided,
    merged,
    returnedToReported,
    closed,
    verified,
    reworked,
    extended,
    clocks,
    registeredOnTime: allTrue(registers),
    handledOnTime: allTrue(handles),
    allOnTime: clocks === null ? null : periods.every((p) => p.endedAt === null || p.onTime === true),
    responseMs: first === undefined ? null : periodWorkingMs(options.calendar, first),
    handlingMs:
      handles.length === 0 ? null : handles.reduce((sum, p) => sum + periodWorkingMs(options.calendar, p), 0),
    departments,
  };
}

/** A case's clocks at `options.now`, or null when its matter is unknown. */
export function computeClocks(item: IndicatorCase, options: IndicatorOptions): CaseClocks | null {
  const matter = options.matters.get(item.case.matterCode);
  if (matter === undefined) return null;
  const input = { reportedAt: item.case.reportedAt, urgency: item.case.urgency, matter, events: item.events };
  return caseClocks(input, options.calendar, options.policy, options.now);
}
