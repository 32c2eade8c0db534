/**
 * The centre's time zone (中心时区): the one clock every figure and every time on screen is read in,
 * whatever the zone of the PC showing it. A centre setting, Asia/Shanghai by default. Only zones that
 * have kept one UTC offset since 2000 are accepted (every zone of China does: Asia/Shanghai, Asia/Urumqi,
 * Asia/Hong_Kong, Asia/Macau), so local time is a fixed offset from epoch milliseconds and day
 * boundaries, working periods and time limits stay plain arithmetic.
 */

/** The zone of a centre that has not chosen one: China Standard Time. */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

const DAY_MS = 86_400_000;
/** 2000-01-01T00:00Z and 2100-01-01T00:00Z: the years over which a zone must keep one offset. */
const CHECK_FROM_YEAR = 2000;
const CHECK_TO_YEAR = 2100;

const fixedOffsets = new Map<string, number | null>();

function partsFormatter(zone: string): Intl.DateTimeFormat | null {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
  } catch {
    return null; // RangeError: not a time zone this runtime knows
  }
}

/** Offset of the zone from UTC at instant `t` (whole seconds), in ms, read through Intl. */
function offsetAt(format: Intl.DateTimeFormat, t: number): number {
  const part: Record<string, number> = {};
  for (const p of format.formatToParts(t)) if (p.type !== 'literal') part[p.type] = Number(p.value);
  const wall = Date.UTC(
    part.year ?? 0,
    (part.month ?? 1) - 1,
    part.day ?? 1,
    part.hour ?? 0,
    part.minute ?? 0,
    part.second ?? 0,
  );
  return wall - t;
}

/**
 * The zone's one UTC offset in milliseconds (Asia/Shanghai: +28 800 000), or null when the zone is
 * unknown or its offset changed between 2000 and 2100 (daylight saving, a changed standard time).
 * Checked on 1 January and 1 July of each year, so both hemispheres' summers are seen; cached.
 */
export function fixedZoneOffsetMs(zone: string): number | null {
  const known = fixedOffsets.get(zone);
  if (known !== undefined) return known;
  const format = partsFormatter(zone);
  let offset: number | null = null;
  if (format !== null) {
    offset = offsetAt(format, Date.UTC(CHECK_FROM_YEAR, 0, 1));
    for (let year = CHECK_FROM_YEAR; year <= CHECK_TO_YEAR && offset !== null; year++) {
      for (const month of [0, 6]) {
        if (offsetAt(format, Date.UTC(year, month, 1)) !== offset) offset = null;
      }
    }
  }
  fixedOffsets.set(zone, offset);
  return offset;
}

/** Whether `zone` can be the centre's zone: known to the runtime and one offset since 2000. */
export function isCentreZone(zone: string): boolean {
  return fixedZoneOffsetMs(zone) !== null;
}

/**
 * The offset of a centre zone in ms. Throws RangeError for a zone {@link isCentreZone} rejects (settings
 * are validated before they are used, so this only fires on a programming error).
 */
export function zoneOffsetMs(zone: string): number {
  const offset = fixedZoneOffsetMs(zone);
  if (offset === null) {
    throw new RangeError(`${zone} is not a time zone with one UTC offset; validate the settings first`);
  }
  return offset;
}

/** Epoch ms of local midnight (00:00 in `zone`) of the day holding instant `t`. */
export function centreDayStart(t: number, zone: string): number {
  const offset = zoneOffsetMs(zone);
  return Math.floor((t + offset) / DAY_MS) * DAY_MS - offset;
}

/**
 * Epoch ms a period of `days` whole local days ending today starts at: 00:00 in `zone` of the day
 * `days - 1` days before the day holding `now`. `days` = 1 is today so far; 7 is today and the six
 * days before. So "the last 30 days" means the same calendar days on every PC of the centre.
 */
export function periodStart(now: number, days: number, zone: string): number {
  if (!Number.isInteger(days) || days < 1) throw new RangeError('days must be a whole number ≥ 1');
  return centreDayStart(now, zone) - (days - 1) * DAY_MS;
}

/** The local calendar date "YYYY-MM-DD" in `zone` of instant `t`. */
export function centreDate(t: number, zone: string): string {
  return centreTimestamp(t, zone).slice(0, 10);
}

/**
 * Instant `t` as local time in `zone`, "YYYY-MM-DD HH:MM:SS", the same in every language: for files
 * and exports (CSV, XLSX, file names), where a fixed, sortable form is wanted.
 */
export function centreTimestamp(t: number, zone: string): string {
  const iso = new Date(t + zoneOffsetMs(zone)).toISOString();
  return `${iso.slice(0, 10)} ${iso.slice(11, 19)}`;
}

const STAMP = /^(\d{4})-(\d{2})-(\d{2})[ T]([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d))?$/;

/**
 * The instant (epoch ms) of a local time in `zone` written "YYYY-MM-DD HH:MM" or "YYYY-MM-DD
 * HH:MM:SS" (the form {@link centreTimestamp} writes and date pickers give), or null when malformed
 * or not a real date. The inverse of centreTimestamp: a time typed at the centre means that time on
 * the centre's clock, whatever the zone of the PC.
 */
export function centreInstant(text: string, zone: string): number | null {
  const match = STAMP.exec(text.trim());
  if (match === null) return null;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const back = new Date(wall);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== mo - 1 || back.getUTCDate() !== d) return null;
  return wall - zoneOffsetMs(zone);
}
