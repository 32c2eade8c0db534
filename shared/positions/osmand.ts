/**
 * The OsmAnd protocol, as the Traccar Client phone app speaks it (and Traccar's own server decodes
 * it): one HTTP request per fix, either
 * - a query (`GET /?id=…&lat=…&lon=…&timestamp=…`, or the same as a POST form body): `id` (or
 *   `deviceid`), `lat`/`lon` (or `location=lat,lon`), `timestamp` in seconds, milliseconds or ISO 8601
 *   (or `yyyy-MM-dd HH:mm:ss`, read as UTC), `speed` in knots, `bearing` (or `heading`), `altitude`,
 *   `accuracy`, `batt` (percent), `valid`; every other key kept as an attribute;
 * - or the JSON of Traccar Client 9 and later: `{ device_id, location: { timestamp, coords: { latitude,
 *   longitude, speed (m/s), heading, altitude, accuracy }, battery: { level (0–1), is_charging },
 *   is_moving, odometer, event, activity: { type } } }`, `location` possibly a list of fixes.
 *
 * Decoding only reads what was sent: whether the device is known, the fix plausible and newer than the
 * last is for admission (admit.ts). A request that cannot be read is refused naming the field.
 */

/** One fix as a phone sent it. */
export interface DeviceFix {
  /** The device's identifier, as entered in the phone app (Traccar's "unique id"). */
  readonly deviceId: string;
  /** WGS84 degrees, as sent (range is checked on admission). */
  readonly lon: number;
  readonly lat: number;
  /** When the phone fixed it, epoch ms; null when the request gave no time. */
  readonly at: number | null;
  /** The phone's own validity flag (no satellite lock: false). */
  readonly valid: boolean;
  /** Metres per second (the query's knots converted). */
  readonly speed: number | null;
  /** Degrees clockwise from north. */
  readonly bearing: number | null;
  /** Metres. */
  readonly altitude: number | null;
  /** Horizontal accuracy, metres. */
  readonly accuracy: number | null;
  /** Battery level, percent (0–100). */
  readonly battery: number | null;
  readonly charging: boolean | null;
  /** Everything else the request carried, by key. */
  readonly attributes: Readonly<Record<string, string | number | boolean>>;
}

/** Why a request could not be read. */
export interface OsmAndProblem {
  readonly key:
    'osmand.noDevice' | 'osmand.noPosition' | 'osmand.badNumber' | 'osmand.badTime' | 'osmand.badJson';
  /** The field at fault, e.g. `lat` or `location.coords.latitude`; '' for the whole request. */
  readonly field: string;
  /** What it held, cut to 64 characters. */
  readonly value: string;
}

export type OsmAndDecoded =
  | { readonly ok: true; readonly fixes: readonly DeviceFix[]; readonly token: string | null }
  | { readonly ok: false; readonly problem: OsmAndProblem };

/** Knots to metres per second (1 kn = 1,852 m per hour). */
export const KNOT_MPS = 1852 / 3600;
/** At most this many attributes are kept from one fix, each string at most this long. */
export const MAX_ATTRIBUTES = 32;
export const MAX_ATTRIBUTE_LENGTH = 256;
/** At most this many fixes in one JSON request (a phone sending what it buffered offline). */
export const MAX_FIXES_PER_REQUEST = 500;

class Refused extends Error {
  constructor(readonly problem: OsmAndProblem) {
    super(problem.key);
  }
}

const refuse = (key: OsmAndProblem['key'], field: string, value: unknown): never => {
  throw new Refused({ key, field, value: String(value).slice(0, 64) });
};

/** A finite number from a query value or a JSON value; refused naming `field` otherwise. */
function numberOf(value: unknown, field: string): number {
  const n =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && value.trim() !== ''
        ? Number(value)
        : NaN;
  if (!Number.isFinite(n)) refuse('osmand.badNumber', field, value);
  return n;
}

/** An optional number: absent, or (as Traccar Client sends for unknown) negative where it cannot be. */
function optionalNumber(value: unknown, field: string, unknownBelowZero: boolean): number | null {
  if (value === undefined || value === null || value === '') return null;
  const n = numberOf(value, field);
  return unknownBelowZero && n < 0 ? null : n;
}

