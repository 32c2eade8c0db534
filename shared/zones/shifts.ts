import { parseClockTime, parseDay } from '../calendar/config';
import { zoneOffsetMs } from '../calendar/zone';
import type { ZoneIssue } from './messages';

/**
 * Shift patterns (班次): when each shift of the centre runs, in local time of the centre's zone
 * (shared/calendar/zone.ts: a zone with one UTC offset, so a local time is a fixed offset from epoch
 * milliseconds and no daylight-saving hour is ever skipped or doubled).
 *
 * A shift runs from `start` to `end` on the day it starts; an `end` at or before `start` means the
 * next day (夜班 20:00–08:00), and `end` equal to `start` a 24-hour shift (24 小时值班). An occurrence of
 * a shift is a {@link ShiftSlot}, named by the local date it starts on.
 */

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const WEEK_MINUTES = 7 * 1440;

export interface ShiftPattern {
  readonly id: string;
  /** What the centre calls it, e.g. 早班. */
  readonly name: string;
  /** Local start "HH:MM" in the centre's zone. */
  readonly start: string;
  /** Local end "HH:MM" ("24:00" allowed); at or before `start`: the next day. */
  readonly end: string;
  /** ISO weekdays (1 Monday … 7 Sunday) the shift starts on; absent: every day. */
  readonly weekdays?: readonly number[];
}

/**
 * The default patterns a centre starts with, the three shifts of round-the-clock duty (三班倒):
 * 早班 08:00–16:00, 中班 16:00–24:00, 夜班 00:00–08:00. Names are data the centre edits, not UI text.
 */
export const DEFAULT_SHIFT_PATTERNS: readonly ShiftPattern[] = [
  { id: 'early', name: '早班', start: '08:00', end: '16:00' },
  { id: 'middle', name: '中班', start: '16:00', end: '24:00' },
  { id: 'night', name: '夜班', start: '00:00', end: '08:00' },
];

/** One occurrence of a shift: the shift, the local date it starts on, and its instants [startAt, endAt). */
export interface ShiftSlot {
  readonly shiftId: string;
  /** Local date "YYYY-MM-DD" in the centre's zone on which the shift starts. */
  readonly date: string;
  /** Epoch ms, inclusive. */
  readonly startAt: number;
  /** Epoch ms, exclusive. */
  readonly endAt: number;
}

/** Start (minutes after local midnight) and length (minutes, 1 … 1440) of a pattern; null when malformed. */
export function shiftSpan(pattern: ShiftPattern): { startMin: number; lengthMin: number } | null {
  const start = parseClockTime(pattern.start);
  const end = parseClockTime(pattern.end);
  if (start === null || end === null || start === 1440) return null;
  const lengthMin = end > start ? end - start : end + 1440 - start;
  return { startMin: start, lengthMin };
}

/** Length of a shift in hours (8 for 08:00–16:00, 12 for 20:00–08:00, 24 for 08:00–08:00); 0 when malformed. */
export function shiftHours(pattern: ShiftPattern): number {
  const span = shiftSpan(pattern);
  return span === null ? 0 : span.lengthMin / 60;
}

