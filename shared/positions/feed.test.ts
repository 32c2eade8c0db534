import { describe, expect, it } from 'vitest';
import { checkFeedConfig, DEFAULT_FEED_CONFIG, positionFeedConfigSchema } from './feed';

const officers = new Set(['off-1', 'off-2']);

describe('a position feed configuration', () => {
  it('is taken trimmed, an empty token as none', () => {
    const checked = checkFeedConfig(
      {
        ...DEFAULT_FEED_CONFIG,
        enabled: true,
        bindings: [
          { deviceId: ' 317401 ', officerId: 'off-1', token: '  ' },
          { deviceId: 'phone-2', officerId: 'off-2', token: ' k7 ' },
        ],
      },
      officers,
    );
    expect(checked).toEqual({
      ok: true,
      config: {
        enabled: true,
        port: 5055,
        reach: 'network',
        bindings: [
          { deviceId: '317401', officerId: 'off-1', token: null },
          { deviceId: 'phone-2', officerId: 'off-2', token: 'k7' },
        ],
        traccar: null,
        geofenceMinutes: 10,
        offlineAfterMs: 300_000,
      },
    });
  });

  it('names each bad row and field', () => {
    const checked = checkFeedConfig(
      {
        ...DEFAULT_FEED_CONFIG,
        port: 80,
        bindings: [
          { deviceId: '317401', officerId: 'off-1', token: null },
          { deviceId: '317 401', officerId: 'off-2', token: null },
          { deviceId: '317401', officerId: 'off-9', token: null },
        ],
      },
      officers,
    );
    expect(checked.ok === false && checked.issues).toEqual([
      { row: null, field: 'port', key: 'phones.issue.port', params: { port: 80 } },
      { row: 2, field: 'deviceId', key: 'phones.issue.deviceId', params: { row: 2, deviceId: '317 401' } },
      {
        row: 3,
        field: 'deviceId',
        key: 'phones.issue.duplicateDevice',
        params: { row: 3, first: 1, deviceId: '317401' },
      },
      { row: 3, field: 'officerId', key: 'phones.issue.unknownOfficer', params: { row: 3 } },
    ]);
  });

  it('takes a Traccar server by its address and account', () => {
    const traccar = { url: ' http://10.8.0.7:8082/ ', email: ' centre ', password: 'p' };
    const checked = checkFeedConfig({ ...DEFAULT_FEED_CONFIG, traccar }, officers);
    expect(checked.ok && checked.config.traccar).toEqual({
      url: 'http://10.8.0.7:8082',
      email: 'centre',
      password: 'p',
    });
    const bad = checkFeedConfig(
      { ...DEFAULT_FEED_CONFIG, traccar: { url: 'ftp://x', email: '', password: '' } },
      officers,
    );
    expect(bad.ok === false && bad.issues.map((i) => i.key)).toEqual([
      'phones.issue.traccarUrl',
      'phones.issue.traccarEmail',
    ]);
  });

  it('takes a geofence threshold of whole minutes from 1 to 240, and reads a stored one without it as 10', () => {
    const one = checkFeedConfig({ ...DEFAULT_FEED_CONFIG, geofenceMinutes: 1 }, officers);
    expect(one.ok && one.config.geofenceMinutes).toBe(1);
    for (const geofenceMinutes of [0, 2.5, 241])
      expect(checkFeedConfig({ ...DEFAULT_FEED_CONFIG, geofenceMinutes }, officers)).toEqual({
        ok: false,
        issues: [
          {
            row: null,
            field: 'geofenceMinutes',
            key: 'phones.issue.geofenceMinutes',
            params: { minutes: geofenceMinutes, min: 1, max: 240 },
          },
        ],
      });
    const stored = { enabled: true, port: 5055, reach: 'network', bindings: [], traccar: null };
    expect(positionFeedConfigSchema.parse(stored).geofenceMinutes).toBe(10);
  });

  it('keeps officers 离线 after 5 minutes when a configuration stored before the timeout says nothing', () => {
    const stored = { enabled: true, port: 5055, reach: 'local', bindings: [], traccar: null };
    expect(positionFeedConfigSchema.parse(stored).offlineAfterMs).toBe(300_000);
    expect(positionFeedConfigSchema.parse({ ...stored, offlineAfterMs: 60_000 }).offlineAfterMs).toBe(60_000);
  });

  it('takes the offline timeout in whole minutes from 1 to 240', () => {
    const at = (ms: number) => checkFeedConfig({ ...DEFAULT_FEED_CONFIG, offlineAfterMs: ms }, officers);
    expect(at(60_000).ok).toBe(true);
    expect(at(240 * 60_000).ok).toBe(true);
    for (const ms of [0, 59_999, 90_000, 241 * 60_000])
      expect(at(ms)).toEqual({
        ok: false,
        issues: [
          {
            row: null,
            field: 'offlineAfterMs',
            key: 'phones.issue.offlineAfter',
            params: { minutes: ms / 60_000, min: 1, max: 240 },
          },
        ],
      });
  });
});
