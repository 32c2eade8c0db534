/**
 * The display wall's figures (shared/wall wallFiguresOfRollUps) read and computed in one place, so the
 * alarms worker (renderer/tally/alarms.worker.ts) does it off the UI thread: the window's day roll-ups,
 * today's closures and reports, the newest cases and every open case with its events, under the stored
 * calendar, matters and time-limit policy, the same rules the indicators' 当前超期 is counted under
 * (current-alarms.ts), so the wall's 超期 and the indicators' agree by construction.
 */
import { calendarZone } from '../../shared/calendar/config';
import { centreDate, centreDayStart } from '../../shared/calendar/zone';
import { reportStart } from '../../shared/indicators';
import { wallFiguresOfRollUps, type WallFigures } from '../../shared/wall';
import type { GridDeskDb } from './database';
import { currentTallyRules, readWallRollUps } from './tallies-repo';

/** The indicator window of the wall: the last 30 days (today and the 29 before, centre time). */
export const WALL_WINDOW_DAYS = 30;
/** How many of the newest cases the wall lists. */
export const WALL_LATEST = 8;

/**
 * The wall's figures at `now` (epoch ms), read in one transaction; null while the roll-ups are not
 * current (a changed calendar or catalogue, until the tally worker rebuilds them).
 */
export async function readWallFigures(db: GridDeskDb, now: number): Promise<WallFigures | null> {
  const tables = [db.meta, db.matters, db.dayTallies, db.caseTallies, db.cases, db.events];
  return db.transaction('r', tables, async () => {
    const { options } = await currentTallyRules(db);
    const zone = calendarZone(options.calendar);
    const windowStart = reportStart(WALL_WINDOW_DAYS, { now, calendar: options.calendar });
    const rollUps = await readWallRollUps(
      db,
      centreDate(windowStart, zone),
      centreDayStart(now, zone),
      WALL_LATEST,
    );
    if (rollUps === null) return null;
    return wallFiguresOfRollUps(rollUps, { ...options, now, windowStart, latest: WALL_LATEST });
  });
}
