/**
 * One clock for the centre, whatever the PC's zone: the formatter and the day arithmetic of
 * shared/calendar give the same text and the same instants with the host set to UTC, to a zone behind
 * UTC with daylight saving, to China and to a zone 12¾ hours ahead. Node re-reads `process.env.TZ` for
 * the host-zone Date methods (getHours, getTimezoneOffset, toLocaleString) whenever it changes, and
 * each test checks that the host's own reading did move.
 */
import { describe, expect, it } from 'vitest';
import { formatCentreTime, type TimeStyle } from '../../shared/calendar/format';
import { centreDate, centreDayStart, centreTimestamp, periodStart } from '../../shared/calendar/zone';
import { addWorkingMs, workingMsBetween } from '../../shared/calendar/working-time';
import { DEFAULT_CALENDAR } from '../../shared/calendar/holidays';

const HOST_ZONES = ['UTC', 'America/Los_Angeles', 'Asia/Shanghai', 'Pacific/Chatham'] as const;

function underHostZone<T>(zone: string, run: () => T): T {
  const before = process.env.TZ;
  process.env.TZ = zone;
  try {
    return run();
  } finally {
    if (before === undefined) delete process.env.TZ;
    else process.env.TZ = before;
  }
}

const HOUR = 3_600_000;
/** China wall time in November 2026 as epoch ms. */
const cn = (day: number, hour: number, minute = 0): number => Date.UTC(2026, 10, day, hour - 8, minute);
/** 2026-11-23 19:58:07 China time = 11:58:07 UTC, a Monday. */
const EVENING = Date.UTC(2026, 10, 23, 11, 58, 7);
/** 2026-11-24 00:05:00 China time: just after midnight. */
const MIDNIGHT = Date.UTC(2026, 10, 23, 16, 5, 0);
const CHINA = { zone: 'Asia/Shanghai', locale: 'zh-CN' } as const;
const CHINA_EN = { zone: 'Asia/Shanghai', locale: 'en' } as const;
/** The PC's own offset from UTC in November, in minutes behind: proof the host zone really changed. */
const HOST_OFFSET = { UTC: 0, 'America/Los_Angeles': 480, 'Asia/Shanghai': -480, 'Pacific/Chatham': -825 };

describe('one clock for the centre on a PC set to any zone', () => {
  it('gives the same text on a PC set to any zone', () => {
    const styles: TimeStyle[] = ['dateTime', 'dateTimeSeconds', 'shortDateTime', 'time', 'longDate'];
    const texts = (): string[] =>
      [EVENING, MIDNIGHT].flatMap((at) =>
        styles.flatMap((style) => [
          formatCentreTime(at, style, CHINA),
          formatCentreTime(at, style, CHINA_EN),
        ]),
      );
    const expected = underHostZone('Asia/Shanghai', texts);
    for (const host of HOST_ZONES) {
      underHostZone(host, () => {
        // The host zone did change (the PC's own reading of the evening moves) ...
        expect(new Date(EVENING).getTimezoneOffset()).toBe(HOST_OFFSET[host]);
        // ... and the centre's reading does not.
        expect(texts()).toEqual(expected);
      });
    }
  });

  it('gives the same days and stamps on a PC set to any zone', () => {
    const read = (): unknown[] => [
      centreDayStart(cn(24, 3, 58), 'Asia/Shanghai'),
      periodStart(cn(24, 3, 58), 30, 'Asia/Shanghai'),
      centreTimestamp(cn(24, 3, 58), 'Asia/Shanghai'),
      centreDate(cn(24, 3, 58), 'Asia/Shanghai'),
    ];
    const expected = [cn(24, 0), cn(24, 0) - 29 * 24 * HOUR, '2026-11-24 03:58:00', '2026-11-24'];
    for (const host of HOST_ZONES) {
      underHostZone(host, () => {
        expect(new Date(cn(24, 3, 58)).getTimezoneOffset()).toBe(HOST_OFFSET[host]);
        expect(read()).toEqual(expected);
      });
    }
  });

  it('counts the same working time and deadlines on a PC set to any zone', () => {
    const read = (): number[] => [
      workingMsBetween(DEFAULT_CALENDAR, cn(23, 7), cn(24, 9)),
      addWorkingMs(DEFAULT_CALENDAR, cn(23, 17), 2 * HOUR),
    ];
    // Monday 08:30–12:00 and 13:30–17:30, Tuesday 08:30–09:00; 17:00 + 2 h is Tuesday 10:00.
    const expected = [8 * HOUR, cn(24, 10)];
    for (const host of HOST_ZONES) {
      underHostZone(host, () => {
        expect(new Date(EVENING).getTimezoneOffset()).toBe(HOST_OFFSET[host]);
        expect(read()).toEqual(expected);
      });
    }
  });
});
