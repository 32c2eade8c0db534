import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from './holidays';
import { addWorkingMs, isWorkingDate, isWorkingTime, workingMsBetween } from './working-time';
import { NATURAL_CLOCK, workingClock } from './clock';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Beijing wall time as epoch ms. */
const bj = (month: number, day: number, hour: number, minute = 0, year = 2026): number =>
  Date.UTC(year, month - 1, day, hour - 8, minute);
const cal = DEFAULT_CALENDAR;

describe('workingMsBetween over the default calendar (08:30–12:00, 13:30–17:30)', () => {
  it('counts 7.5 hours in a whole Monday', () => {
    // 2026-03-02 is a Monday.
    expect(workingMsBetween(cal, bj(3, 2, 0), bj(3, 3, 0))).toBe(7.5 * HOUR);
    expect(workingMsBetween(cal, bj(3, 2, 8), bj(3, 2, 18))).toBe(7.5 * HOUR);
  });

  it('leaves out the lunch break', () => {
    // 11:00–12:00 and 13:30–14:00.
    expect(workingMsBetween(cal, bj(3, 2, 11), bj(3, 2, 14))).toBe(1.5 * HOUR);
    expect(workingMsBetween(cal, bj(3, 2, 12, 10), bj(3, 2, 13, 20))).toBe(0);
  });

  it('skips a weekend', () => {
    // Fri 2026-03-06 16:30–17:30, Mon 03-09 08:30–09:30.
    expect(workingMsBetween(cal, bj(3, 6, 16, 30), bj(3, 9, 9, 30))).toBe(2 * HOUR);
    expect(workingMsBetween(cal, bj(3, 7, 9), bj(3, 8, 17))).toBe(0);
  });

  it('skips the Qingming holiday that takes the Monday', () => {
    // 清明 2026-04-04 (Sat) to 04-06 (Mon): Fri 17:00–17:30 and Tue 08:30–09:00.
    expect(workingMsBetween(cal, bj(4, 3, 17), bj(4, 7, 9))).toBe(1 * HOUR);
  });

  it('counts a make-up Saturday and skips the Spring Festival week', () => {
    // 2026-02-14 (Sat) is worked; 02-15 … 02-23 off; Tue 02-24 worked.
    expect(workingMsBetween(cal, bj(2, 13, 17), bj(2, 14, 9))).toBe(1 * HOUR);
    expect(workingMsBetween(cal, bj(2, 14, 17), bj(2, 24, 8, 30))).toBe(0.5 * HOUR);
  });

  it('is 0 for an empty or reversed interval', () => {
    expect(workingMsBetween(cal, bj(3, 2, 10), bj(3, 2, 10))).toBe(0);
    expect(workingMsBetween(cal, bj(3, 2, 11), bj(3, 2, 10))).toBe(0);
  });

  it('refuses non-finite times', () => {
    expect(() => workingMsBetween(cal, Number.NaN, 0)).toThrow(RangeError);
  });
});

describe('addWorkingMs', () => {
  it('continues after lunch', () => {
    expect(addWorkingMs(cal, bj(3, 2, 11), 2 * HOUR)).toBe(bj(3, 2, 14, 30));
    expect(addWorkingMs(cal, bj(3, 2, 12, 30), 1 * HOUR)).toBe(bj(3, 2, 14, 30));
  });

  it('ends at the end of a period rather than the start of the next', () => {
    expect(addWorkingMs(cal, bj(3, 2, 11), 1 * HOUR)).toBe(bj(3, 2, 12));
  });

  it('carries over a weekend', () => {
    expect(addWorkingMs(cal, bj(3, 6, 17), 1 * HOUR)).toBe(bj(3, 9, 9));
  });

  it('spans a whole working week', () => {
    // Mon 08:30 + 5 × 7.5 h ends Fri 17:30; one more millisecond is next Monday 08:30.
    expect(addWorkingMs(cal, bj(3, 2, 8, 30), 37.5 * HOUR)).toBe(bj(3, 6, 17, 30));
    expect(addWorkingMs(cal, bj(3, 2, 8, 30), 37.5 * HOUR + 1)).toBe(bj(3, 9, 8, 30) + 1);
  });

  it('works the make-up Saturday and jumps the Spring Festival', () => {
    // Fri 02-13 17:00: 0.5 h Friday, 7.5 h on Sat 02-14, then Tue 02-24.
    expect(addWorkingMs(cal, bj(2, 13, 17), 8 * HOUR)).toBe(bj(2, 14, 17, 30));
    expect(addWorkingMs(cal, bj(2, 13, 17), 8.5 * HOUR)).toBe(bj(2, 24, 9));
  });

  it('returns the start for zero and refuses negative time', () => {
    expect(addWorkingMs(cal, bj(3, 7, 3), 0)).toBe(bj(3, 7, 3));
    expect(() => addWorkingMs(cal, bj(3, 2, 9), -1)).toThrow(RangeError);
  });

  it('reaches a deadline a month away', () => {
    // 20 working days from Mon 2026-03-02 08:30: four full weeks end Fri 03-27 17:30.
    expect(addWorkingMs(cal, bj(3, 2, 8, 30), 20 * 7.5 * HOUR)).toBe(bj(3, 27, 17, 30));
  });
});

