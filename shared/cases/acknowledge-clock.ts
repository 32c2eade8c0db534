/**
 * The 签收 clock: how long a dispatched case has waited for its officers to acknowledge it, against the
 * acknowledgement limit. The handling clock starts only at 签收 (the 12345 rule, see time-limits.ts),
 * so without this a dispatched case nobody has taken shows no clock at all. Shown in the queue and the
 * case detail; it is not one of the four stage clocks, so it adds nothing to overdue counts.
 */
import { clockOf } from '../calendar/clock';
import type { WorkingCalendar } from '../calendar/config';
import type { Urgency } from '../model/case';
import type { LoopEvent } from './loop-types';
import type { ClockStatus, TimeLimitPolicy } from './time-limits';

const HOUR_MS = 3_600_000;

/**
 * The acknowledgement limit of a normal case, in hours: one working hour, scaled by the policy's urgency
 * factor (紧急 30 minutes, 特急 15 minutes by default, counted around the clock).
 */
export const DEFAULT_ACKNOWLEDGE_LIMIT_HOURS = 1;

export interface AcknowledgeClock {
  /** Epoch ms of the dispatch (or of the 退回 back to 派遣) the case waits on. */
  readonly dispatchedAt: number;
  /** Counted ms since then (working or natural time, as the case's urgency counts), suspended time excluded. */
  readonly usedMs: number;
  /** The allowed counted ms. */
  readonly limitMs: number;
  /** Epoch ms at which the limit is used up (later by any suspension). */
  readonly dueAt: number;
  /** 临期 from `policy.nearThreshold` of the limit used; 超期 once `now` is after `dueAt`. */
  readonly status: ClockStatus;
}

export interface AcknowledgeClockInput {
  readonly urgency: Urgency;
  /** The case's events in order. */
  readonly events: readonly LoopEvent[];
}

/**
 * The 签收 clock of a case at `now` (epoch ms): running from its last 派遣 (or 退回 to 派遣) until the
 * officers 签收; null when the case is not waiting for an acknowledgement (not dispatched yet, already
 * acknowledged, moved on, or ended). A 挂起 stops it until 恢复, and while suspended used time is as of
 * the suspension's start. Boundaries as the stage clocks: exactly `nearThreshold` used is near, at
 * `dueAt` it is near and 1 ms later overdue.
 */
export function acknowledgeClock(
  input: AcknowledgeClockInput,
  calendar: WorkingCalendar,
  policy: TimeLimitPolicy,
  now: number,
  limitHours = DEFAULT_ACKNOWLEDGE_LIMIT_HOURS,
): AcknowledgeClock | null {
  let dispatchedAt: number | null = null;
  let suspensions: { from: number; to: number | null }[] = [];
  for (const event of input.events) {
    const type: string = event.action.type;
    if (event.to !== 'dispatched' || type === 'acknowledge') {
      dispatchedAt = null;
      continue;
    }
    if (type === 'dispatch' || (type === 'returnToPrevious' && event.from !== 'dispatched')) {
      dispatchedAt = event.at;
      suspensions = [];
    } else if (dispatchedAt !== null && type === 'suspend') suspensions.push({ from: event.at, to: null });
    else if (dispatchedAt !== null && type === 'resume') {
      const open = suspensions.at(-1);
      if (open !== undefined && open.to === null) open.to = event.at;
    }
  }
  if (dispatchedAt === null) return null;
  const clock = clockOf(calendar, policy.naturalTime[input.urgency] ? 'natural' : 'working');
  const limitMs = Math.round(limitHours * HOUR_MS * policy.factors[input.urgency]);
  const open = suspensions.find((span) => span.to === null);
  const reference = Math.max(dispatchedAt, open?.from ?? now);
  // Counted time from the dispatch to `at`, less the suspended stretches.
  const usedUntil = (at: number): number => {
    let used = clock.between(dispatchedAt as number, at);
    for (const span of suspensions) used -= clock.between(span.from, Math.min(span.to ?? at, at));
    return Math.max(0, used);
  };
  const usedMs = usedUntil(reference);
  // Due: walk forward from the dispatch, skipping suspended stretches (an open one as if resumed now).
  let remaining = limitMs;
  let t = dispatchedAt;
  for (const span of suspensions) {
    const segment = clock.between(t, span.from);
    if (segment >= remaining) break;
    remaining -= segment;
    t = Math.max(t, span.to ?? Math.max(now, span.from));
  }
  const dueAt = clock.add(t, remaining);
  const status: ClockStatus =
    reference > dueAt ? 'overdue' : usedMs >= policy.nearThreshold * limitMs ? 'near' : 'ok';
  return { dispatchedAt, usedMs, limitMs, dueAt, status };
}
