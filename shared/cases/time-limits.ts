/**
 * Stage time limits (时限) of a case, computed from its event log: which clock periods it has had, how
 * much counted time each used, when each is due and whether it is (or was) on time. Overdue and
 * near-overdue are computed from the log and `now` on every call, never stored. Pure and fast: a case
 * costs a handful of O(log n) calendar look-ups, so a queue of thousands of cases refreshes in
 * milliseconds.
 */
import { z } from 'zod';
import { clockOf, type Clock } from '../calendar/clock';
import type { WorkingCalendar } from '../calendar/config';
import type { Urgency } from '../model/case';
import type { Matter } from '../model/matter';
import type { LoopEvent } from './loop-types';

const HOUR_MS = 3_600_000;

/**
 * The four stage clocks: 立案 (上报 → 立案), 派遣 (立案 → 派遣), 处置 (签收 → 反馈), 核查 (反馈 → 核查), named
 * as in {@link Matter.limits}.
 */
export const CLOCK_NAMES = ['register', 'dispatch', 'handle', 'verify'] as const;
export type ClockName = (typeof CLOCK_NAMES)[number];

/** How a centre applies the matters' stage limits. */
export interface TimeLimitPolicy {
  /** Multiplier of the matter's limit per urgency (一般 1, 紧急 0.5, 特急 0.25 by default). */
  readonly factors: Readonly<Record<Urgency, number>>;
  /**
   * Per urgency, whether its clocks count natural time around the clock (急要件) instead of the working
   * calendar. Default: normal cases count working time, urgent and critical natural time.
   */
  readonly naturalTime: Readonly<Record<Urgency, boolean>>;
  /** Share of the allowed time after which a running clock is near overdue (临期), in (0, 1]. */
  readonly nearThreshold: number;
}

export const DEFAULT_TIME_LIMIT_POLICY: TimeLimitPolicy = {
  factors: { normal: 1, urgent: 0.5, critical: 0.25 },
  naturalTime: { normal: false, urgent: true, critical: true },
  nearThreshold: 0.8,
};

const perUrgency = <T extends z.ZodType>(value: T) =>
  z.strictObject({ normal: value, urgent: value, critical: value } satisfies Record<Urgency, T>);

/** Zod schema of a stored policy (settings, IPC): positive finite factors, a threshold in (0, 1]. */
export const timeLimitPolicySchema = z.strictObject({
  factors: perUrgency(z.number().positive().finite()),
  naturalTime: perUrgency(z.boolean()),
  nearThreshold: z.number().positive().max(1),
});

/** A stretch during which a clock period was suspended (挂起); `to` null while it still is. */
export interface SuspensionSpan {
  readonly from: number;
  readonly to: number | null;
}

/**
 * 正常 ok, 临期 near (used time ≥ `nearThreshold` × the allowed time: exactly 80 % used is near), 超期
 * overdue (the reference instant is after `dueAt`: at the due instant itself a clock is still near).
 */
export type ClockStatus = 'ok' | 'near' | 'overdue';

/** One period during which a stage clock ran. All times epoch ms, all durations counted ms. */
export interface ClockPeriod {
  readonly clock: ClockName;
  /** Whether this clock counts the working calendar or natural time. */
  readonly counting: Clock['kind'];
  readonly startedAt: number;
  /** Null while the period runs. */
  readonly endedAt: number | null;
  /** The action type that ended the period ('register', 'whistle', 'void'…); null while running. */
  readonly endedBy: string | null;
  /** The matter's limit for this clock scaled by the urgency factor. */
  readonly limitMs: number;
  /** Handle time used in earlier rounds before a 返工 (核查不通过); 0 for other periods. */
  readonly carriedMs: number;
  /** Counted time used, carried time included, suspended time excluded (as of a running suspension's start). */
  readonly usedMs: number;
  readonly suspensions: readonly SuspensionSpan[];
  /** The 延期 deadline that replaced the limit, or null. */
  readonly deadline: number | null;
  /**
   * When the period is (or was) due: the deadline if extended, else the earliest instant at which the
   * whole limit is used, pushed later by suspensions (while suspended, as if resumed at `now`). A limit
   * that runs out at noon, at the end of a working day or just as a suspension starts is due at that
   * instant, not when counting resumes.
   */
  readonly dueAt: number;
  /** For a finished period, ok or overdue by whether it ended by `dueAt` (ending at `dueAt` is on time). */
  readonly status: ClockStatus;
  /** Whether a finished period ended by `dueAt`; null while running. */
  readonly onTime: boolean | null;
}

