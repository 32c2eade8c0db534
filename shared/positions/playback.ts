/**
 * Track playback (轨迹回放): where an officer was at any moment of a period, the time ticks drawn along
 * the track, and the replay clock. Pure: the playback store calls these every frame and the map draws
 * what they return. Positions are WGS84 lon/lat, times epoch milliseconds.
 *
 * A track is a list of kept points (tracks.ts) in time order. Between two points less than
 * {@link TRACK_GAP_MS} apart the officer is taken to have walked straight from one to the other at an
 * even pace (thinning keeps a point every few metres or every minute, so a straight line between two is
 * what the phone would have drawn). Two points further apart are a gap: the phone did not report, and
 * no line is invented across it.
 */
import type { LonLat } from '../model/geo';
import { centreDayStart } from '../calendar/zone';
import { DEFAULT_TRACK_RETENTION_DAYS, retentionCutoff, type TrackPoint } from './tracks';

/** Points further apart than this are a gap in the track (the phone did not report), ms. */
export const TRACK_GAP_MS = 10 * 60_000;

/** The replay speeds offered: replayed time per wall-clock time. */
export const PLAYBACK_SPEEDS = [1, 5, 10, 30, 60] as const;
export type PlaybackSpeed = (typeof PLAYBACK_SPEEDS)[number];

/** Where the replayed officer is at one moment. */
export interface ReplayedPosition {
  readonly position: LonLat;
  /**
   * True when the last point before the moment is more than the gap old: the marker shows where the
   * officer was last seen, not where they are.
   */
  readonly stale: boolean;
}

