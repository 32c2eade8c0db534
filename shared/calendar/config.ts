/**
 * The working calendar (工作日历) of the command centre: which instants count as working time for the
 * stage time limits (时限). Its dates and hours are local to the centre's zone (Asia/Shanghai unless set),
 * a zone with one UTC offset (zone.ts), so local time is a fixed offset from epoch milliseconds; the
 * host's time zone never enters.
 */
import { z } from 'zod';
import { DEFAULT_TIME_ZONE, isCentreZone } from './zone';

/** One working period of a working day, local time as "HH:MM", start inclusive, end exclusive. */
export interface WorkingPeriod {
  readonly start: string;
  readonly end: string;
}

/**
 * A working calendar. Saturdays and Sundays are off unless listed in `workdays` (调休上班); Monday to
 * Friday are worked unless listed in `holidays`. Dates are local calendar dates "YYYY-MM-DD".
 */
export interface WorkingCalendar {
  /** Working periods of every working day, in order, not overlapping (default 08:30–12:00, 13:30–17:30). */
  readonly periods: readonly WorkingPeriod[];
  /** 法定节假日及调休放假日. */
  readonly holidays: readonly string[];
  /** 调休上班日: weekend days that are worked. */
  readonly workdays: readonly string[];
  /**
   * The centre's IANA time zone (中心时区) its dates and hours are read in, and every time is shown in;
   * absent means Asia/Shanghai. Read it with {@link calendarZone}.
   */
  readonly timeZone?: string;
}

/** The zone a calendar's dates and hours are local to: its `timeZone`, else Asia/Shanghai. */
export function calendarZone(cal: WorkingCalendar): string {
  return cal.timeZone ?? DEFAULT_TIME_ZONE;
}

/** i18n keys of calendar problems; the messages live in renderer/i18n/parts/indicators.ts. */
export type CalendarIssueKey =
  | 'calendar.invalid'
  | 'calendar.unknownField'
  | 'calendar.timeFormat'
  | 'calendar.periodEmpty'
  | 'calendar.periodsOverlap'
  | 'calendar.noPeriods'
  | 'calendar.dateFormat'
  | 'calendar.dateConflict'
  | 'calendar.timeZone';

/** A problem with a calendar config: an i18n key, the field path (e.g. `periods[1].end`) and params. */
export interface CalendarIssue {
  readonly key: CalendarIssueKey;
  readonly field: string;
  readonly params: Readonly<Record<string, string | number>>;
}

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$|^24:00$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after local midnight of "HH:MM" ("24:00" is 1440), or null when malformed. */
export function parseClockTime(text: string): number | null {
  if (!TIME.test(text)) return null;
  const [h, m] = text.split(':').map(Number) as [number, number];
  return h * 60 + m;
}

/**
 * Days since 1970-01-01 of a local calendar date "YYYY-MM-DD", or null when malformed or not a real
 * date (2026-02-30).
 */
export function parseDay(text: string): number | null {
  const match = DATE.exec(text);
  if (match === null) return null;
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) return null;
  return ms / 86_400_000;
}

const timeText = z.string().refine((text) => parseClockTime(text) !== null, {
  params: { key: 'calendar.timeFormat' },
});
const dateText = z.string().refine((text) => parseDay(text) !== null, {
  params: { key: 'calendar.dateFormat' },
});
const zoneText = z.string().refine(isCentreZone, { params: { key: 'calendar.timeZone' } });

/**
 * The zod schema of a stored calendar (settings, backups, IPC). Checks shapes, real times and dates,
 * non-empty ordered periods, and that no date is both a holiday and a make-up working day.
 */
export const workingCalendarSchema = z
  .strictObject({
    periods: z.array(z.strictObject({ start: timeText, end: timeText })),
    holidays: z.array(dateText),
    workdays: z.array(dateText),
    timeZone: zoneText.optional(),
  })
  .superRefine((cal, ctx) => {
    if (cal.periods.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['periods'], params: { key: 'calendar.noPeriods' } });
    }
    let previousEnd = -1;
    cal.periods.forEach((period, index) => {
      const start = parseClockTime(period.start);
      const end = parseClockTime(period.end);
      if (start === null || end === null) return;
      if (end <= start) {
        ctx.addIssue({
          code: 'custom',
          path: ['periods', index, 'end'],
          params: { key: 'calendar.periodEmpty', start: period.start, end: period.end },
        });
      } else if (start < previousEnd) {
        ctx.addIssue({
          code: 'custom',
          path: ['periods', index, 'start'],
          params: { key: 'calendar.periodsOverlap', start: period.start },
        });
      }
      previousEnd = Math.max(previousEnd, end);
    });
    const holidays = new Set(cal.holidays);
    cal.workdays.forEach((date, index) => {
      if (holidays.has(date)) {
        ctx.addIssue({
          code: 'custom',
          path: ['workdays', index],
          params: { key: 'calendar.dateConflict', date },
        });
      }
    });
  });

function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    out += typeof part === 'number' ? `[${part}]` : `${out === '' ? '' : '.'}${String(part)}`;
  }
  return out;
}

function issueKey(params: unknown): CalendarIssueKey | null {
  if (typeof params !== 'object' || params === null || !('key' in params)) return null;
  const key = (params as { key: unknown }).key;
  return typeof key === 'string' && key.startsWith('calendar.') ? (key as CalendarIssueKey) : null;
}

/**
 * Checks untrusted input (a settings form, an imported file) as a working calendar. Returns the calendar
 * or every issue found, each naming its field, e.g. `{ key: 'calendar.dateFormat', field: 'holidays[3]',
 * params: { value: '2026-02-30' } }`.
 */
export function validateCalendar(
  input: unknown,
):
  | { readonly ok: true; readonly calendar: WorkingCalendar }
  | { readonly ok: false; readonly issues: CalendarIssue[] } {
  const parsed = workingCalendarSchema.safeParse(input);
  if (parsed.success) return { ok: true, calendar: parsed.data };
  const issues = parsed.error.issues.flatMap((issue): CalendarIssue[] => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((name) => {
        const field = fieldPath([...issue.path, name]);
        return { key: 'calendar.unknownField', field, params: { field } };
      });
    }
    const field = fieldPath(issue.path);
    const extra = issue.code === 'custom' ? (issue.params ?? {}) : {};
    const custom = issueKey(extra);
    if (custom !== null) {
      const params: Record<string, string | number> = { field };
      for (const [name, value] of Object.entries(extra)) {
        if (name !== 'key' && (typeof value === 'string' || typeof value === 'number')) params[name] = value;
      }
      if (
        custom === 'calendar.timeFormat' ||
        custom === 'calendar.dateFormat' ||
        custom === 'calendar.timeZone'
      ) {
        params.value = String(valueAt(input, issue.path));
      }
      return [{ key: custom, field, params }];
    }
    return [{ key: 'calendar.invalid', field, params: { field, detail: issue.message } }];
  });
  return { ok: false, issues };
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}
