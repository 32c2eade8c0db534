import { describe, expect, it } from 'vitest';
import { formatCentreTime } from './format';

/** 2026-11-23 19:58:07 China time = 11:58:07 UTC, a Monday. */
const EVENING = Date.UTC(2026, 10, 23, 11, 58, 7);
/** 2026-11-24 00:05:00 China time: just after midnight. */
const MIDNIGHT = Date.UTC(2026, 10, 23, 16, 5, 0);
const CHINA = { zone: 'Asia/Shanghai', locale: 'zh-CN' } as const;
const CHINA_EN = { zone: 'Asia/Shanghai', locale: 'en' } as const;

describe('formatCentreTime: times as the centre reads them', () => {
  it('shows China time in Chinese, whatever the instant is in UTC', () => {
    expect(formatCentreTime(EVENING, 'dateTime', CHINA)).toBe('2026/11/23 19:58');
    expect(formatCentreTime(EVENING, 'dateTimeSeconds', CHINA)).toBe('2026/11/23 19:58:07');
    expect(formatCentreTime(EVENING, 'shortDateTime', CHINA)).toBe('11/23 19:58');
    expect(formatCentreTime(EVENING, 'time', CHINA)).toBe('19:58:07');
    expect(formatCentreTime(EVENING, 'clock', CHINA)).toBe('19:58');
    expect(formatCentreTime(MIDNIGHT, 'clock', CHINA_EN)).toBe('00:05');
    expect(formatCentreTime(EVENING, 'longDate', CHINA)).toBe('2026年11月23日星期一');
  });

  it('shows the same instant in English on a 24-hour clock', () => {
    expect(formatCentreTime(EVENING, 'dateTime', CHINA_EN)).toBe('11/23/2026, 19:58');
    expect(formatCentreTime(EVENING, 'time', CHINA_EN)).toBe('19:58:07');
    expect(formatCentreTime(EVENING, 'longDate', CHINA_EN)).toBe('Monday, November 23, 2026');
  });

  it('writes just after midnight as 00:05 of the new day, never 24:05', () => {
    expect(formatCentreTime(MIDNIGHT, 'dateTime', CHINA)).toBe('2026/11/24 00:05');
    expect(formatCentreTime(MIDNIGHT, 'dateTime', CHINA_EN)).toBe('11/24/2026, 00:05');
  });

  it('follows the centre’s zone when it is another one', () => {
    expect(formatCentreTime(EVENING, 'dateTime', { zone: 'Asia/Urumqi', locale: 'zh-CN' })).toBe(
      '2026/11/23 17:58',
    );
  });

  it('refuses an instant that is not a number', () => {
    expect(() => formatCentreTime(Number.NaN, 'dateTime', CHINA)).toThrow(RangeError);
  });
});