/** Index of the last point at or before `t` (-1 when every point is later). Binary search. */
function lastAtOrBefore(points: readonly TrackPoint[], t: number): number {
  let lo = 0;
  let hi = points.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if ((points[mid]?.at ?? Infinity) <= t) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * The officer's position at `t` on a track sorted by time: null before its first point; between two
 * points at most `gapMs` apart, the point that fraction of the way along the straight line between
 * them (linear in lon/lat: at township scale the error is far below a metre); in a gap, and after
 * the last point, the last point before `t`, stale once it is more than `gapMs` old.
 */
export function positionAt(
  points: readonly TrackPoint[],
  t: number,
  gapMs: number = TRACK_GAP_MS,
): ReplayedPosition | null {
  const i = lastAtOrBefore(points, t);
  const before = points[i];
  if (before === undefined) return null;
  const after = points[i + 1];
  if (after === undefined || after.at - before.at > gapMs || after.at === before.at) {
    return { position: before.position, stale: t - before.at > gapMs };
  }
  const f = (t - before.at) / (after.at - before.at);
  return {
    position: [
      before.position[0] + (after.position[0] - before.position[0]) * f,
      before.position[1] + (after.position[1] - before.position[1]) * f,
    ],
    stale: false,
  };
}

/**
 * The track's unbroken stretches, each the positions of consecutive points at most `gapMs` apart
 * (a lone point between two gaps is a stretch of one). What the map draws as lines and GPX as
 * segments.
 */
export function trackSegments(points: readonly TrackPoint[], gapMs: number = TRACK_GAP_MS): LonLat[][] {
  const segments: LonLat[][] = [];
  let current: LonLat[] = [];
  let last: TrackPoint | undefined;
  for (const p of points) {
    if (last !== undefined && p.at - last.at > gapMs) {
      segments.push(current);
      current = [];
    }
    current.push(p.position);
    last = p;
  }
  if (current.length > 0) segments.push(current);
  return segments;
}

/** A stretch of a period with no point of a track, [from, to] epoch ms. */
export interface TrackGap {
  readonly from: number;
  readonly to: number;
}

/**
 * The stretches of the period [from, to] a track does not cover: before its first point and after
 * its last when longer than `gapMs`, and between two points more than `gapMs` apart. An empty track
 * is one gap, the whole period. These are what another source (the centre's Traccar server) is asked
 * to fill.
 */
export function trackGaps(
  points: readonly TrackPoint[],
  from: number,
  to: number,
  gapMs: number = TRACK_GAP_MS,
): TrackGap[] {
  const gaps: TrackGap[] = [];
  // The period's start stands as a point before the first, its end as one after the last.
  let last = from;
  let any = false;
  for (const p of points) {
    if (p.at < from || p.at > to) continue;
    if (p.at - last > gapMs) gaps.push({ from: last, to: p.at });
    last = p.at;
    any = true;
  }
  if (!any) return to > from ? [{ from, to }] : [];
  if (to - last > gapMs) gaps.push({ from: last, to });
  return gaps;
}

/**
 * A local track with another source's points (a Traccar server's history of the same officer) laid
 * into its gaps: the local points all stay, and a point of `other` is taken only when it falls in
 * one of the local track's gaps over [from, to] (ends included) at a time the local track has no
 * point, so the same fix received both ways is not doubled. Returns the merged track in time order and how many points came from `other`.
 */
export function fillTrackGaps(
  local: readonly TrackPoint[],
  other: readonly TrackPoint[],
  from: number,
  to: number,
  gapMs: number = TRACK_GAP_MS,
): { readonly points: TrackPoint[]; readonly filled: number } {
  const gaps = trackGaps(local, from, to, gapMs);
  const localTimes = new Set(local.map((p) => p.at));
  const taken = other.filter(
    (p) => !localTimes.has(p.at) && gaps.some((g) => p.at >= g.from && p.at <= g.to),
  );
  const points = [...local, ...taken].sort((a, b) => a.at - b.at);
  return { points, filled: taken.length };
}

/** Tick spacings offered, minutes: each tick a round time of the centre's clock. */
const TICK_STEPS_MIN = [1, 2, 5, 10, 15, 30, 60, 120, 180, 360, 720, 1440] as const;
/** A period gets the finest spacing that puts at most this many ticks in it. */
export const MAX_TICKS = 12;

/**
 * The spacing of the time ticks for a period `periodMs` long, ms: the finest of 1, 2, 5, 10, 15, 30
 * minutes, 1, 2, 3, 6, 12 hours and a day that leaves at most {@link MAX_TICKS} ticks (an hour: every
 * 5 minutes; 3 hours: 15; 6 hours: 30; a day: 2 hours); a day for anything longer than 12 days.
 */
export function tickStepMs(periodMs: number): number {
  for (const minutes of TICK_STEPS_MIN) {
    if (periodMs / (minutes * 60_000) <= MAX_TICKS) return minutes * 60_000;
  }
  return 1440 * 60_000;
}

/**
 * The tick instants in [from, to]: every multiple of `stepMs` on the centre's clock (`offsetMs`, the
 * centre zone's UTC offset, so a 15-minute step falls on :00, :15, :30, :45 local time and a day step
 * on local midnight).
 */
export function tickTimes(from: number, to: number, stepMs: number, offsetMs: number): number[] {
  const times: number[] = [];
  const first = Math.ceil((from + offsetMs) / stepMs) * stepMs - offsetMs;
  for (let t = first; t <= to; t += stepMs) times.push(t);
  return times;
}

/** A time tick on a track: when, and where the officer was then. */
export interface TrackTick {
  readonly at: number;
  readonly position: LonLat;
}

/**
 * The ticks of `times` that fall on the drawn track: from its first point to its last, and not in a
 * gap (a tick is drawn only where the line is); each where the officer was at that instant.
 */
export function trackTicks(
  points: readonly TrackPoint[],
  times: readonly number[],
  gapMs: number = TRACK_GAP_MS,
): TrackTick[] {
  const ticks: TrackTick[] = [];
  for (const at of times) {
    const i = lastAtOrBefore(points, at);
    const before = points[i];
    if (before === undefined) continue;
    const after = points[i + 1];
    const onPoint = before.at === at;
    const between = after !== undefined && after.at - before.at <= gapMs;
    if (!onPoint && !between) continue;
    const replayed = positionAt(points, at, gapMs);
    if (replayed !== null) ticks.push({ at, position: replayed.position });
  }
  return ticks;
}

/** A replay frame longer than this (a hidden tab, a stalled page) advances only this much, ms. */
export const MAX_FRAME_MS = 250;

/**
 * The replay time after one animation frame: `elapsedMs` of wall-clock time (capped at
 * {@link MAX_FRAME_MS}, so a page that was hidden does not jump) times `speed`, stopped at `end`;
 * `ended` once it is there. A negative elapsed time (a clock step back) advances nothing.
 */
export function advanceReplay(
  at: number,
  elapsedMs: number,
  speed: number,
  end: number,
): { readonly at: number; readonly ended: boolean } {
  const next = at + Math.min(Math.max(elapsedMs, 0), MAX_FRAME_MS) * speed;
  return next >= end ? { at: end, ended: true } : { at: next, ended: false };
}

/**
 * Where pressing play starts: where the replay stands, or, when it stands at the end, where the
 * tracks start again (the first point of any track in the period, or the period's start).
 */
export function replayStart(at: number, start: number, end: number): number {
  return at >= end ? start : Math.max(at, start);
}

/**
 * Where a period's replay begins: at its first point of any of the tracks (no point watching empty
 * minutes before anyone reported), else at the period's start.
 */
export function firstPointAt(tracks: readonly (readonly TrackPoint[])[], from: number): number {
  let first = Infinity;
  for (const points of tracks) {
    const p = points.find((q) => q.at >= from);
    if (p !== undefined && p.at < first) first = p.at;
  }
  return Number.isFinite(first) ? first : from;
}

/** The period a playback is asked for. */
export type PlaybackPeriodChoice =
  | { readonly kind: 'today' | 'lastHour' | 'last24h' }
  | { readonly kind: 'custom'; readonly from: number; readonly to: number };

export type PlaybackPeriodIssue =
  'playback.period.order' | 'playback.period.future' | 'playback.period.tooOld';

/**
 * The period [from, to] (epoch ms) of a choice at `now` in the centre's `zone`: 今天 from local
 * midnight, the last hour, the last 24 hours, all up to now; a custom range as given with its end
 * brought back to now. A custom range that ends before it starts, starts in the future or starts
 * before the tracks' retention window (`retentionDays`, the points are deleted) is refused.
 */
export function playbackPeriod(
  choice: PlaybackPeriodChoice,
  now: number,
  zone: string,
  retentionDays: number = DEFAULT_TRACK_RETENTION_DAYS,
): { ok: true; from: number; to: number } | { ok: false; issue: PlaybackPeriodIssue } {
  switch (choice.kind) {
    case 'today':
      return { ok: true, from: centreDayStart(now, zone), to: now };
    case 'lastHour':
      return { ok: true, from: now - 3_600_000, to: now };
    case 'last24h':
      return { ok: true, from: now - 86_400_000, to: now };
    case 'custom': {
      if (!(choice.to > choice.from)) return { ok: false, issue: 'playback.period.order' };
      if (choice.from >= now) return { ok: false, issue: 'playback.period.future' };
      if (choice.from < retentionCutoff(now, retentionDays))
        return { ok: false, issue: 'playback.period.tooOld' };
      return { ok: true, from: choice.from, to: Math.min(choice.to, now) };
    }
  }
}