const ISO_ZONE = /(Z|[+-]\d{2}:?\d{2})$/i;
const SPACED = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d+)?$/;

/**
 * A timestamp as Traccar reads one: digits below 2^31 are seconds, above milliseconds (fractions
 * allowed); ISO 8601 (without a zone: UTC); `yyyy-MM-dd HH:mm:ss` as UTC.
 */
export function parseFixTime(value: string, field = 'timestamp'): number {
  const text = value.trim();
  if (/^\d+(\.\d+)?$/.test(text)) {
    const n = Number(text);
    return Math.round(n < 2 ** 31 - 1 ? n * 1000 : n);
  }
  const spaced = SPACED.exec(text);
  if (spaced !== null) {
    const [, y, mo, d, h, mi, s, frac] = spaced;
    const ms = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s));
    return ms + Math.round(Number(frac ?? 0) * 1000);
  }
  if (text.includes('T')) {
    const ms = Date.parse(ISO_ZONE.test(text) ? text : `${text}Z`);
    if (Number.isFinite(ms)) return ms;
  }
  return refuse('osmand.badTime', field, value);
}

/** An attribute's value as Traccar keeps one: a number, true/false, or the text. */
function attributeOf(value: string): string | number | boolean {
  if (value === 'true') return true;
  if (value === 'false') return false;
  const n = value.trim() === '' ? NaN : Number(value);
  return Number.isFinite(n) ? n : value.slice(0, MAX_ATTRIBUTE_LENGTH);
}

function putAttribute(into: Record<string, string | number | boolean>, key: string, value: unknown): void {
  if (Object.keys(into).length >= MAX_ATTRIBUTES || key.length > 64) return;
  if (typeof value === 'number' && Number.isFinite(value)) into[key] = value;
  else if (typeof value === 'boolean') into[key] = value;
  else if (typeof value === 'string') into[key] = attributeOf(value);
}

/** Keys of the query form that are not attributes. */
const QUERY_KEYS = new Set([
  'id',
  'deviceid',
  'token',
  'lat',
  'lon',
  'location',
  'timestamp',
  'speed',
  'bearing',
  'heading',
  'altitude',
  'accuracy',
  'batt',
  'valid',
]);

