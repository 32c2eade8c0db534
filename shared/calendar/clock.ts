import type { WorkingCalendar } from './config';
import { addWorkingMs, isWorkingTime, workingMsBetween } from './working-time';

/**
 * What a time limit counts: working time of the calendar (一般件) or natural time around the clock
 * (急要件). Both share one interface so time-limit code never asks which it has.
 */
export interface Clock {
  readonly kind: 'working' | 'natural';
  /** Counted milliseconds in [from, to); 0 when to ≤ from. Additive over adjacent intervals. */
  between(from: number, to: number): number;
  /** The earliest instant ≥ from at which `ms` counted milliseconds have passed (`ms` ≥ 0). */
  add(from: number, ms: number): number;
  /** Whether the clock runs at instant `t`. */
  counts(t: number): boolean;
}

/** A clock counting the calendar's working time. */
export function workingClock(cal: WorkingCalendar): Clock {
  return {
    kind: 'working',
    between: (from, to) => workingMsBetween(cal, from, to),
    add: (from, ms) => addWorkingMs(cal, from, ms),
    counts: (t) => isWorkingTime(cal, t),
  };
}

/** A clock counting every millisecond, day and night, weekends and holidays (急要件). */
export const NATURAL_CLOCK: Clock = {
  kind: 'natural',
  between: (from, to) => Math.max(0, to - from),
  add: (from, ms) => {
    if (!Number.isFinite(ms) || ms < 0) throw new RangeError('ms must be a finite number ≥ 0');
    return from + ms;
  },
  counts: () => true,
};

/** The clock of a kind over a calendar: `natural` ignores the calendar. */
export function clockOf(cal: WorkingCalendar, kind: Clock['kind']): Clock {
  return kind === 'natural' ? NATURAL_CLOCK : workingClock(cal);
}
