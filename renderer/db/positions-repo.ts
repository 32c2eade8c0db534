import type { Officer } from '../../shared/model/organisation';
import {
  applyPositionReports,
  MAX_REPORT_AHEAD_MS,
  type PositionCounts,
  type PositionIssue,
  type PositionReport,
} from '../../shared/positions/reports';
import { retentionCutoff, thinTrack, type TrackPoint } from '../../shared/positions/tracks';
import type { GridDeskDb } from './database';

/**
 * Stores a batch of position reports (already parsed) in one transaction, at `now` (epoch ms): each
 * officer keeps the newest acceptable one (see applyPositionReports for the time bounds). Returns the
 * updated roster, the reports refused (unknown officers, stamped too far ahead) and what became of
 * every report.
 */
export async function recordPositionReports(
  db: GridDeskDb,
  reports: readonly PositionReport[],
  now: number,
): Promise<{
  readonly officers: Officer[];
  readonly issues: readonly PositionIssue[];
  readonly counts: PositionCounts;
}> {
  return db.transaction('rw', db.officers, db.trackPoints, async () => {
    const current = await db.officers.toArray();
    const applied = applyPositionReports(current, reports, now);
    if (applied.changed > 0) await db.officers.bulkPut(applied.officers);
    await addToTracks(db, new Set(current.map((o) => o.id)), reports, now);
    return { officers: applied.officers, issues: applied.issues, counts: applied.counts };
  });
}

/**
 * The reports of roster officers, not ahead of the clock and within the retention window, added to
 * their tracks after the last point each holds, thinned (shared/positions/tracks.ts). A buffered batch
 * from a phone that was offline goes into the track whole, though only its newest fix moves the officer.
 */
async function addToTracks(
  db: GridDeskDb,
  roster: ReadonlySet<string>,
  reports: readonly PositionReport[],
  now: number,
): Promise<void> {
  const oldest = retentionCutoff(now);
  const points: TrackPoint[] = reports
    .filter((r) => roster.has(r.officerId) && r.at - now <= MAX_REPORT_AHEAD_MS && r.at >= oldest)
    .map((r) => ({ officerId: r.officerId, at: r.at, position: r.position, speed: null }));
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
