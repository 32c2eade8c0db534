/**
 * Working time over a {@link WorkingCalendar}, computed arithmetically: a count of working days before
 * a day (weekdays by formula, corrected by binary search in the sorted holiday and make-up lists, and
 * tabulated once per calendar for 2000–2100) times the working time per day, plus the part of the day.
 * Measuring is O(1), adding time a binary search over days, so thousands of cases × stages per queue
 * refresh cost a few milliseconds. All times are epoch milliseconds; all results are whole milliseconds.
 */
import { calendarZone, parseClockTime, parseDay, type WorkingCalendar } from './config';
import { zoneOffsetMs } from './zone';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
/** Weekdays (Mon–Fri) among days [0, r) of a week starting on a Thursday (1970-01-01), r = 0…7. */
const WEEKDAYS_BEFORE = [0, 1, 2, 2, 2, 3, 4, 5] as const;

interface Compiled {
  /** Milliseconds added to epoch ms to read local time in the calendar's zone (China: +8 h). */
  readonly offset: number;
  /** Periods in ms after local midnight, ordered, with the working ms of the day before each starts. */
  readonly periods: readonly { readonly start: number; readonly end: number; readonly before: number }[];
  /** Working ms of one working day. */
  readonly perDay: number;
  /** Weekend days that are worked (调休上班), sorted day numbers. */
  readonly extra: readonly number[];
  /** Weekdays that are off (holidays), sorted day numbers. */
  readonly off: readonly number[];
  /** First day of the lookup table, and working days before it. */
  readonly tableStart: number;
  readonly tableBase: number;
  /** Working days in [tableStart, tableStart + i), for days from 2000 to 2100 and the listed dates. */
  readonly table: Int32Array;
}

/** 2000-01-01 and 2100-01-01 as days since 1970: the years a lookup table covers at least. */
const TABLE_FROM = 10_957;
const TABLE_TO = 47_482;

const cache = new WeakMap<WorkingCalendar, Compiled>();

function isWeekend(day: number): boolean {
  const weekday = (((day + 4) % 7) + 7) % 7; // 0 = Sunday
  return weekday === 0 || weekday === 6;
}

function compile(cal: WorkingCalendar): Compiled {
  const hit = cache.get(cal);
  if (hit !== undefined) return hit;
  const periods: { start: number; end: number; before: number }[] = [];
  let perDay = 0;
  let lastEnd = 0;
  for (const period of cal.periods) {
    const start = parseClockTime(period.start);
    const end = parseClockTime(period.end);
    if (start === null || end === null || end <= start || start * MINUTE_MS < lastEnd) {
      throw new RangeError(
        `Invalid working period ${period.start}–${period.end}; validate the calendar first`,
      );
    }
    periods.push({ start: start * MINUTE_MS, end: end * MINUTE_MS, before: perDay });
    perDay += (end - start) * MINUTE_MS;
    lastEnd = end * MINUTE_MS;
  }
  if (perDay === 0) throw new RangeError('A working calendar needs at least one working period');
  const days = (list: readonly string[]): number[] =>
    list.map((text) => {
      const day = parseDay(text);
      if (day === null) throw new RangeError(`Invalid date ${text}; validate the calendar first`);
      return day;
    });
  const holidays = new Set(days(cal.holidays));
  const workdays = new Set(days(cal.workdays));
  const extra = [...workdays].filter((d) => isWeekend(d) && !holidays.has(d)).sort((a, b) => a - b);
  const off = [...holidays].filter((d) => !isWeekend(d) && !workdays.has(d)).sort((a, b) => a - b);
  const tableStart = Math.min(TABLE_FROM, ...extra, ...off);
  const tableEnd = Math.max(TABLE_TO, ...extra, ...off) + 1;
  const table = new Int32Array(tableEnd - tableStart + 1);
  const partial = { extra, off };
  const tableBase = formulaDaysBefore(partial, tableStart);
  for (let i = 1; i < table.length; i++) {
    const day = tableStart + i - 1;
    table[i] = (table[i - 1] ?? 0) + formulaDaysBefore(partial, day + 1) - formulaDaysBefore(partial, day);
  }
  const offset = zoneOffsetMs(calendarZone(cal));
  const compiled: Compiled = { offset, periods, perDay, extra, off, tableStart, tableBase, table };
  cache.set(cal, compiled);
  return compiled;
}

