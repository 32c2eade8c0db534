import { describe, expect, it } from 'vitest';
import {
  MAX_FRAME_MS,
  TRACK_GAP_MS,
  advanceReplay,
  fillTrackGaps,
  firstPointAt,
  playbackPeriod,
  positionAt,
  replayStart,
  tickStepMs,
  tickTimes,
  trackGaps,
  trackSegments,
  trackTicks,
} from './playback';
import type { TrackPoint } from './tracks';

/** 2026-12-02 09:30 in Shanghai. */
const T = Date.UTC(2026, 11, 2, 1, 30, 0);
const MIN = 60_000;
const SHANGHAI = 8 * 3_600_000;
const p = (minutes: number, lon: number, lat: number): TrackPoint => ({
  officerId: 'off-1',
  at: T + minutes * MIN,
  position: [lon, lat],
  speed: null,
});
/** East along a street for a minute, then north for a minute; then the phone is silent 15 minutes. */
const walk = [p(0, 121.4, 28.6), p(1, 121.41, 28.6), p(2, 121.41, 28.61), p(17, 121.42, 28.61)];

describe('the replayed position', () => {
  it('is nowhere before the first point, and on the straight line between two points', () => {
    expect(positionAt(walk, T - 1)).toBeNull();
    expect(positionAt(walk, T)).toEqual({ position: [121.4, 28.6], stale: false });
    const halfway = positionAt(walk, T + 30_000);
    expect(halfway?.position[0]).toBeCloseTo(121.405, 9);
    expect(halfway?.position[1]).toBeCloseTo(28.6, 9);
    // A quarter of the way north on the second leg.
    const quarter = positionAt(walk, T + MIN + 15_000);
    expect(quarter?.position[0]).toBeCloseTo(121.41, 9);
    expect(quarter?.position[1]).toBeCloseTo(28.6025, 9);
    expect(positionAt(walk, T + 2 * MIN)).toEqual({ position: [121.41, 28.61], stale: false });
  });

  it('holds at the last point across a gap, going stale once it is older than the gap', () => {
    // 15 minutes between the third and the fourth point: no line is invented across them.
    expect(positionAt(walk, T + 7 * MIN)).toEqual({ position: [121.41, 28.61], stale: false });
    expect(positionAt(walk, T + 2 * MIN + TRACK_GAP_MS + 1)).toEqual({
      position: [121.41, 28.61],
      stale: true,
    });
    expect(positionAt(walk, T + 17 * MIN)).toEqual({ position: [121.42, 28.61], stale: false });
    expect(positionAt(walk, T + 30 * MIN)).toEqual({ position: [121.42, 28.61], stale: true });
    expect(positionAt([], T)).toBeNull();
  });

  it('breaks the drawn track at gaps', () => {
    expect(trackSegments(walk)).toEqual([
      [
        [121.4, 28.6],
        [121.41, 28.6],
        [121.41, 28.61],
      ],
      [[121.42, 28.61]],
    ]);
    expect(trackSegments([])).toEqual([]);
  });
});

describe('the gaps of a track over a period', () => {
  const local = [p(0, 121.4, 28.6), p(1, 121.41, 28.6), p(2, 121.41, 28.61), p(40, 121.42, 28.61)];
  const from = T - 30 * MIN;
  const to = T + 60 * MIN;

  it('are the stretches longer than the gap without a point, the whole period for no track', () => {
    expect(trackGaps(local, from, to)).toEqual([
      { from, to: T },
      { from: T + 2 * MIN, to: T + 40 * MIN },
      { from: T + 40 * MIN, to },
    ]);
    expect(trackGaps([], from, to)).toEqual([{ from, to }]);
    // Points every minute from start to end: no gap.
    const full = Array.from({ length: 91 }, (_, i) => p(i - 30, 121.4, 28.6));
    expect(trackGaps(full, from, to)).toEqual([]);
  });

  it('are filled with another source’s points, never doubling a fix both sources have', () => {
    const traccar = [
      p(-20, 121.39, 28.6), // in the gap before the first local point: taken
      p(0, 121.4, 28.6), // the same fix the phone reported here: not taken again
      p(1.5, 121.5, 28.5), // between two local points a minute apart: not taken
      p(20, 121.415, 28.61), // in the gap between local points: taken
      p(50, 121.43, 28.61), // in the gap after the last local point: taken
      p(70, 121.44, 28.61), // after the period: not taken
    ];
    const { points, filled } = fillTrackGaps(local, traccar, from, to);
    expect(filled).toBe(3);
    expect(points.map((q) => (q.at - T) / MIN)).toEqual([-20, 0, 1, 2, 20, 40, 50]);
  });
});

