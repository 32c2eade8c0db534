import type { CurrentAlarms } from '../../shared/indicators/current';
import type { WallFigures } from '../../shared/wall';
import type { GridDeskDb } from '../db/database';
import { readCurrentAlarms } from '../db/current-alarms';
import { readWallFigures } from '../db/wall-figures';
import { keptWorker } from '../import/worker-job';
import type { AlarmsService } from './alarms.worker';

/** The window's alarms worker (alarms.worker.ts), kept with what it read for the next call. */
const alarms = keptWorker<AlarmsService>(
  () => new Worker(new URL('./alarms.worker.ts', import.meta.url), { type: 'module' }),
  'alarms',
);

/**
 * 当前超期 / 临近超期 of every open case of `db` at `now` (epoch ms), counted in the alarms worker. Where
 * there are no workers (unit tests under Node) they are counted here.
 */
export async function alarmsNow(db: GridDeskDb, now: number): Promise<CurrentAlarms> {
  if (typeof Worker === 'undefined') return readCurrentAlarms(db, now);
  return alarms.call((remote) => remote.alarms(db.name, now));
}

/**
 * The display wall's figures of `db` at `now`, computed in the alarms worker from the same open cases
 * as {@link alarmsNow}; null while the roll-ups are not current. Here where there are no workers.
 */
export async function wallFiguresNow(db: GridDeskDb, now: number): Promise<WallFigures | null> {
  if (typeof Worker === 'undefined') return readWallFigures(db, now);
  return alarms.call((remote) => remote.wall(db.name, now));
}
