/**
 * Reading the time a hotline call came in. 12345 exports write China wall-clock time (UTC+8, no daylight
 * saving since 1991) without a zone, in a handful of shapes; XLSX files may hold Excel serial numbers.
 */
import { excelSerialToWallClockMs } from './excel-date';
import type { CellValue } from './table-types';

/** China Standard Time offset from UTC, in milliseconds. */
export const CHINA_OFFSET_MS = 8 * 3_600_000;

/** Serial numbers accepted as Excel dates: 1982-01-01 … 2118-12-31, which rules out counts and ids. */
const SERIAL_MIN = 29_952;
const SERIAL_MAX = 80_000;

const DATE_TIME =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:(?:\s+|T|\s*日\s*)(\d{1,2})\s*[:：时]\s*(\d{1,2})(?:\s*[:：分]\s*(\d{1,2})(?:\.(\d{1,3}))?\s*秒?)?\s*分?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:(\d{2})(\d{2})(\d{2})?)?$/;

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function zoneOffsetMs(zone: string | undefined, wallClockOffsetMs: number): number {
  if (zone === undefined) return wallClockOffsetMs;
  if (zone.toUpperCase() === 'Z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 3_600_000 + Number(digits.slice(2, 4)) * 60_000);
}

function fromParts(
  parts: readonly (string | undefined)[],
  zone: string | undefined,
  wallClockOffsetMs: number,
): number | null {
  const [year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0] = parts
    .slice(0, 6)
    .map((p) => (p === undefined || p === '' ? 0 : Number(p)));
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59 || second > 59) return null;
  const fraction = parts[6];
  const millis = fraction === undefined || fraction === '' ? 0 : Number(fraction.padEnd(3, '0'));
  return Date.UTC(year, month - 1, day, hour, minute, second, millis) - zoneOffsetMs(zone, wallClockOffsetMs);
}

/**
 * Parses a reported time to epoch milliseconds. Accepts `2026-11-20 09:15:00`, `2026/11/20 9:15`,
 * `2026.11.20`, `2026年11月20日 9时15分`, `20261120091500`, ISO 8601 with `T` and an optional zone
 * (`Z`, `+08:00`), Excel serial numbers (1900 system, as number cells or numeric text), and epoch
 * milliseconds or seconds as 13- or 10-digit numbers. Times without a zone are China time (UTC+8);
 * a date without a time is midnight China time. Returns null for anything else, including impossible
 * dates such as 2026-02-30 or 25:00.
 *
 * `wallClockOffsetMs` is the UTC offset of times written without a zone (and of Excel serials): China's
 * by default; a centre in another zone passes its own (shared/calendar/zone.ts zoneOffsetMs).
 */
export function parseChinaTime(value: CellValue, wallClockOffsetMs: number = CHINA_OFFSET_MS): number | null {
  if (typeof value === 'number') return parseNumericTime(value, wallClockOffsetMs);
  const text = value.trim();
  if (text === '') return null;
  const full = DATE_TIME.exec(text);
  if (full !== null) return fromParts(full.slice(1, 8), full[8], wallClockOffsetMs);
  const compact = COMPACT.exec(text);
  if (compact !== null) return fromParts(compact.slice(1, 7), undefined, wallClockOffsetMs);
  if (/^\d+(\.\d+)?$/.test(text)) return parseNumericTime(Number(text), wallClockOffsetMs);
  return null;
}

function parseNumericTime(n: number, wallClockOffsetMs: number): number | null {
  if (!Number.isFinite(n)) return null;
  if (n >= SERIAL_MIN && n <= SERIAL_MAX) return excelSerialToWallClockMs(n) - wallClockOffsetMs;
  if (Number.isInteger(n) && n >= 1e12 && n < 1e13) return n;
  if (Number.isInteger(n) && n >= 1e9 && n < 1e10) return n * 1000;
  return null;
}
