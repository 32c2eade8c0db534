import type { Officer } from '../../shared/model/organisation';
import {
  applyPositionReports,
  type PositionIssue,
  type PositionReport,
} from '../../shared/positions/reports';
import type { GridDeskDb } from './database';

/**
 * Stores a batch of position reports (already parsed) in one transaction: each officer keeps the
 * newest. Returns the updated roster and the reports refused (unknown officers).
 */
export async function recordPositionReports(
  db: GridDeskDb,
  reports: readonly PositionReport[],
): Promise<{ readonly officers: Officer[]; readonly issues: readonly PositionIssue[] }> {
  return db.transaction('rw', db.officers, async () => {
    const current = await db.officers.toArray();
    const applied = applyPositionReports(current, reports);
    if (applied.changed > 0) await db.officers.bulkPut(applied.officers);
    return { officers: applied.officers, issues: applied.issues };
  });
}
