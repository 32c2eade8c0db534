import { describe, expect, it } from 'vitest';
import { decodeOsmAndRequest, KNOT_MPS, MAX_ATTRIBUTES, parseFixTime } from './osmand';
import { admitFix, countOutcome, DEFAULT_ADMIT_LIMITS, emptyFixCounts, type DeviceBinding } from './admit';

const T = Date.UTC(2026, 11, 2, 1, 30, 0);

/** Traccar Client for Android and iOS (before 9): a POST whose target carries the query, body empty. */
const CLASSIC =
  '/?id=317401&timestamp=1796175000&lat=28.656312&lon=121.420847&speed=2.4&bearing=87.5' +
  '&altitude=12.0&accuracy=5.0&batt=87.0&charge=true';

/** Traccar Client 9+: the JSON of its location plug-in. */
const JSON_BODY = JSON.stringify({
  location: {
    event: 'motionchange',
    is_moving: true,
    uuid: 'b1f4c7e2-1d3a-4f4e-9d0b-6c2a1e5f7a90',
    timestamp: '2026-12-02T01:30:00.250Z',
    odometer: 1532.4,
    coords: {
      latitude: 28.656312,
      longitude: 121.420847,
      accuracy: 15.3,
      speed: 1.25,
      speed_accuracy: -1,
      heading: -1,
      heading_accuracy: -1,
      altitude: 45.2,
      ellipsoidal_altitude: 45.2,
      altitude_accuracy: 2.1,
      age: 43,
    },
    activity: { type: 'walking', confidence: 100 },
    battery: { is_charging: false, level: 0.62 },
    extras: {},
  },
  device_id: '317401',
});

const post = (url: string, body = '', contentType = '') =>
  decodeOsmAndRequest({ method: 'POST', url, body, contentType });

describe('the OsmAnd protocol', () => {
  it('reads the classic client’s query: seconds, knots, percent battery, extra keys as attributes', () => {
    const decoded = post(CLASSIC);
    expect(decoded).toEqual({
      ok: true,
      token: null,
      fixes: [
        {
          deviceId: '317401',
          lat: 28.656312,
          lon: 121.420847,
          at: 1796175000_000,
          valid: true,
          speed: 2.4 * KNOT_MPS,
          bearing: 87.5,
          altitude: 12,
          accuracy: 5,
          battery: 87,
          charging: true,
          attributes: { charge: true },
        },
      ],
    });
  });

  it('reads the same as a GET, and as a form body', () => {
    const get = decodeOsmAndRequest({ method: 'GET', url: CLASSIC, body: '', contentType: '' });
    const form = post('/', CLASSIC.slice(2), 'application/x-www-form-urlencoded');
    expect(get).toEqual(post(CLASSIC));
    expect(form).toEqual(post(CLASSIC));
  });

  it('reads Traccar Client 9’s JSON: m/s, ISO time, level 0–1, -1 as unknown', () => {
    const decoded = post('/', JSON_BODY, 'application/json');
    if (!decoded.ok) throw new Error(decoded.problem.key);
    expect(decoded.fixes).toEqual([
      {
        deviceId: '317401',
        lat: 28.656312,
        lon: 121.420847,
        at: Date.UTC(2026, 11, 2, 1, 30, 0, 250),
        valid: true,
        speed: 1.25,
        bearing: null,
        altitude: 45.2,
        accuracy: 15.3,
        battery: 62,
        charging: false,
        attributes: {
          is_moving: true,
          odometer: 1532.4,
          event: 'motionchange',
          uuid: 'b1f4c7e2-1d3a-4f4e-9d0b-6c2a1e5f7a90',
          activity: 'walking',
        },
      },
    ]);
  });

  it('reads a JSON list of buffered fixes, and `location=lat,lon`', () => {
    const one = JSON.parse(JSON_BODY) as { location: object; device_id: string };
    const many = post(
      '/',
      JSON.stringify({ ...one, location: [one.location, one.location] }),
      'application/json',
    );
    expect(many.ok && many.fixes).toHaveLength(2);
    const located = post('/?id=9&location=28.5,121.25');
    expect(located.ok && located.fixes[0]).toMatchObject({ lat: 28.5, lon: 121.25, at: null });
  });

  it('reads every timestamp form Traccar does', () => {
    expect(parseFixTime('1796175000')).toBe(1796175000_000);
    expect(parseFixTime('1796175000123')).toBe(1796175000123);
    expect(parseFixTime('1796175000.5')).toBe(1796175000500);
    expect(parseFixTime('2026-12-02T01:30:00Z')).toBe(T);
    expect(parseFixTime('2026-12-02T09:30:00+08:00')).toBe(T);
    expect(parseFixTime('2026-12-02T01:30:00')).toBe(T);
    expect(parseFixTime('2026-12-02 01:30:00')).toBe(T);
  });

  it('refuses what it cannot read, naming the field', () => {
    const problem = (url: string, body = '', type = '') => {
      const d = post(url, body, type);
      return d.ok ? null : d.problem;
    };
    expect(problem('/?lat=1&lon=2')).toEqual({ key: 'osmand.noDevice', field: 'id', value: '' });
    expect(problem('/?id=1&lat=abc&lon=2')).toEqual({ key: 'osmand.badNumber', field: 'lat', value: 'abc' });
    expect(problem('/?id=1&timestamp=1')).toMatchObject({ key: 'osmand.noPosition' });
    expect(problem('/?id=1&lat=1&lon=2&timestamp=yesterday')).toMatchObject({
      key: 'osmand.badTime',
      field: 'timestamp',
    });
    expect(problem('/', '{"device_id":', 'application/json')).toMatchObject({ key: 'osmand.badJson' });
    expect(problem('/', '{"device_id":"1","location":{"coords":{"latitude":"x"}}}')).toEqual({
      key: 'osmand.badNumber',
      field: 'location.coords.latitude',
      value: 'x',
    });
    expect(problem('/', '[1,2]')).toMatchObject({ key: 'osmand.badJson' });
  });

  it('keeps at most a bounded number of attributes', () => {
    const extra = Array.from({ length: 100 }, (_, i) => `k${i}=${'x'.repeat(1000)}`).join('&');
    const decoded = post(`/?id=1&lat=1&lon=2&${extra}`);
    if (!decoded.ok) throw new Error(decoded.problem.key);
    const attributes = Object.values(decoded.fixes[0]!.attributes);
    expect(attributes).toHaveLength(MAX_ATTRIBUTES);
    expect(attributes.every((v) => String(v).length <= 256)).toBe(true);
  });
});