/** ISO weekday (1 Monday … 7 Sunday) of a day number (days since 1970-01-01, a Thursday). */
function isoWeekday(day: number): number {
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

function runsOn(pattern: ShiftPattern, day: number): boolean {
  return pattern.weekdays === undefined || pattern.weekdays.includes(isoWeekday(day));
}

/** The local date "YYYY-MM-DD" of a day number. */
function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** Local day number (days since 1970-01-01 in the centre's zone) of instant `t`. */
function localDay(t: number, zone: string): number {
  return Math.floor((t + zoneOffsetMs(zone)) / DAY_MS);
}

function slotOnDay(pattern: ShiftPattern, day: number, zone: string): ShiftSlot | null {
  const span = shiftSpan(pattern);
  if (span === null || !runsOn(pattern, day)) return null;
  const startAt = day * DAY_MS - zoneOffsetMs(zone) + span.startMin * MINUTE_MS;
  return { shiftId: pattern.id, date: dateOfDay(day), startAt, endAt: startAt + span.lengthMin * MINUTE_MS };
}

/**
 * The occurrence of `pattern` that starts on local `date` ("YYYY-MM-DD"), or null when the pattern does
 * not run that weekday, the date is not a real date, or the pattern's times are malformed.
 */
export function shiftSlotOn(pattern: ShiftPattern, date: string, zone: string): ShiftSlot | null {
  const day = parseDay(date);
  return day === null ? null : slotOnDay(pattern, day, zone);
}

/**
 * The shifts running at instant `t` (start ≤ t < end), earliest start first (then pattern order). Two
 * when patterns overlap (a handover hour); none in a gap of the patterns. A shift that began yesterday
 * evening and is still running is found on yesterday's date.
 */
export function activeShiftSlots(patterns: readonly ShiftPattern[], t: number, zone: string): ShiftSlot[] {
  const today = localDay(t, zone);
  const out: ShiftSlot[] = [];
  for (const day of [today - 1, today]) {
    for (const pattern of patterns) {
      const slot = slotOnDay(pattern, day, zone);
      if (slot !== null && slot.startAt <= t && t < slot.endAt) out.push(slot);
    }
  }
  return out.sort((a, b) => a.startAt - b.startAt);
}

/**
 * Every occurrence of the patterns starting in [from, to) (epoch ms), in start order: the columns of a
 * roster's week view (`from` a Monday 00:00, `to` seven days later), or the shifts in a history window.
 */
export function shiftSlotsBetween(
  patterns: readonly ShiftPattern[],
  from: number,
  to: number,
  zone: string,
): ShiftSlot[] {
  const out: ShiftSlot[] = [];
  if (!(to > from)) return out;
  for (let day = localDay(from, zone) - 1; day <= localDay(to, zone); day++) {
    for (const pattern of patterns) {
      const slot = slotOnDay(pattern, day, zone);
      if (slot !== null && slot.startAt >= from && slot.startAt < to) out.push(slot);
    }
  }
  return out.sort((a, b) => a.startAt - b.startAt);
}

/** The first occurrence of any pattern starting after `t` (the next shift, for activating a plan), or null. */
export function nextShiftSlot(patterns: readonly ShiftPattern[], t: number, zone: string): ShiftSlot | null {
  return shiftSlotsBetween(patterns, t + 1, t + 8 * DAY_MS, zone)[0] ?? null;
}

/**
 * A fast test of whether an instant lies in an occurrence of `pattern` (its hours, on the weekdays it
 * starts), for counting many cases; a malformed pattern contains nothing. Agrees with
 * {@link activeShiftSlots}.
 */
export function shiftMembership(pattern: ShiftPattern, zone: string): (t: number) => boolean {
  const span = shiftSpan(pattern);
  if (span === null) return () => false;
  const offset = zoneOffsetMs(zone);
  const startMs = span.startMin * MINUTE_MS;
  const lengthMs = span.lengthMin * MINUTE_MS;
  const days = pattern.weekdays === undefined ? null : new Set(pattern.weekdays);
  return (t) => {
    const local = t + offset;
    // The occurrence that may hold t starts on the local day of (t − start).
    const day = Math.floor((local - startMs) / DAY_MS);
    const into = local - (day * DAY_MS + startMs);
    return into < lengthMs && (days === null || days.has(isoWeekday(day)));
  };
}

/** Whether instant `t` lies in an occurrence of `pattern` (its hours, on the weekdays it runs). */
export function inShift(pattern: ShiftPattern, t: number, zone: string): boolean {
  return shiftMembership(pattern, zone)(t);
}

function issue(
  row: number | null,
  field: string | null,
  key: ZoneIssue['key'],
  params: Record<string, string | number> = {},
  severity: ZoneIssue['severity'] = 'error',
): ZoneIssue {
  return { section: 'shifts', row, field, key, severity, params };
}

/**
 * Checks shift patterns as entered, naming the row (from 1) and field of each problem: ids and names
 * present and unique, times "HH:MM", weekdays whole numbers 1–7 listed once. Warns (severity `warning`)
 * when some hour of the week is covered by no shift, naming the first uncovered stretch, since nobody
 * would then be on duty (an incident in it finds no team).
 */
export function checkShiftPatterns(patterns: readonly ShiftPattern[]): ZoneIssue[] {
  const issues: ZoneIssue[] = [];
  if (patterns.length === 0) return [issue(null, null, 'zones.shift.none')];
  const ids = new Map<string, number>();
  const names = new Map<string, number>();
  const covered = new Uint8Array(WEEK_MINUTES);
  patterns.forEach((p, i) => {
    const row = i + 1;
    const id = p.id.trim();
    const name = p.name.trim();
    if (id === '') issues.push(issue(row, 'id', 'zones.shift.idEmpty', { row }));
    else if (ids.has(id))
      issues.push(issue(row, 'id', 'zones.shift.idTaken', { row, id, first: ids.get(id) ?? 0 }));
    else ids.set(id, row);
    if (name === '') issues.push(issue(row, 'name', 'zones.shift.nameEmpty', { row }));
    else if (names.has(name))
      issues.push(issue(row, 'name', 'zones.shift.nameTaken', { row, name, first: names.get(name) ?? 0 }));
    else names.set(name, row);
    for (const field of ['start', 'end'] as const) {
      const value = p[field];
      if (parseClockTime(value) === null || (field === 'start' && value === '24:00'))
        issues.push(issue(row, field, 'zones.shift.time', { row, value }));
    }
    const days = p.weekdays ?? [1, 2, 3, 4, 5, 6, 7];
    const seen = new Set<number>();
    days.forEach((d, k) => {
      if (!Number.isInteger(d) || d < 1 || d > 7 || seen.has(d))
        issues.push(issue(row, `weekdays[${k}]`, 'zones.shift.weekday', { row, value: String(d) }));
      seen.add(d);
    });
    if (p.weekdays !== undefined && p.weekdays.length === 0)
      issues.push(issue(row, 'weekdays', 'zones.shift.noWeekdays', { row }));
    const span = shiftSpan(p);
    if (span === null) return;
    for (const d of seen) {
      if (!(Number.isInteger(d) && d >= 1 && d <= 7)) continue;
      const base = (d - 1) * 1440 + span.startMin;
      for (let m = 0; m < span.lengthMin; m++) covered[(base + m) % WEEK_MINUTES] = 1;
    }
  });
  if (issues.some((i) => i.severity === 'error')) return issues;
  const gap = covered.indexOf(0);
  if (gap >= 0) {
    let end = gap;
    while (end < WEEK_MINUTES && covered[end] === 0) end++;
    const clock = (m: number): string =>
      `${String(Math.floor((m % 1440) / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    // The stretch ends at `end` (exclusive): a stretch ending at midnight ends at 24:00 of the day before.
    const last = end - 1;
    issues.push(
      issue(
        null,
        null,
        'zones.shift.uncovered',
        {
          weekday: Math.floor(gap / 1440) + 1,
          from: clock(gap),
          toWeekday: Math.floor(last / 1440) + 1,
          to: end % 1440 === 0 ? '24:00' : clock(end),
        },
        'warning',
      ),
    );
  }
  return issues;
}