describe('isWorkingTime', () => {
  it('follows periods, weekends, holidays and make-up days', () => {
    expect(isWorkingTime(cal, bj(3, 2, 8, 30))).toBe(true);
    expect(isWorkingTime(cal, bj(3, 2, 11, 59))).toBe(true);
    expect(isWorkingTime(cal, bj(3, 2, 12))).toBe(false);
    expect(isWorkingTime(cal, bj(3, 2, 8, 29))).toBe(false);
    expect(isWorkingTime(cal, bj(3, 7, 10))).toBe(false); // Saturday
    expect(isWorkingTime(cal, bj(2, 14, 10))).toBe(true); // make-up Saturday
    expect(isWorkingTime(cal, bj(10, 5, 10))).toBe(false); // 国庆, a Monday
    expect(isWorkingTime(cal, bj(10, 10, 10))).toBe(true); // make-up Saturday
  });

  it('reads dates in China time, not UTC', () => {
    // Mon 2026-03-02 08:45 Beijing is Sun 03-01 00:45 UTC.
    expect(isWorkingTime(cal, Date.UTC(2026, 2, 2, 0, 45))).toBe(true);
  });

  it('knows working dates of 2025 and 2026', () => {
    expect(isWorkingDate(cal, '2025-01-26')).toBe(true); // Sunday, worked before 春节
    expect(isWorkingDate(cal, '2025-10-08')).toBe(false); // Wednesday, 国庆中秋
    expect(isWorkingDate(cal, '2026-01-02')).toBe(false); // Friday, 元旦
    expect(isWorkingDate(cal, '2026-01-04')).toBe(true); // Sunday, worked
    expect(isWorkingDate(cal, '2026-06-19')).toBe(false); // Friday, 端午
    expect(isWorkingDate(cal, '2026-09-25')).toBe(false); // Friday, 中秋
    expect(isWorkingDate(cal, '2026-09-20')).toBe(true); // Sunday, worked
  });
});

describe('clocks', () => {
  it('a natural clock counts nights and weekends, a working clock does not', () => {
    const from = bj(3, 6, 17);
    const to = bj(3, 9, 9);
    expect(NATURAL_CLOCK.between(from, to)).toBe(64 * HOUR);
    expect(workingClock(cal).between(from, to)).toBe(1 * HOUR);
    expect(NATURAL_CLOCK.add(from, 90 * MINUTE)).toBe(bj(3, 6, 18, 30));
    expect(workingClock(cal).add(from, 90 * MINUTE)).toBe(bj(3, 9, 9, 30));
  });
});

describe('working time in the centre’s zone', () => {
  const urumqi = { ...cal, timeZone: 'Asia/Urumqi' };

  it('reads the working periods as local hours of the calendar’s zone', () => {
    // 08:30 in Urumqi (UTC+6) is 10:30 in Beijing.
    expect(isWorkingTime(urumqi, bj(3, 2, 10, 29))).toBe(false);
    expect(isWorkingTime(urumqi, bj(3, 2, 10, 30))).toBe(true);
    expect(isWorkingTime(cal, bj(3, 2, 8, 30))).toBe(true);
    // Beijing 00:00–12:00 is Urumqi 22:00–10:00: 08:30–10:00 of it is worked there, 08:30–12:00 here.
    expect(workingMsBetween(urumqi, bj(3, 2, 0), bj(3, 2, 12))).toBe(1.5 * HOUR);
    expect(workingMsBetween(cal, bj(3, 2, 0), bj(3, 2, 12))).toBe(3.5 * HOUR);
    expect(addWorkingMs(urumqi, bj(3, 2, 10, 30), 30 * MINUTE)).toBe(bj(3, 2, 11));
  });
});