describe('admitting a fix', () => {
  const binding: DeviceBinding = { deviceId: '317401', officerId: 'off-3', token: null };
  const decoded = post(CLASSIC.replace('timestamp=1796175000', `timestamp=${T / 1000}`));
  if (!decoded.ok) throw new Error('the sample request did not decode');
  const fix = decoded.fixes[0]!;

  it('makes a bound device’s plausible, newer fix its officer’s position', () => {
    expect(admitFix(fix, null, binding, T - 30_000, T + 1_000)).toEqual({
      ok: true,
      fix: {
        officerId: 'off-3',
        deviceId: '317401',
        position: [121.420847, 28.656312],
        at: T,
        speed: 2.4 * KNOT_MPS,
        bearing: 87.5,
        accuracy: 5,
        battery: 87,
      },
    });
    // No time sent: fixed now.
    expect(admitFix({ ...fix, at: null }, null, binding, undefined, T)).toMatchObject({
      ok: true,
      fix: { at: T },
    });
  });

  it('declines, with the reason, what must not become a position', () => {
    const reason = (a: ReturnType<typeof admitFix>) => (a.ok ? 'admitted' : a.reason);
    const { futureMs, maxAgeMs } = DEFAULT_ADMIT_LIMITS;
    expect(reason(admitFix(fix, null, undefined, undefined, T))).toBe('unknownDevice');
    expect(reason(admitFix(fix, 'guess', { ...binding, token: 's3cret' }, undefined, T))).toBe('badToken');
    expect(reason(admitFix(fix, 's3cret', { ...binding, token: 's3cret' }, undefined, T))).toBe('admitted');
    expect(reason(admitFix({ ...fix, lat: 91 }, null, binding, undefined, T))).toBe('outOfRange');
    expect(reason(admitFix({ ...fix, lat: 0, lon: 0 }, null, binding, undefined, T))).toBe('outOfRange');
    expect(reason(admitFix({ ...fix, valid: false }, null, binding, undefined, T))).toBe('noLock');
    expect(reason(admitFix(fix, null, binding, undefined, T - futureMs - 1))).toBe('future');
    expect(reason(admitFix(fix, null, binding, undefined, T - futureMs))).toBe('admitted');
    expect(reason(admitFix(fix, null, binding, undefined, T + maxAgeMs + 1))).toBe('tooOld');
    expect(reason(admitFix(fix, null, binding, T, T))).toBe('duplicate');
    expect(reason(admitFix(fix, null, binding, T + 1, T + 2))).toBe('outOfOrder');
  });

  it('counts every outcome', () => {
    let counts = emptyFixCounts();
    counts = countOutcome(counts, admitFix(fix, null, binding, undefined, T));
    counts = countOutcome(counts, admitFix(fix, null, undefined, undefined, T));
    counts = countOutcome(counts, admitFix(fix, null, undefined, undefined, T));
    counts = countOutcome(counts, { malformed: 'osmand.badJson' });
    expect(counts.admitted).toBe(1);
    expect(counts.declined.unknownDevice).toBe(2);
    expect(counts.declined.future).toBe(0);
    expect(counts.malformed).toEqual({ 'osmand.badJson': 1 });
  });
});
