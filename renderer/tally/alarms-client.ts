import { wrap, type Remote } from 'comlink';
import type { CurrentAlarms } from '../../shared/indicators/current';
import type { GridDeskDb } from '../db/database';
import { readCurrentAlarms } from '../db/current-alarms';
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
 * 当前超期 / 临近超期 of every open case of `db` at `now` (epoch ms), counted in the window's one alarms
 * worker (alarms.worker.ts), started on first use and kept, with what it read, for the next count. A
 * worker that fails is dropped (the next call starts another) and its failure is this call's. Where
 * there are no workers (unit tests under Node) they are counted here.
 */
export async function alarmsNow(db: GridDeskDb, now: number): Promise<CurrentAlarms> {
  if (typeof Worker === 'undefined') return readCurrentAlarms(db, now);
  const current = alarmsWorker();
  try {
    return await Promise.race([current.remote.alarms(db.name, now), current.failed]);
  } catch (error) {
    if (running === current) {
      current.worker.terminate();
      running = null;
    }
    throw error;
  }
}
