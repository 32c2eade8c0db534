/**
 * 当前超期 / 临近超期 now over every open case of the database (shared/indicators/current.ts), as the
 * indicators report them: read and counted by the alarms worker (renderer/tally/alarms.worker.ts), which
 * keeps the open cases it read and reads again only the cases written since (open-case-events.ts), so
 * neither the reading nor the clocks of hundreds of open cases run on the UI thread.
 */
import { currentAlarms, type CurrentAlarms } from '../../shared/indicators/current';
import type { GridDeskDb } from './database';
import { readOpenCasesWithEvents } from './open-case-events';
import { currentTallyRules } from './tallies-repo';

/**
 * The alarms of every open case at `now` (epoch ms), under the stored calendar, matters and time-limit
 * policy (the rules the roll-ups are tallied under), read in one transaction.
 */
export async function readCurrentAlarms(db: GridDeskDb, now: number): Promise<CurrentAlarms> {
  const { rules, open } = await db.transaction('r', db.meta, db.matters, db.cases, db.events, async () => {
    const [rules, open] = await Promise.all([currentTallyRules(db), readOpenCasesWithEvents(db)]);
    return { rules, open };
  });
  return currentAlarms(open, { ...rules.options, now });
}
