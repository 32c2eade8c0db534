import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { WorkingCalendar } from './config';
import { DEFAULT_CALENDAR } from './holidays';
import { addWorkingMs, isWorkingTime, workingMsBetween } from './working-time';

const MINUTE = 60_000;
const DAY = 86_400_000;
const START = Date.UTC(2024, 11, 1);
const END = Date.UTC(2027, 1, 1);
const pad = (n: number): string => String(n).padStart(2, '0');
const hhmm = (minutes: number): string => `${pad(Math.floor(minutes / 60))}:${pad(minutes % 60)}`;
const dateOf = (day: number): string => new Date(day * DAY).toISOString().slice(0, 10);

const instant = fc.integer({ min: START, max: END });
const workingMs = fc.integer({ min: 0, max: 60 * 8 * 3_600_000 });

/** Random calendars: 1–3 ordered periods on whole minutes, random holidays and make-up days. */
const calendar: fc.Arbitrary<WorkingCalendar> = fc
  .tuple(
    fc.uniqueArray(fc.integer({ min: 0, max: 1440 }), { minLength: 2, maxLength: 6 }),
    fc.uniqueArray(fc.integer({ min: START / DAY, max: END / DAY }), { maxLength: 60 }),
    fc.uniqueArray(fc.integer({ min: START / DAY, max: END / DAY }), { maxLength: 20 }),
  )
  .map(([bounds, holidays, workdays]) => {
    const sorted = [...bounds].sort((a, b) => a - b);
    const periods = [];
    for (let i = 0; i + 1 < sorted.length; i += 2) {
      periods.push({ start: hhmm(sorted[i]!), end: hhmm(sorted[i + 1]!) });
    }
    const off = new Set(holidays);
    return {
      periods,
      holidays: holidays.map(dateOf),
      workdays: workdays.filter((d) => !off.has(d)).map(dateOf),
    };
  });
const anyCalendar = fc.oneof(fc.constant(DEFAULT_CALENDAR), calendar);

describe('working time properties', () => {
  it('is additive: (a, c) = (a, b) + (b, c)', () => {
    fc.assert(
      fc.property(anyCalendar, instant, instant, instant, (cal, x, y, z) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        expect(workingMsBetween(cal, a, c)).toBe(workingMsBetween(cal, a, b) + workingMsBetween(cal, b, c));
      }),
    );
  });

  it('adding working time is the inverse of measuring it, and the earliest such instant', () => {
    fc.assert(
      fc.property(anyCalendar, instant, workingMs, (cal, from, ms) => {
        const at = addWorkingMs(cal, from, ms);
        expect(at).toBeGreaterThanOrEqual(from);
        expect(workingMsBetween(cal, from, at)).toBe(ms);
        if (ms > 0) expect(workingMsBetween(cal, from, at - 1)).toBe(ms - 1);
      }),
    );
  });

  it('measuring then adding never passes the end', () => {
    fc.assert(
      fc.property(anyCalendar, instant, instant, (cal, x, y) => {
        const [a, b] = x <= y ? [x, y] : [y, x];
        expect(addWorkingMs(cal, a, workingMsBetween(cal, a, b))).toBeLessThanOrEqual(b);
      }),
    );
  });

  it('is monotonic and never exceeds elapsed time', () => {
    fc.assert(
      fc.property(anyCalendar, instant, instant, instant, workingMs, workingMs, (cal, x, y, z, m, n) => {
        const [a, b, c] = [x, y, z].sort((p, q) => p - q) as [number, number, number];
        expect(workingMsBetween(cal, a, b)).toBeLessThanOrEqual(workingMsBetween(cal, a, c));
        expect(workingMsBetween(cal, a, c)).toBeLessThanOrEqual(c - a);
        const [small, large] = m <= n ? [m, n] : [n, m];
        expect(addWorkingMs(cal, a, small)).toBeLessThanOrEqual(addWorkingMs(cal, a, large));
      }),
    );
  });

  it('agrees with a minute-by-minute count read off the calendar lists', () => {
    const reference = (cal: WorkingCalendar, from: number, to: number): number => {
      const holidays = new Set(cal.holidays);
      const workdays = new Set(cal.workdays);
      let total = 0;
      for (let t = from; t < to; t += MINUTE) {
        const local = new Date(t + 8 * 3_600_000);
        const date = local.toISOString().slice(0, 10);
        const weekend = local.getUTCDay() === 0 || local.getUTCDay() === 6;
        const workingDay = workdays.has(date) || (!weekend && !holidays.has(date));
        const minute = hhmm(local.getUTCHours() * 60 + local.getUTCMinutes());
        const inPeriod = cal.periods.some((p) => minute >= p.start && minute < p.end);
        if (workingDay && inPeriod) total += MINUTE;
        expect(isWorkingTime(cal, t)).toBe(workingDay && inPeriod);
      }
      return total;
    };
    fc.assert(
      fc.property(
        anyCalendar,
        fc.integer({ min: START / MINUTE, max: END / MINUTE }),
        fc.integer({ min: 0, max: 6 * 24 * 60 }),
        (cal, fromMinute, minutes) => {
          const from = fromMinute * MINUTE;
          const to = from + minutes * MINUTE;
          expect(workingMsBetween(cal, from, to)).toBe(reference(cal, from, to));
        },
      ),
      { numRuns: 40 },
    );
  });
});
