import { describe, expect, it } from 'vitest';
import { MAX_HISTORY_POINTS, historyPoints, trackHistoryQuerySchema } from './history';
import type { DeviceFix } from './osmand';

const T = Date.UTC(2026, 11, 2, 1, 30, 0);
const fix = (seconds: number, lon: number, over: Partial<DeviceFix> = {}): DeviceFix => ({
  deviceId: '317401',
  lon,
  lat: 28.65,
  at: T + seconds * 1000,
  valid: true,
  speed: 1,
  bearing: null,
  altitude: null,
  accuracy: null,
  battery: null,
  charging: null,
  attributes: {},
  ...over,
});

describe('a Traccar server’s history as an officer’s track', () => {
  it('keeps the period’s fixes with a lock, in time order, thinned as the local track is', () => {
    const { points, truncated } = historyPoints(
      'off-3',
      [
        fix(120, 121.43),
        fix(0, 121.42),
        fix(5, 121.42), // same place 5 s later: thinned away
        fix(60, 121.5, { valid: false }), // no satellite lock
        fix(70, 0, { lat: 0 }), // Null Island, what a phone without a fix may send
        fix(80, 121.44, { at: null }),
        fix(-60, 121.41), // before the period
        fix(4_000, 121.45), // after it
      ],
      T,
      T + 3_600_000,
    );
    expect(points.map((p) => [p.at - T, p.position])).toEqual([
      [0, [121.42, 28.65]],
      [120_000, [121.43, 28.65]],
    ]);
    expect(points[0]).toMatchObject({ officerId: 'off-3', speed: 1 });
    expect(truncated).toBe(false);
  });

  it('gives at most its bound of points, the earliest, and says it cut the rest', () => {
    const many = Array.from({ length: MAX_HISTORY_POINTS + 5 }, (_, i) => fix(i * 60, 121.42));
    const { points, truncated } = historyPoints('off-3', many, T, T + 365 * 86_400_000);
    expect(points).toHaveLength(MAX_HISTORY_POINTS);
    expect(points[0]?.at).toBe(T);
    expect(truncated).toBe(true);
  });

  it('is asked for a period that ends after it starts and spans at most the retention and a day', () => {
    const ok = { officerId: 'off-3', from: T - 86_400_000, to: T };
    expect(trackHistoryQuerySchema.safeParse(ok).success).toBe(true);
    expect(trackHistoryQuerySchema.safeParse({ ...ok, to: ok.from }).success).toBe(false);
    expect(trackHistoryQuerySchema.safeParse({ ...ok, from: T - 92 * 86_400_000 }).success).toBe(false);
  });
});