/** The query form (a GET's query, or a POST form body). The first value of a repeated key counts. */
export function decodeOsmAndQuery(params: URLSearchParams): OsmAndDecoded {
  try {
    const get = (key: string): string | undefined => params.get(key) ?? undefined;
    const deviceId = (get('id') ?? get('deviceid') ?? '').trim();
    if (deviceId === '') refuse('osmand.noDevice', 'id', '');
    let lat: number;
    let lon: number;
    const location = get('location');
    if (get('lat') !== undefined || get('lon') !== undefined) {
      lat = numberOf(get('lat'), 'lat');
      lon = numberOf(get('lon'), 'lon');
    } else if (location !== undefined) {
      const [a, b] = location.split(',');
      lat = numberOf(a, 'location');
      lon = numberOf(b, 'location');
    } else {
      return refuse('osmand.noPosition', 'lat', '');
    }
    const time = get('timestamp');
    const speedKnots = optionalNumber(get('speed'), 'speed', true);
    const validText = get('valid');
    const attributes: Record<string, string | number | boolean> = {};
    for (const [key, value] of params) if (!QUERY_KEYS.has(key)) putAttribute(attributes, key, value);
    const fix: DeviceFix = {
      deviceId,
      lat,
      lon,
      at: time === undefined || time.trim() === '' ? null : parseFixTime(time),
      valid: validText === undefined || validText === 'true' || validText === '1',
      speed: speedKnots === null ? null : speedKnots * KNOT_MPS,
      bearing: optionalNumber(get('bearing') ?? get('heading'), get('bearing') ? 'bearing' : 'heading', true),
      altitude: optionalNumber(get('altitude'), 'altitude', false),
      accuracy: optionalNumber(get('accuracy'), 'accuracy', true),
      battery: optionalNumber(get('batt'), 'batt', true),
      charging: typeof attributes.charge === 'boolean' ? attributes.charge : null,
      attributes,
    };
    return { ok: true, fixes: [fix], token: get('token') ?? null };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    throw error;
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** One JSON location of Traccar Client 9+ (`path` names it in a refusal). */
function fixOfJson(deviceId: string, location: unknown, path: string): DeviceFix {
  if (!isRecord(location)) return refuse('osmand.badJson', path, typeof location);
  const coords = location.coords;
  if (!isRecord(coords)) return refuse('osmand.noPosition', `${path}.coords`, '');
  const battery = isRecord(location.battery) ? location.battery : {};
  const level = optionalNumber(battery.level, `${path}.battery.level`, true);
  const attributes: Record<string, string | number | boolean> = {};
  for (const key of ['is_moving', 'odometer', 'event', 'uuid', 'mock'] as const)
    putAttribute(attributes, key, location[key]);
  if (isRecord(location.activity)) putAttribute(attributes, 'activity', location.activity.type);
  if (isRecord(location.extras))
    for (const [key, value] of Object.entries(location.extras)) putAttribute(attributes, key, value);
  const time = location.timestamp;
  return {
    deviceId,
    lat: numberOf(coords.latitude, `${path}.coords.latitude`),
    lon: numberOf(coords.longitude, `${path}.coords.longitude`),
    at:
      time === undefined || time === null
        ? null
        : typeof time === 'number'
          ? parseFixTime(String(time), `${path}.timestamp`)
          : typeof time === 'string'
            ? parseFixTime(time, `${path}.timestamp`)
            : refuse('osmand.badTime', `${path}.timestamp`, typeof time),
    valid: true,
    speed: optionalNumber(coords.speed, `${path}.coords.speed`, true),
    bearing: optionalNumber(coords.heading, `${path}.coords.heading`, true),
    altitude: optionalNumber(coords.altitude, `${path}.coords.altitude`, false),
    accuracy: optionalNumber(coords.accuracy, `${path}.coords.accuracy`, true),
    battery: level === null ? null : level <= 1 ? level * 100 : level,
    charging: typeof battery.is_charging === 'boolean' ? battery.is_charging : null,
    attributes,
  };
}

/** The JSON form: `{ device_id, location }`, `location` one fix or a list of them. */
export function decodeOsmAndJson(body: unknown): OsmAndDecoded {
  try {
    if (!isRecord(body)) return refuse('osmand.badJson', '', Array.isArray(body) ? 'array' : typeof body);
    const id = body.device_id ?? body.deviceId ?? body.id;
    const deviceId = typeof id === 'string' || typeof id === 'number' ? String(id).trim() : '';
    if (deviceId === '') refuse('osmand.noDevice', 'device_id', '');
    const locations = Array.isArray(body.location) ? body.location : [body.location];
    if (locations.length === 0) refuse('osmand.noPosition', 'location', '');
    if (locations.length > MAX_FIXES_PER_REQUEST) refuse('osmand.badJson', 'location', locations.length);
    const fixes = locations.map((location, i) =>
      fixOfJson(deviceId, location, Array.isArray(body.location) ? `location.${i}` : 'location'),
    );
    const token = typeof body.token === 'string' ? body.token : null;
    return { ok: true, fixes, token };
  } catch (error) {
    if (error instanceof Refused) return { ok: false, problem: error.problem };
    throw error;
  }
}

/** An HTTP request as the listener received it (the body already read, within its size limit). */
export interface OsmAndRequest {
  readonly method: string;
  /** The request target, e.g. `/?id=1&lat=…`. */
  readonly url: string;
  readonly contentType: string;
  readonly body: string;
}

/**
 * A request in either form: the query if the target has one; else the body, as JSON when it is JSON
 * (by its type, or by its first character), else as a form.
 */
export function decodeOsmAndRequest(request: OsmAndRequest): OsmAndDecoded {
  const query = new URL(request.url, 'http://listener').searchParams;
  if ([...query.keys()].length > 0) return decodeOsmAndQuery(query);
  const body = request.body.trim();
  if (request.contentType.toLowerCase().includes('json') || body.startsWith('{') || body.startsWith('[')) {
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      return { ok: false, problem: { key: 'osmand.badJson', field: '', value: body.slice(0, 64) } };
    }
    return decodeOsmAndJson(json);
  }
  return decodeOsmAndQuery(new URLSearchParams(body));
}
