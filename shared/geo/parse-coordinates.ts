/**
 * Reading coordinates as people type or paste them into the locate box: decimal degrees
 * (`120.123456`), degrees-minutes-seconds (`120°7'24.5"E`, `东经120度7分24.5秒`), full-width digits
 * and punctuation from a Chinese IME (`１２０．１２`, `，`), and a pair in one string
 * (`120.12, 32.45`, `120.12 32.45`, `120.12，32.45`, `N32°27′ E120°07′`).
 */
import type { LonLat } from '../model/geo';

export type Axis = 'lon' | 'lat';

/** One angle read from text: decimal degrees, and the axis a hemisphere marker gave it, if any. */
interface Angle {
  readonly degrees: number;
  readonly axis: Axis | null;
}

export type CoordinateParse =
  | { readonly ok: true; readonly value: LonLat }
  /** `field` names the coordinate that cannot be read or is out of range. */
  | { readonly ok: false; readonly field: Axis };

const NUMBER = String.raw`(\d+(?:\.\d+)?|\.\d+)`;
/** Degrees, then optionally minutes and seconds, each with its mark. */
const DMS =
  String.raw`([+-])?\s*${NUMBER}` +
  String.raw`(?:\s*(?:°|度)(?:\s*${NUMBER}\s*(?:'|′|分)(?:\s*${NUMBER}\s*(?:"|″|''|′′|秒))?)?)?`;
const HEMISPHERE = '([NSEW]|东经|西经|北纬|南纬)';
/** An angle with its hemisphere written before it (`N32°`, `东经120度`). */
const LEADING = new RegExp(String.raw`^\s*${HEMISPHERE}\s*${DMS}`, 'i');
/** An angle with its hemisphere, if any, written after it (`32°N`, `120.5`). */
const TRAILING = new RegExp(String.raw`^\s*${DMS}(?:\s*${HEMISPHERE})?`, 'i');
/** What may stand between the two angles of a pair. */
const SEPARATOR = /^\s*[,;、/]?\s*/;

/**
 * The text with full-width digits, punctuation and spaces folded to ASCII (NFKC), typographic quotes
 * and degree look-alikes to the marks the grammar reads. `″` folds to two primes under NFKC.
 */
export function normalizeCoordinateText(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[º˚]/g, '°')
    .replace(/−/g, '-')
    .replace(/′′/g, '″')
    .replace(/[，；]/g, ',');
}

function hemisphereAxis(mark: string | undefined): { axis: Axis | null; sign: 1 | -1 } {
  switch (mark?.toUpperCase()) {
    case 'N':
    case '北纬':
      return { axis: 'lat', sign: 1 };
    case 'S':
    case '南纬':
      return { axis: 'lat', sign: -1 };
    case 'E':
    case '东经':
      return { axis: 'lon', sign: 1 };
    case 'W':
    case '西经':
      return { axis: 'lon', sign: -1 };
    default:
      return { axis: null, sign: 1 };
  }
}

/** Reads one angle at the start of `text`; null when there is none or minutes/seconds are 60 or more. */
function readAngle(text: string): { angle: Angle; rest: string } | null {
  const leading = LEADING.exec(text);
  const match = leading ?? TRAILING.exec(text);
  if (!match) return null;
  const [mark, sign, deg, min, sec] = leading
    ? [match[1], match[2], match[3], match[4], match[5]]
    : [match[5], match[1], match[2], match[3], match[4]];
  if (deg === undefined) return null;
  const minutes = min === undefined ? 0 : Number(min);
  const seconds = sec === undefined ? 0 : Number(sec);
  if (minutes >= 60 || seconds >= 60) return null;
  // Minutes only follow whole degrees: 120.5°30' means nothing.
  if (min !== undefined && deg.includes('.')) return null;
  const hemisphere = hemisphereAxis(mark);
  if (sign === '-' && hemisphere.axis !== null) return null; // "-32°S" is not an answer
  const magnitude = Number(deg) + minutes / 60 + seconds / 3600;
  const degrees = (sign === '-' ? -1 : 1) * hemisphere.sign * magnitude;
  return { angle: { degrees, axis: hemisphere.axis }, rest: text.slice(match[0].length) };
}

