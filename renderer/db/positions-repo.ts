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
 * Stores a batch of position reports (already parsed) in one transaction, at `now` (epoch ms): each
 * officer keeps the newest acceptable one (see applyPositionReports for the time bounds), the reports
 * go into the officers' tracks and past the geofence. Returns the updated roster, the reports refused
 * (unknown officers, stamped too far ahead), what became of every report, and the geofence alerts
 * raised or updated.
 */
export async function recordPositionReports(
  db: GridDeskDb,
  reports: readonly PositionReport[],
  now: number,
  options: RecordOptions = {},
): Promise<{
  readonly officers: Officer[];
  readonly issues: readonly PositionIssue[];
  readonly counts: PositionCounts;
  readonly alerts: readonly GeofenceAlert[];
}> {
  const tables = [db.officers, db.trackPoints, ...geofenceTables(db)];
  return db.transaction('rw', tables, async () => {
    const current = await db.officers.toArray();
    const applied = applyPositionReports(current, reports, now);
    if (applied.changed > 0) await db.officers.bulkPut(applied.officers);
    const kept = usableReports(new Set(current.map((o) => o.id)), reports, now);
    await addToTracks(db, kept);
    const alerts = options.watchGeofence === false ? [] : await watchStoredFixes(db, kept, applied.officers);
    return { officers: applied.officers, issues: applied.issues, counts: applied.counts, alerts };
  });
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
    speed: null,
  }));
  if (points.length === 0) return;
  const officers = [...new Set(points.map((p) => p.officerId))];
  const last = await Promise.all(
    officers.map((id) =>
      db.trackPoints.where('[officerId+at]').between([id, -Infinity], [id, Infinity]).last(),
    ),
  );
  const lastKept = new Map(last.flatMap((p) => (p === undefined ? [] : [[p.officerId, p] as const])));
  const kept = thinTrack(points, lastKept);
  if (kept.length > 0) await db.trackPoints.bulkPut(kept);
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
