import type { Officer } from '../../shared/model/organisation';
import {
  applyPositionReports,
  MAX_REPORT_AHEAD_MS,
  type PositionCounts,
  type PositionIssue,
  type PositionReport,
} from '../../shared/positions/reports';
import type { GeofenceAlert } from '../../shared/positions/geofence';
import { retentionCutoff, thinTrack, type TrackPoint } from '../../shared/positions/tracks';
import type { GridDeskDb } from './database';
import { geofenceTables, watchStoredFixes } from './geofence-repo';

export interface RecordOptions {
  /**
   * Whether the geofence (越界告警, geofence-repo.ts) judges these reports; default true. The sample's
   * simulated walks pass false: they stay inside their team's areas by construction, and their "now"
   * stamps would break up the stretch of a real phone a leader bound to a sample officer.
   */
  readonly watchGeofence?: boolean;
}

/**
 * The last kept point of each officer's track, per database name, as this context last wrote or read
 * it (null: the officer has none), so a batch of fixes does not query the last point of every officer
 * it moves (2,000 phones reporting every second would make 2,000 reads a second). Only the window's
 * positions worker (renderer/positions) writes tracks. Dropped when a write fails, and by
 * {@link forgetTrackTails} when the tracks are replaced (a restore, in whichever context it runs). A
 * tail older than the retention window that pruning deleted stays here harmlessly: the next point is
 * a minute past it, and kept.
 */
const trackTails = new Map<string, Map<string, TrackPoint | null>>();

/** Tells the other contexts of this origin (the positions worker) that a database's tracks were replaced. */
const tailsChannel =
  typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel('griddesk-track-tails');
tailsChannel?.addEventListener('message', (event: MessageEvent<unknown>) => {
  if (typeof event.data === 'string') trackTails.delete(event.data);
});
// A channel must not keep a Node test process alive.
(tailsChannel as { unref?: () => void } | null)?.unref?.();

/** Forgets the tracks' last points read or written for `db` (its tracks were replaced), here and elsewhere. */
export function forgetTrackTails(db: GridDeskDb): void {
  trackTails.delete(db.name);
  tailsChannel?.postMessage(db.name);
}

/**
 * Stores a batch of position reports (already parsed) in one transaction, at `now` (epoch ms): each
 * officer keeps the newest acceptable one (see applyPositionReports for the time bounds), the reports
 * go into the officers' tracks and past the geofence. Reads and writes only the officers the reports
 * name. Returns the officers it moved (as stored now), the reports refused (unknown officers, stamped
 * too far ahead), what became of every report, and the geofence alerts raised or updated.
 */
export async function recordPositionReports(
  db: GridDeskDb,
  reports: readonly PositionReport[],
  now: number,
  options: RecordOptions = {},
): Promise<{
  readonly moved: Officer[];
  readonly issues: readonly PositionIssue[];
  readonly counts: PositionCounts;
  readonly alerts: readonly GeofenceAlert[];
}> {
  try {
    return await db.transaction('rw', [db.officers, db.trackPoints, ...geofenceTables(db)], async () => {
      const named = [...new Set(reports.map((r) => r.officerId))];
      const current = (await db.officers.bulkGet(named)).filter((o): o is Officer => o !== undefined);
      const applied = applyPositionReports(current, reports, now);
      const moved = applied.officers.filter((o, i) => o !== current[i]);
      if (moved.length > 0) await db.officers.bulkPut(moved);
      const kept = usableReports(new Set(current.map((o) => o.id)), reports, now);
      await addToTracks(db, kept);
      const alerts =
        options.watchGeofence === false ? [] : await watchStoredFixes(db, kept, applied.officers);
      return { moved, issues: applied.issues, counts: applied.counts, alerts };
    });
  } catch (error) {
    forgetTrackTails(db);
    throw error;
  }
}

/** What the window keeps of a stored batch: the refusals and what became of every report. */
export interface StoredPositions {
  readonly issues: readonly PositionIssue[];
  readonly counts: PositionCounts;
}

/**
 * {@link recordPositionReports}, answering only what the window keeps: the officers it moved were shown
 * already, and the geofence's alerts reach the window's list through the database.
 */
export async function recordPositionBatch(
  db: GridDeskDb,
  reports: readonly PositionReport[],
  now: number,
  options: RecordOptions = {},
): Promise<StoredPositions> {
  const { issues, counts } = await recordPositionReports(db, reports, now, options);
  return { issues, counts };
}

/** The reports of roster officers, not ahead of the clock and within the tracks' retention window. */
function usableReports(
  roster: ReadonlySet<string>,
  reports: readonly PositionReport[],
  now: number,
): PositionReport[] {
  const oldest = retentionCutoff(now);
  return reports.filter(
    (r) => roster.has(r.officerId) && r.at - now <= MAX_REPORT_AHEAD_MS && r.at >= oldest,
  );
}

/**
 * Usable reports (usableReports) added to their officers' tracks after the last point each holds,
 * thinned (shared/positions/tracks.ts). A buffered batch from a phone that was offline goes into the
 * track whole, though only its newest fix moves the officer.
 */
async function addToTracks(db: GridDeskDb, reports: readonly PositionReport[]): Promise<void> {
  const points: TrackPoint[] = reports.map((r) => ({
    officerId: r.officerId,
    at: r.at,
    position: r.position,
    speed: r.speed ?? null,
  }));
  if (points.length === 0) return;
  const officers = [...new Set(points.map((p) => p.officerId))];
  let tails = trackTails.get(db.name);
  if (tails === undefined) {
    tails = new Map();
    trackTails.set(db.name, tails);
  }
  const unread = officers.filter((id) => !tails.has(id));
  const read = await Promise.all(
    unread.map((id) =>
      db.trackPoints.where('[officerId+at]').between([id, -Infinity], [id, Infinity]).last(),
    ),
  );
  unread.forEach((id, i) => tails.set(id, read[i] ?? null));
  const lastKept = new Map(
    officers.flatMap((id) => {
      const tail = tails.get(id);
      return tail === undefined || tail === null ? [] : [[id, tail] as const];
    }),
  );
  const kept = thinTrack(points, lastKept);
  if (kept.length === 0) return;
  await db.trackPoints.bulkPut(kept);
  // In time order: each officer's last kept point is their new tail.
  for (const point of kept) tails.set(point.officerId, point);
}

/** An officer's track between two times (epoch ms), in time order. */
export async function readTrack(
  db: GridDeskDb,
  officerId: string,
  from: number,
  to: number,
): Promise<TrackPoint[]> {
  return db.trackPoints
    .where('[officerId+at]')
    .between([officerId, from], [officerId, to], true, true)
    .toArray();
}

/** Deletes the track points older than the retention window, a chunk per transaction; how many. */
export async function pruneTracks(db: GridDeskDb, now: number, chunk = 5_000): Promise<number> {
  const cutoff = retentionCutoff(now);
  let deleted = 0;
  for (;;) {
    const n = await db.transaction('rw', db.trackPoints, async () => {
      const keys = await db.trackPoints.where('at').below(cutoff).limit(chunk).primaryKeys();
      await db.trackPoints.bulkDelete(keys);
      return keys.length;
    });
    deleted += n;
    if (n < chunk) return deleted;
  }
}