/** Reads the whole text as one angle (decimal degrees or DMS, optional hemisphere); null otherwise. */
function readOneAngle(text: string): Angle | null {
  const read = readAngle(normalizeCoordinateText(text));
  return read && read.rest.trim() === '' ? read.angle : null;
}

function inRange(axis: Axis, degrees: number): boolean {
  return Number.isFinite(degrees) && Math.abs(degrees) <= (axis === 'lon' ? 180 : 90);
}

/**
 * Reads a coordinate pair typed or pasted as one string, WGS84 degrees. The two angles stand apart by a
 * comma (ASCII or Chinese), semicolon, 、, slash or spaces. Which is which: hemisphere markers
 * (N/S/E/W, 东经/北纬…) decide when present; otherwise the order is "lon, lat", except that a pair whose
 * second number cannot be a latitude (over 90) while the first can is read as "lat, lon" (as map sites
 * copy it). Returns null when the text is not two angles; `ok: false` names the coordinate out of
 * range (longitude beyond ±180°, latitude beyond ±90°).
 */
export function parseCoordinatePair(text: string): CoordinateParse | null {
  const first = readAngle(normalizeCoordinateText(text));
  if (!first) return null;
  const gap = SEPARATOR.exec(first.rest)?.[0] ?? '';
  if (gap === '' && first.rest !== '') return null;
  const second = readAngle(first.rest.slice(gap.length));
  if (!second || second.rest.trim() !== '') return null;
  const a = first.angle;
  const b = second.angle;
  let lon: number;
  let lat: number;
  if (a.axis !== null && b.axis !== null) {
    if (a.axis === b.axis) return null;
    [lon, lat] = a.axis === 'lon' ? [a.degrees, b.degrees] : [b.degrees, a.degrees];
  } else if (a.axis !== null || b.axis !== null) {
    const firstIsLon = a.axis === 'lon' || b.axis === 'lat';
    [lon, lat] = firstIsLon ? [a.degrees, b.degrees] : [b.degrees, a.degrees];
  } else if (Math.abs(a.degrees) <= 90 && Math.abs(b.degrees) > 90) {
    [lon, lat] = [b.degrees, a.degrees];
  } else {
    [lon, lat] = [a.degrees, b.degrees];
  }
  if (!inRange('lon', lon)) return { ok: false, field: 'lon' };
  if (!inRange('lat', lat)) return { ok: false, field: 'lat' };
  return { ok: true, value: [lon, lat] };
}

/**
 * Reads the locate box's two fields, WGS84 degrees: each holds decimal degrees or DMS, in ASCII or
 * full-width characters; a pair pasted into either field (the other empty, or holding the same pair)
 * is read as a pair (see {@link parseCoordinatePair}). A hemisphere marker that contradicts its field
 * (N in the longitude field) is refused. `ok: false` names the first field that cannot be read or is
 * out of range.
 */
export function parseCoordinates(lonText: string, latText: string): CoordinateParse {
  for (const [text, other] of [
    [lonText, latText],
    [latText, lonText],
  ] as const) {
    if (other.trim() !== '' && other.trim() !== text.trim()) continue;
    const pair = parseCoordinatePair(text);
    if (pair) return pair;
  }
  const read = (axis: Axis, text: string): number | null => {
    const angle = readOneAngle(text);
    if (!angle || (angle.axis !== null && angle.axis !== axis)) return null;
    return inRange(axis, angle.degrees) ? angle.degrees : null;
  };
  const lon = read('lon', lonText);
  if (lon === null) return { ok: false, field: 'lon' };
  const lat = read('lat', latText);
  if (lat === null) return { ok: false, field: 'lat' };
  return { ok: true, value: [lon, lat] };
}