/** How many entries of a sorted list are < value. */
function countBelow(list: readonly number[], value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Working days in [day 0, day) (negative for days before 1970); differences count days in a range. */
function workingDaysBefore(c: Compiled, day: number): number {
  const i = day - c.tableStart;
  return i >= 0 && i < c.table.length ? c.tableBase + (c.table[i] ?? 0) : formulaDaysBefore(c, day);
}

/** {@link workingDaysBefore} by formula: weekdays, plus make-up days, minus weekday holidays. */
function formulaDaysBefore(c: Pick<Compiled, 'extra' | 'off'>, day: number): number {
  const weeks = Math.floor(day / 7);
  const weekdays = weeks * 5 + (WEEKDAYS_BEFORE[day - weeks * 7] ?? 0);
  return weekdays + countBelow(c.extra, day) - countBelow(c.off, day);
}

function isWorkingDay(c: Compiled, day: number): boolean {
  return workingDaysBefore(c, day + 1) - workingDaysBefore(c, day) === 1;
}

/** Working ms within one working day before `msOfDay` (ms after local midnight). */
function workedInDay(c: Compiled, msOfDay: number): number {
  for (let i = c.periods.length - 1; i >= 0; i--) {
    const period = c.periods[i];
    if (period !== undefined && msOfDay > period.start) {
      return period.before + Math.min(msOfDay, period.end) - period.start;
    }
  }
  return 0;
}

/** Working ms from an arbitrary fixed origin to `t`: a non-decreasing, continuous function of t. */
function cumulative(c: Compiled, t: number): number {
  const local = t + c.offset;
  const day = Math.floor(local / DAY_MS);
  const full = workingDaysBefore(c, day) * c.perDay;
  return isWorkingDay(c, day) ? full + workedInDay(c, local - day * DAY_MS) : full;
}

/** The first instant t with cumulative(t) ≥ target, for a target above cumulative(day0's start). */
function instantOf(c: Compiled, target: number, fromDay: number): number {
  // The working day that holds the target: exactly n working days before it.
  const n = Math.ceil(target / c.perDay) - 1;
  let lo = fromDay;
  let step = 8;
  let hi = lo + step;
  while (workingDaysBefore(c, hi) < n + 1) {
    lo = hi;
    step *= 2;
    hi = lo + step;
  }
  // Smallest day d in [lo, hi) with workingDaysBefore(d + 1) ≥ n + 1.
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (workingDaysBefore(c, mid + 1) >= n + 1) hi = mid;
    else lo = mid + 1;
  }
  let rest = target - n * c.perDay; // in (0, perDay]
  let end = 0;
  for (const period of c.periods) {
    const length = period.end - period.start;
    if (rest <= length) return lo * DAY_MS + period.start + rest - c.offset;
    rest -= length;
    end = period.end;
  }
  return lo * DAY_MS + end - c.offset;
}

function checkInstant(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite epoch-millisecond time`);
}

/**
 * Working time in [from, to), in milliseconds: the part of the interval that falls in a working period
 * of a working day (local time of the calendar's zone). 0 when `to` ≤ `from`. Additive: between(a, c) = between(a, b) +
 * between(b, c) for a ≤ b ≤ c. Throws RangeError for non-finite times or an invalid calendar (validate
 * user input with `validateCalendar` first).
 */
export function workingMsBetween(cal: WorkingCalendar, from: number, to: number): number {
  checkInstant('from', from);
  checkInstant('to', to);
  if (to <= from) return 0;
  const c = compile(cal);
  return cumulative(c, to) - cumulative(c, from);
}

/**
 * The instant at which `ms` of working time has passed after `from`: the earliest t ≥ from with
 * workingMsBetween(from, t) = ms. A limit that runs out at the end of a period ends there (12:00, not
 * 13:30); `ms` = 0 returns `from` itself. Throws RangeError for a negative or non-finite `ms`.
 */
export function addWorkingMs(cal: WorkingCalendar, from: number, ms: number): number {
  checkInstant('from', from);
  if (!Number.isFinite(ms) || ms < 0) throw new RangeError('ms must be a finite number ≥ 0');
  if (ms === 0) return from;
  const c = compile(cal);
  const fromDay = Math.floor((from + c.offset) / DAY_MS);
  return instantOf(c, cumulative(c, from) + ms, fromDay);
}

/** Whether `t` falls in a working period of a working day (period start inclusive, end exclusive). */
export function isWorkingTime(cal: WorkingCalendar, t: number): boolean {
  checkInstant('t', t);
  const c = compile(cal);
  const local = t + c.offset;
  const day = Math.floor(local / DAY_MS);
  if (!isWorkingDay(c, day)) return false;
  const msOfDay = local - day * DAY_MS;
  return c.periods.some((period) => msOfDay >= period.start && msOfDay < period.end);
}

/** Whether a local date "YYYY-MM-DD" of the calendar's zone is a working day of the calendar. */
export function isWorkingDate(cal: WorkingCalendar, date: string): boolean {
  const day = parseDay(date);
  if (day === null) throw new RangeError(`Invalid date ${date}`);
  return isWorkingDay(compile(cal), day);
}
