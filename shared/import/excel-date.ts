/**
 * Excel serial date numbers. In the 1900 date system (the default on Windows) serial 1 is 1900-01-01 and
 * 60 is the non-existent 1900-02-29 that Lotus 1-2-3 invented and Excel kept, so from serial 61 on,
 * serial 25569 is 1970-01-01. In the 1904 system (old Mac workbooks) serial 0 is 1904-01-01.
 * A serial carries no time zone: it is a wall-clock time, which for a 12345 export is China time.
 */

const MS_PER_DAY = 86_400_000;
/** Serial of 1970-01-01 in each system. */
const EPOCH_SERIAL = { 1900: 25569, 1904: 24107 } as const;

export type ExcelDateSystem = keyof typeof EPOCH_SERIAL;

/**
 * The wall-clock time of a serial as milliseconds since 1970-01-01 00:00 *of the same wall clock* (i.e.
 * read the result with UTC getters), rounded to the nearest second because Excel stores times as binary
 * fractions of a day (09:15 is 0.3854166…). Serials before 1900-03-01 are shifted for the Lotus bug.
 */
export function excelSerialToWallClockMs(serial: number, system: ExcelDateSystem = 1900): number {
  const adjusted = system === 1900 && serial < 61 ? serial + 1 : serial;
  const ms = (adjusted - EPOCH_SERIAL[system]) * MS_PER_DAY;
  return Math.round(ms / 1000) * 1000;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** Formats a wall-clock millisecond value (see {@link excelSerialToWallClockMs}) as `YYYY-MM-DD HH:mm:ss`. */
export function formatWallClock(ms: number): string {
  const d = new Date(ms);
  return (
    `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ` +
    `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`
  );
}

/** The 1900-system serial of a wall-clock time given as UTC-getter milliseconds; used to write samples. */
export function wallClockMsToExcelSerial(ms: number): number {
  return ms / MS_PER_DAY + EPOCH_SERIAL[1900];
}
