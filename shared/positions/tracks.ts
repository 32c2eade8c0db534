/**
 * Officers' tracks (轨迹): the fixes kept for playback, thinned as they are written, kept for a
 * retention window, and exported as GPX 1.1. A phone reporting every few seconds while its officer
 * stands at a post would fill the disk with one point; a point is kept only when it moved far enough
 * from the last one kept, or enough time passed (so a stop still shows how long it lasted).
 */
import type { LonLat } from '../model/geo';

/** One kept point of an officer's track. */
export interface TrackPoint {
  readonly officerId: string;
  /** When the phone fixed it, epoch ms. */
  readonly at: number;
  /** WGS84 degrees. */
  readonly position: LonLat;
  /** Metres per second, if the phone said. */
  readonly speed: number | null;
}

export interface ThinningRule {
  /** A point nearer than this to the last one kept is dropped… (metres) */
  readonly minMetres: number;
  /** …unless this long has passed since it (ms). */
  readonly maxGapMs: number;
}

export const DEFAULT_THINNING: ThinningRule = { minMetres: 5, maxGapMs: 60_000 };
/** Tracks are kept this many days (then deleted, oldest first). */
export const DEFAULT_TRACK_RETENTION_DAYS = 90;

const EARTH_RADIUS_M = 6_371_008.8;
const rad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance between two WGS84 points, metres (haversine). */
export function distanceMetres(a: LonLat, b: LonLat): number {
  const dLat = rad(b[1] - a[1]);
  const dLon = rad(b[0] - a[0]);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a[1])) * Math.cos(rad(b[1])) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * The points of `incoming` to keep, in time order, after `lastKept` per officer (what is stored
 * already): a point no newer than the last kept is dropped (a resend), a point that moved at least
 * `minMetres` or came `maxGapMs` after the last kept is kept.
 */
export function thinTrack(
  incoming: readonly TrackPoint[],
  lastKept: ReadonlyMap<string, TrackPoint>,
  rule: ThinningRule = DEFAULT_THINNING,
): TrackPoint[] {
  const last = new Map(lastKept);
  const kept: TrackPoint[] = [];
  for (const point of [...incoming].sort((a, b) => a.at - b.at)) {
    const before = last.get(point.officerId);
    const keep =
      before === undefined ||
      (point.at > before.at &&
        (point.at - before.at >= rule.maxGapMs ||
          distanceMetres(before.position, point.position) >= rule.minMetres));
    if (!keep) continue;
    kept.push(point);
    last.set(point.officerId, point);
  }
  return kept;
}

/** The oldest time kept at `now` under a retention of `days` (points before it are deleted). */
export const retentionCutoff = (now: number, days = DEFAULT_TRACK_RETENTION_DAYS): number =>
  now - days * 86_400_000;

const xml = (text: string): string =>
  text.replace(
    /[<>&'"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] ?? c,
  );

/**
 * A track as a GPX 1.1 document: one `<trk>` named for the officer, one segment, each point with its
 * time (UTC, ISO 8601) and, when known, its speed in GridDesk's extension namespace.
 */
export function trackGpx(name: string, points: readonly TrackPoint[], creator = 'GridDesk'): string {
  return tracksGpx([{ name, points }], creator);
}

/**
 * Several tracks (a team's officers) as one GPX 1.1 document, a `<trk>` each in the order given,
 * written as {@link trackGpx} writes one.
 */
export function tracksGpx(
  tracks: readonly { readonly name: string; readonly points: readonly TrackPoint[] }[],
  creator = 'GridDesk',
): string {
  const trk = (name: string, points: readonly TrackPoint[]): string[] => [
    `  <trk>`,
    `    <name>${xml(name)}</name>`,
    '    <trkseg>',
    ...[...points]
      .sort((a, b) => a.at - b.at)
      .map((p) => {
        const speed =
          p.speed === null ? '' : `<extensions><gd:speed>${p.speed.toFixed(2)}</gd:speed></extensions>`;
        return `      <trkpt lat="${p.position[1].toFixed(7)}" lon="${p.position[0].toFixed(7)}"><time>${new Date(p.at).toISOString()}</time>${speed}</trkpt>`;
      }),
    '    </trkseg>',
    '  </trk>',
  ];
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gpx version="1.1" creator="${xml(creator)}" xmlns="http://www.topografix.com/GPX/1/1" xmlns:gd="https://griddesk.local/gpx/1">`,
    ...tracks.flatMap((t) => trk(t.name, t.points)),
    '</gpx>',
    '',
  ].join('\n');
}
