import type { Officer } from '../../shared/model/organisation';
import {
  applyPositionReports,
  type PositionCounts,
  type PositionIssue,
  type PositionReport,
} from '../../shared/positions/reports';
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
  return db.transaction('rw', db.officers, async () => {
    const current = await db.officers.toArray();
    const applied = applyPositionReports(current, reports, now);
    if (applied.changed > 0) await db.officers.bulkPut(applied.officers);
    return { officers: applied.officers, issues: applied.issues, counts: applied.counts };
  });
}