describe('time ticks', () => {
  it('are spaced so a period holds at most a dozen of them', () => {
    expect(tickStepMs(20 * MIN) / MIN).toBe(2);
    expect(tickStepMs(60 * MIN) / MIN).toBe(5);
    expect(tickStepMs(3 * 60 * MIN) / MIN).toBe(15);
    expect(tickStepMs(6 * 60 * MIN) / MIN).toBe(30);
    expect(tickStepMs(12 * 60 * MIN) / MIN).toBe(60);
    expect(tickStepMs(24 * 60 * MIN) / MIN).toBe(120);
    expect(tickStepMs(90 * 24 * 60 * MIN) / MIN).toBe(1440);
  });

  it('fall on round times of the centre’s clock', () => {
    // 09:32–10:32 in Shanghai, every 15 minutes: 09:45, 10:00, 10:15, 10:30.
    const from = T + 2 * MIN;
    expect(tickTimes(from, from + 60 * MIN, 15 * MIN, SHANGHAI)).toEqual([
      Date.UTC(2026, 11, 2, 1, 45),
      Date.UTC(2026, 11, 2, 2, 0),
      Date.UTC(2026, 11, 2, 2, 15),
      Date.UTC(2026, 11, 2, 2, 30),
    ]);
    // A day's step falls on local midnight: 00:00 on 3 December in Shanghai is 16:00 UTC the day before.
    expect(tickTimes(from, from + 86_400_000, 1440 * MIN, SHANGHAI)).toEqual([Date.UTC(2026, 11, 2, 16, 0)]);
    // Kathmandu is 5:45 ahead: its hours fall at a quarter past the UTC hour.
    expect(tickTimes(T, T + 2 * 60 * MIN, 60 * MIN, (5 * 60 + 45) * MIN)).toEqual([
      Date.UTC(2026, 11, 2, 2, 15),
      Date.UTC(2026, 11, 2, 3, 15),
    ]);
  });

  it('sit on the track where it is drawn, none in a gap', () => {
    const times = tickTimes(T - 5 * MIN, T + 20 * MIN, MIN, SHANGHAI);
    const ticks = trackTicks(walk, times);
    expect(ticks.map((k) => (k.at - T) / MIN)).toEqual([0, 1, 2, 17]);
    expect(ticks.map((k) => k.position)).toEqual([
      [121.4, 28.6],
      [121.41, 28.6],
      [121.41, 28.61],
      [121.42, 28.61],
    ]);
    // Ticks between points are where the officer was then.
    const half = trackTicks(walk, [T + 30_000]);
    expect(half[0]?.position[0]).toBeCloseTo(121.405, 9);
  });
});

describe('the replay clock', () => {
  it('advances the frame’s wall time times the speed, capping a long frame', () => {
    expect(advanceReplay(T, 16, 60, T + 3_600_000)).toEqual({ at: T + 960, ended: false });
    expect(advanceReplay(T, 16, 1, T + 3_600_000)).toEqual({ at: T + 16, ended: false });
    // A tab hidden for five seconds advances only one capped frame.
    expect(advanceReplay(T, 5_000, 10, T + 3_600_000)).toEqual({ at: T + MAX_FRAME_MS * 10, ended: false });
    expect(advanceReplay(T, -40, 60, T + 3_600_000)).toEqual({ at: T, ended: false });
  });

  it('stops at the end, and plays again from the start when pressed there', () => {
    expect(advanceReplay(T + 3_599_500, 16, 60, T + 3_600_000)).toEqual({ at: T + 3_600_000, ended: true });
    expect(replayStart(T + 3_600_000, T + 120_000, T + 3_600_000)).toBe(T + 120_000);
    expect(replayStart(T + 600_000, T + 120_000, T + 3_600_000)).toBe(T + 600_000);
    expect(replayStart(T, T + 120_000, T + 3_600_000)).toBe(T + 120_000);
  });

  it('begins at the first point any track has in the period', () => {
    const other = [p(-3, 121.4, 28.6), p(5, 121.4, 28.6)];
    expect(firstPointAt([walk, other], T - 60 * MIN)).toBe(T - 3 * MIN);
    expect(firstPointAt([walk, other], T - MIN)).toBe(T);
    expect(firstPointAt([[], []], T)).toBe(T);
  });
});

describe('the period of a playback', () => {
  const now = T;
  it('runs from the centre’s midnight, an hour or a day back, up to now', () => {
    expect(playbackPeriod({ kind: 'today' }, now, 'Asia/Shanghai')).toEqual({
      ok: true,
      from: Date.UTC(2026, 11, 1, 16, 0),
      to: now,
    });
    expect(playbackPeriod({ kind: 'lastHour' }, now, 'Asia/Shanghai')).toEqual({
      ok: true,
      from: now - 3_600_000,
      to: now,
    });
    expect(playbackPeriod({ kind: 'last24h' }, now, 'Asia/Shanghai')).toEqual({
      ok: true,
      from: now - 86_400_000,
      to: now,
    });
  });

  it('takes a custom range up to now, refusing one backwards, in the future or past the retention', () => {
    const day = 86_400_000;
    expect(
      playbackPeriod({ kind: 'custom', from: now - 2 * day, to: now + day }, now, 'Asia/Shanghai'),
    ).toEqual({ ok: true, from: now - 2 * day, to: now });
    expect(playbackPeriod({ kind: 'custom', from: now - day, to: now - day }, now, 'Asia/Shanghai')).toEqual({
      ok: false,
      issue: 'playback.period.order',
    });
    expect(playbackPeriod({ kind: 'custom', from: now + 1, to: now + day }, now, 'Asia/Shanghai')).toEqual({
      ok: false,
      issue: 'playback.period.future',
    });
    expect(playbackPeriod({ kind: 'custom', from: now - 91 * day, to: now }, now, 'Asia/Shanghai')).toEqual({
      ok: false,
      issue: 'playback.period.tooOld',
    });
    expect(playbackPeriod({ kind: 'custom', from: now - 89 * day, to: now }, now, 'Asia/Shanghai').ok).toBe(
      true,
    );
  });
});
