import { describe, expect, it } from 'vitest';
import { distanceMetres, retentionCutoff, thinTrack, trackGpx, type TrackPoint } from './tracks';

const T = Date.UTC(2026, 11, 2, 1, 30, 0);
const p = (officerId: string, seconds: number, lon: number, lat = 28.65): TrackPoint => ({
  officerId,
  at: T + seconds * 1000,
  position: [lon, lat],
  speed: null,
});
/** Degrees of longitude at 28.65° N for `metres` east. */
const east = (metres: number): number => metres / (111_195 * Math.cos((28.65 * Math.PI) / 180));

describe('tracks', () => {
  it('measure distance on the sphere', () => {
    expect(distanceMetres([121, 28], [121, 29])).toBeCloseTo(111_195, -1);
    expect(distanceMetres([121.42, 28.65], [121.42 + east(100), 28.65])).toBeCloseTo(100, 0);
  });

  it('keep a point that moved 5 m or came a minute after the last kept, and drop resends', () => {
    const lon = 121.42;
    const kept = thinTrack(
      [
        p('a', 0, lon),
        p('a', 5, lon + east(2)), // 2 m: dropped
        p('a', 10, lon + east(6)), // 6 m from the first: kept
        p('a', 10, lon + east(20)), // same time as a kept one: dropped
        p('a', 69, lon + east(6.5)), // 0.5 m, 59 s: dropped
        p('a', 70, lon + east(6.5)), // 60 s after the last kept: kept (a stop shows its length)
        p('b', 1, lon), // another officer: their first point
      ],
      new Map(),
    );
    expect(kept.map((k) => [k.officerId, (k.at - T) / 1000])).toEqual([
      ['a', 0],
      ['b', 1],
      ['a', 10],
      ['a', 70],
    ]);
    // What is stored already counts as the last kept.
    expect(thinTrack([p('a', 80, lon + east(6.5))], new Map([['a', kept[3]!]]))).toEqual([]);
    expect(thinTrack([p('a', 60, lon + east(50))], new Map([['a', kept[3]!]]))).toEqual([]);
  });

  it('are kept 90 days by default', () => {
    expect(retentionCutoff(T)).toBe(T - 90 * 86_400_000);
    expect(retentionCutoff(T, 7)).toBe(T - 7 * 86_400_000);
  });

  it('export as GPX 1.1, escaped, in time order', () => {
    const gpx = trackGpx('陈亮燕 <一中队> & 巡逻', [
      { ...p('a', 60, 121.43), speed: 1.25 },
      p('a', 0, 121.42),
    ]);
    expect(gpx).toContain('<name>陈亮燕 &lt;一中队&gt; &amp; 巡逻</name>');
    const points = [...gpx.matchAll(/<trkpt lat="([\d.]+)" lon="([\d.]+)"><time>([^<]+)<\/time>/g)].map(
      (m) => [Number(m[2]), m[3]],
    );
    expect(points).toEqual([
      [121.42, '2026-12-02T01:30:00.000Z'],
      [121.43, '2026-12-02T01:31:00.000Z'],
    ]);
    expect(gpx).toContain('<gd:speed>1.25</gd:speed>');
  });
});
