import { describe, expect, it } from 'vitest';
import { calendarZone, validateCalendar } from './config';
import { DEFAULT_CALENDAR } from './holidays';

const periods = [
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
];

describe('validateCalendar', () => {
  it('accepts the default calendar', () => {
    expect(validateCalendar(DEFAULT_CALENDAR)).toEqual({ ok: true, calendar: DEFAULT_CALENDAR });
  });

  it('names a malformed time and the field holding it', () => {
    const result = validateCalendar({
      periods: [{ start: '8:30', end: '12:00' }],
      holidays: [],
      workdays: [],
    });
    expect(result).toEqual({
      ok: false,
      issues: [
        {
          key: 'calendar.timeFormat',
          field: 'periods[0].start',
          params: { field: 'periods[0].start', value: '8:30' },
        },
      ],
    });
  });

  it('refuses a date that does not exist', () => {
    const result = validateCalendar({ periods, holidays: ['2026-01-01', '2026-02-30'], workdays: [] });
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.issues.map((i) => [i.key, i.field])).toEqual([['calendar.dateFormat', 'holidays[1]']]);
  });

  it('refuses empty, overlapping and missing periods', () => {
    const empty = validateCalendar({
      periods: [{ start: '12:00', end: '08:30' }],
      holidays: [],
      workdays: [],
    });
    const overlap = validateCalendar({
      periods: [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '17:30' },
      ],
      holidays: [],
      workdays: [],
    });
    const none = validateCalendar({ periods: [], holidays: [], workdays: [] });
    const keys = (r: ReturnType<typeof validateCalendar>): string[][] =>
      r.ok ? [] : r.issues.map((i) => [i.key, i.field]);
    expect(keys(empty)).toEqual([['calendar.periodEmpty', 'periods[0].end']]);
    expect(keys(overlap)).toEqual([['calendar.periodsOverlap', 'periods[1].start']]);
    expect(keys(none)).toEqual([['calendar.noPeriods', 'periods']]);
  });

  it('refuses a date that is both a holiday and a make-up working day', () => {
    const result = validateCalendar({ periods, holidays: ['2026-02-14'], workdays: ['2026-02-14'] });
    expect(result.ok ? [] : result.issues.map((i) => [i.key, i.field])).toEqual([
      ['calendar.dateConflict', 'workdays[0]'],
    ]);
  });

  it('names the field of a wrong type and of an unknown field', () => {
    const result = validateCalendar({ periods, holidays: '2026-01-01', workdays: [], zone: 'UTC' });
    expect(result.ok ? [] : result.issues.map((i) => [i.key, i.field]).sort()).toEqual(
      [
        ['calendar.unknownField', 'zone'],
        ['calendar.invalid', 'holidays'],
      ].sort(),
    );
  });
});

describe('the calendar’s time zone', () => {
  it('is Asia/Shanghai unless set, and may be another zone with one offset', () => {
    expect(calendarZone(DEFAULT_CALENDAR)).toBe('Asia/Shanghai');
    const urumqi = { ...DEFAULT_CALENDAR, timeZone: 'Asia/Urumqi' };
    expect(validateCalendar(urumqi)).toEqual({ ok: true, calendar: urumqi });
    expect(calendarZone(urumqi)).toBe('Asia/Urumqi');
  });

  it('refuses a zone with daylight saving or an unknown name, naming the field', () => {
    for (const zone of ['Europe/Berlin', 'Beijing']) {
      expect(validateCalendar({ periods, holidays: [], workdays: [], timeZone: zone })).toEqual({
        ok: false,
        issues: [{ key: 'calendar.timeZone', field: 'timeZone', params: { field: 'timeZone', value: zone } }],
      });
    }
  });
});