export interface CaseClocks {
  /** Every period, in the order they started. */
  readonly periods: readonly ClockPeriod[];
  /** The running period, or null (between stages, finished or terminal). */
  readonly current: ClockPeriod | null;
}

export interface CaseClockInput {
  /** Epoch ms of the report (上报): the register clock starts here. */
  readonly reportedAt: number;
  readonly urgency: Urgency;
  readonly matter: Matter;
  /** The case's events in order. Unknown action types are ignored. */
  readonly events: readonly LoopEvent[];
}

interface Draft {
  readonly clock: ClockName;
  readonly startedAt: number;
  endedAt: number | null;
  endedBy: string | null;
  readonly carriedMs: number;
  readonly suspensions: { from: number; to: number | null }[];
  deadline: number | null;
}

const TERMINAL_ACTIONS: readonly string[] = ['void', 'reject', 'merge'];
const TERMINAL_STAGES: readonly string[] = ['voided', 'rejected', 'merged'];

function deadlineOf(event: LoopEvent): number | null {
  const payload: unknown = event.action.payload;
  if (typeof payload !== 'object' || payload === null || !('deadline' in payload)) return null;
  const deadline = payload.deadline;
  return typeof deadline === 'number' && Number.isFinite(deadline) ? deadline : null;
}

/** Replays the event log into clock periods, before any time is measured. */
function draftPeriods(input: CaseClockInput, measure: (draft: Draft, at: number) => number): Draft[] {
  const drafts: Draft[] = [];
  let running: Draft | null = null;
  let deadline: number | null = null;
  let handleCarry = 0;
  const end = (at: number, by: string): void => {
    if (running === null) return;
    running.endedAt = at;
    running.endedBy = by;
    const open = running.suspensions.at(-1);
    if (open !== undefined && open.to === null) open.to = at;
    running = null;
  };
  const start = (clock: ClockName, at: number, carriedMs = 0): void => {
    const draft: Draft = {
      clock,
      startedAt: at,
      endedAt: null,
      endedBy: null,
      carriedMs,
      suspensions: [],
      deadline: clock === 'handle' ? deadline : null,
    };
    drafts.push(draft);
    running = draft;
  };
  start('register', input.reportedAt);
  for (const event of input.events) {
    const type: string = event.action.type;
    const at = event.at;
    const current = running as Draft | null;
    if (TERMINAL_ACTIONS.includes(type) || TERMINAL_STAGES.includes(event.to)) {
      end(at, type);
      break;
    }
    switch (type) {
      case 'register':
        end(at, type);
        start('dispatch', at);
        break;
      case 'dispatch':
      case 'whistle':
        if (current?.clock === 'dispatch') end(at, type);
        break;
      case 'acknowledge':
        end(at, type);
        start('handle', at);
        break;
      case 'submitFeedback':
        handleCarry = current?.clock === 'handle' ? measure(current, at) : 0;
        end(at, type);
        start('verify', at);
        break;
      case 'verifyPass':
        end(at, type);
        break;
      case 'verifyFail':
        end(at, type);
        start('handle', at, handleCarry);
        break;
      case 'returnToPrevious':
        end(at, type);
        handleCarry = 0;
        if (event.to === 'reported') start('register', at);
        else if (event.to === 'registered') start('dispatch', at);
        break;
      case 'suspend':
        // A suspend while already suspended is no new stretch (the loop refuses it; a log that has one
        // anyway keeps the first): a period never holds two open stretches, so `end` closes every
        // stretch of the period it ends, and a finished period's `dueAt` never depends on `now`.
        if (current !== null && current.suspensions.at(-1)?.to !== null)
          current.suspensions.push({ from: at, to: null });
        break;
      case 'resume': {
        const open = current?.suspensions.at(-1);
        if (open !== undefined && open.to === null) open.to = at;
        break;
      }
      case 'extend': {
        const next = deadlineOf(event);
        if (next === null) break;
        deadline = next;
        if (current?.clock === 'handle') current.deadline = next;
        break;
      }
      default:
        break;
    }
  }
  return drafts;
}

/** Counted time of a period from its start to `until`, carried time included, suspensions excluded. */
function usedUntil(clock: Clock, draft: Draft, until: number): number {
  let used = draft.carriedMs + clock.between(draft.startedAt, until);
  for (const span of draft.suspensions) {
    if (span.from >= until) break;
    used -= clock.between(span.from, Math.min(span.to ?? until, until));
  }
  return used;
}

