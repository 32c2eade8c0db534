import { describe, expect, it } from 'vitest';
import {
  centreDate,
  centreDayStart,
  centreInstant,
  centreTimestamp,
  fixedZoneOffsetMs,
  isCentreZone,
  periodStart,
  zoneOffsetMs,
} from './zone';

const HOUR = 3_600_000;
/** China wall time in November 2026 as epoch ms. */
const cn = (day: number, hour: number, minute = 0): number => Date.UTC(2026, 10, day, hour - 8, minute);

describe('the centre zone', () => {
  it('accepts the zones of China, each with its one offset', () => {
    expect(fixedZoneOffsetMs('Asia/Shanghai')).toBe(8 * HOUR);
    expect(fixedZoneOffsetMs('Asia/Urumqi')).toBe(6 * HOUR);
    expect(fixedZoneOffsetMs('Asia/Hong_Kong')).toBe(8 * HOUR);
    expect(fixedZoneOffsetMs('UTC')).toBe(0);
  });

  it('refuses a zone with daylight saving, a changed offset, or no such zone', () => {
    expect(isCentreZone('Europe/Berlin')).toBe(false);
    expect(isCentreZone('Europe/Moscow')).toBe(false); // +3, +4 in 2011, +3 again in 2014
    expect(isCentreZone('Asia/Beijing')).toBe(false); // not an IANA name
    expect(isCentreZone('')).toBe(false);
    expect(() => zoneOffsetMs('Europe/Berlin')).toThrow(RangeError);
  });

  it('starts the day at 00:00 in the centre’s zone', () => {
    expect(centreDayStart(cn(23, 19, 58), 'Asia/Shanghai')).toBe(cn(23, 0));
    expect(centreDayStart(cn(23, 0), 'Asia/Shanghai')).toBe(cn(23, 0));
    expect(centreDayStart(cn(23, 0) - 1, 'Asia/Shanghai')).toBe(cn(22, 0));
    // 01:00 on the 24th in China is still the 23rd in Urumqi (UTC+6): 23:00, that day began 02:00 China time.
    expect(centreDayStart(cn(24, 1), 'Asia/Urumqi')).toBe(cn(23, 2));
  });

  it('makes a period of n days today and the n − 1 days before it', () => {
    expect(periodStart(cn(23, 19, 58), 1, 'Asia/Shanghai')).toBe(cn(23, 0));
    expect(periodStart(cn(23, 19, 58), 7, 'Asia/Shanghai')).toBe(cn(17, 0));
    expect(() => periodStart(cn(23, 19), 0, 'Asia/Shanghai')).toThrow(RangeError);
  });

  it('writes a fixed, sortable local stamp for files and exports', () => {
    expect(centreTimestamp(cn(23, 19, 58) + 7_000, 'Asia/Shanghai')).toBe('2026-11-23 19:58:07');
    expect(centreDate(cn(24, 3, 58), 'Asia/Shanghai')).toBe('2026-11-24');
  });

  it('reads a local time typed at the centre as that time on the centre’s clock', () => {
    expect(centreInstant('2026-11-23 19:58', 'Asia/Shanghai')).toBe(cn(23, 19, 58));
    expect(centreInstant('2026-11-23 19:58:07', 'Asia/Shanghai')).toBe(cn(23, 19, 58) + 7_000);
    expect(centreInstant('2026-11-23 19:58', 'Asia/Urumqi')).toBe(cn(23, 21, 58));
    const t = cn(24, 3, 58) + 7_000;
    expect(centreInstant(centreTimestamp(t, 'Asia/Shanghai'), 'Asia/Shanghai')).toBe(t);
    expect(centreInstant('2026-02-30 08:00', 'Asia/Shanghai')).toBeNull();
    expect(centreInstant('2026-11-23 24:00', 'Asia/Shanghai')).toBeNull();
    expect(centreInstant('23/11/2026 08:00', 'Asia/Shanghai')).toBeNull();
  });
});
