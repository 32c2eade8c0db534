import { describe, expect, it } from 'vitest';
import { parseChinaTime } from './china-time';

const at0915 = Date.parse('2026-11-20T09:15:00+08:00');

describe('parseChinaTime', () => {
  it('reads the usual 12345 shapes as China time', () => {
    for (const text of [
      '2026-11-20 09:15:00',
      '2026/11/20 9:15',
      '2026.11.20 09:15',
      '2026年11月20日 9时15分',
      '2026年11月20日 09:15:00',
      '20261120091500',
      '2026-11-20T09:15:00',
      '2026-11-20T01:15:00Z',
      '2026-11-20T09:15:00+08:00',
      ' 2026-11-20 09:15:00.000 ',
    ]) {
      expect(parseChinaTime(text), text).toBe(at0915);
    }
  });

  it('reads a date alone as midnight China time', () => {
    expect(parseChinaTime('2026-11-20')).toBe(Date.parse('2026-11-20T00:00:00+08:00'));
  });

  it('reads Excel serials (1900 system) as China wall-clock time', () => {
    // 2026-11-20 is 46346 days after 1899-12-30; 09:15 is 37/96 of a day.
    const serial = 46346 + 37 / 96;
    expect(parseChinaTime(serial)).toBe(at0915);
    expect(parseChinaTime(String(serial))).toBe(at0915);
  });

  it('reads epoch milliseconds and seconds', () => {
    expect(parseChinaTime(at0915)).toBe(at0915);
    expect(parseChinaTime(String(at0915 / 1000))).toBe(at0915);
  });

  it('refuses impossible and vague times', () => {
    for (const text of [
      '2026-02-30 10:00',
      '2026-11-20 25:00',
      '2026-13-01',
      '11月19日上午',
      '',
      '昨天',
      '12',
    ]) {
      expect(parseChinaTime(text), text).toBeNull();
    }
  });
});