/** The instant the limit runs out, walking over suspensions (an open one taken as ending at `now`). */
function dueOf(clock: Clock, draft: Draft, limitMs: number, now: number): number {
  let remaining = limitMs - draft.carriedMs;
  if (remaining <= 0) return draft.startedAt;
  let t = draft.startedAt;
  for (const span of draft.suspensions) {
    const segment = clock.between(t, span.from);
    if (segment >= remaining) return clock.add(t, remaining);
    remaining -= segment;
    t = Math.max(t, span.to ?? Math.max(now, span.from));
  }
  return clock.add(t, remaining);
}

/** A matter's limit for one clock at an urgency, in counted milliseconds. */
export function clockLimitMs(
  matter: Matter,
  clock: ClockName,
  urgency: Urgency,
  policy: TimeLimitPolicy,
): number {
  return Math.round(matter.limits[clock] * HOUR_MS * policy.factors[urgency]);
}

/**
 * Every clock period a case has had and the running one, as of `now` (epoch ms).
 *
 * - register: from the report to 'register' or 'reject'; dispatch: from 'register' to 'dispatch' or to a
 *   'whistle' (a county department takes it over); handle: from 'acknowledge' (签收, the 12345 rule, not
 *   dispatch) to 'submitFeedback'; verify: from 'submitFeedback' to 'verifyPass' or 'verifyFail'.
 * - After 'verifyFail' (返工) a new handle period starts carrying the time already used, with the same
 *   limit: handling time adds up over rounds, verification time does not count. A round that carries the
 *   whole limit or more is due at its start.
 * - 'returnToPrevious' (退回) ends the running period; back in 'reported' a new register period starts,
 *   back in 'registered' a new dispatch period; back in 'dispatched' the handle clock waits for a new 签收.
 * - Suspended time ('suspend' → 'resume') does not count and pushes `dueAt` later. While suspended, used
 *   time and status are as of the suspension's start.
 * - 'extend' (延期) sets a deadline that replaces the limit of the running handle period and of any later
 *   handle period (as the loop state keeps it).
 * - 'void', 'reject' and 'merge' end the running period and everything after them is ignored.
 * - Urgency scales the limits and picks working or natural time, per `policy`.
 * - Boundaries, the same for working and natural time: a running period is near (临期) from the instant
 *   its used time reaches `policy.nearThreshold` × its allowed time (the limit, or with a 延期 the time up
 *   to the deadline), so exactly 80 % used is near. It is overdue only once its reference instant (now,
 *   or its suspension's start while suspended) is after `dueAt`: at `dueAt` itself it is near, 1 ms later
 *   overdue. A finished period is on time when it ended at or before `dueAt`. Because `dueAt` is the
 *   earliest instant the limit is used up, a limit that runs out at 12:00 is overdue over the lunch break
 *   although no working time passes, and one that runs out as a suspension starts stays near while
 *   suspended and is overdue once resumed.
 */
export function caseClocks(
  input: CaseClockInput,
  calendar: WorkingCalendar,
  policy: TimeLimitPolicy,
  now: number,
): CaseClocks {
  const clock = clockOf(calendar, policy.naturalTime[input.urgency] ? 'natural' : 'working');
  const drafts = draftPeriods(input, (draft, at) => usedUntil(clock, draft, at));
  const periods = drafts.map((draft): ClockPeriod => {
    const limitMs = clockLimitMs(input.matter, draft.clock, input.urgency, policy);
    const open = draft.endedAt === null ? draft.suspensions.find((span) => span.to === null) : undefined;
    const reference = Math.max(draft.startedAt, open?.from ?? draft.endedAt ?? now);
    const usedMs = usedUntil(clock, draft, reference);
    const dueAt = draft.deadline ?? dueOf(clock, draft, limitMs, now);
    let status: ClockStatus;
    let onTime: boolean | null = null;
    if (draft.endedAt !== null) {
      onTime = draft.endedAt <= dueAt;
      status = onTime ? 'ok' : 'overdue';
    } else {
      const allowed = draft.deadline === null ? limitMs : usedMs + clock.between(reference, draft.deadline);
      status = reference > dueAt ? 'overdue' : usedMs >= policy.nearThreshold * allowed ? 'near' : 'ok';
    }
    // Built as one literal (no spreads): thousands of these are made on every queue refresh.
    return {
      clock: draft.clock,
      counting: clock.kind,
      startedAt: draft.startedAt,
      endedAt: draft.endedAt,
      endedBy: draft.endedBy,
      limitMs,
      carriedMs: draft.carriedMs,
      usedMs,
      suspensions: draft.suspensions.map((span) => ({ from: span.from, to: span.to })),
      deadline: draft.deadline,
      dueAt,
      status,
      onTime,
    };
  });
  const last = periods.at(-1);
  return { periods, current: last !== undefined && last.endedAt === null ? last : null };
}
