import { wrap, type Remote } from 'comlink';
import type { CurrentAlarms } from '../../shared/indicators/current';
import type { WallFigures } from '../../shared/wall';
import type { GridDeskDb } from '../db/database';
import { readCurrentAlarms } from '../db/current-alarms';
import { readWallFigures } from '../db/wall-figures';
import type { AlarmsService } from './alarms.worker';

interface Running {
  readonly remote: Remote<AlarmsService>;
  readonly worker: Worker;
  /** Rejects when the worker fails (comlink never settles a call to a dead worker). */
  readonly failed: Promise<never>;
}

let running: Running | null = null;

function alarmsWorker(): Running {
  if (running === null) {
    const worker = new Worker(new URL('./alarms.worker.ts', import.meta.url), { type: 'module' });
    const failed = new Promise<never>((_, reject) =>
      worker.addEventListener('error', (e) =>
        reject(new Error(`alarms worker failed: ${e.message || 'it did not start'}`)),
      ),
    );
    failed.catch(() => undefined); // reported through the call that races it
    running = { remote: wrap<AlarmsService>(worker), worker, failed };
  }
  return running;
}

/**
 * One call into the window's alarms worker (alarms.worker.ts), started on first use and kept, with what
 * it read, for the next call. A worker that fails is dropped (the next call starts another) and its
 * failure is this call's.
 */
async function inWorker<T>(call: (remote: Remote<AlarmsService>) => Promise<T>): Promise<T> {
  const current = alarmsWorker();
  try {
    return await Promise.race([call(current.remote), current.failed]);
  } catch (error) {
    if (running === current) {
      current.worker.terminate();
      running = null;
    }
    throw error;
  }
}

/**
 * 当前超期 / 临近超期 of every open case of `db` at `now` (epoch ms), counted in the alarms worker. Where
 * there are no workers (unit tests under Node) they are counted here.
 */
export async function alarmsNow(db: GridDeskDb, now: number): Promise<CurrentAlarms> {
  if (typeof Worker === 'undefined') return readCurrentAlarms(db, now);
  return inWorker((remote) => remote.alarms(db.name, now));
}

/**
 * The display wall's figures of `db` at `now`, computed in the alarms worker from the same open cases
 * as {@link alarmsNow}; null while the roll-ups are not current. Here where there are no workers.
 */
export async function wallFiguresNow(db: GridDeskDb, now: number): Promise<WallFigures | null> {
  if (typeof Worker === 'undefined') return readWallFigures(db, now);
  return inWorker((remote) => remote.wall(db.name, now));
}
