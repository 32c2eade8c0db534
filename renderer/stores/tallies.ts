import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { currentDb } from '../db/handle';
import { ensureTallies } from '../db/tallies-repo';
import { exclusively, rebuildTalliesInWorker } from '../tally/client';

/** How far a rebuild of the roll-ups is: cases tallied of all cases. */
export interface TallyProgress {
  readonly done: number;
  readonly total: number;
}

/**
 * The indicators' daily roll-ups (renderer/db/tallies-repo.ts): case writes keep them current; this
 * store rebuilds them in a worker when they are missing or stale (after start-up, a reset, a restore or
 * a change of the calendar), and the indicators and the wall wait for it. Requests while a rebuild runs
 * collapse into one more check after it.
 */
export const useTalliesStore = defineStore('tallies', () => {
  /** The running rebuild's progress; null when none runs. */
  const progress = shallowRef<TallyProgress | null>(null);
  let running: Promise<void> | null = null;
  let again = false;

  /** Makes the roll-ups current, rebuilding them off the UI thread when they are not; resolves when done. */
  function ensure(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          const db = currentDb();
          await exclusively(`griddesk-tallies:${db.name}`, () =>
            ensureTallies(db, (d) =>
              rebuildTalliesInWorker(d.name, (done, total) => (progress.value = { done, total })),
            ),
          );
        } while (again);
      } finally {
        running = null;
        progress.value = null;
      }
    })();
    return running;
  }

  /** Starts {@link ensure} in the background; a failure is logged, the next reader tries again. */
  function start(): void {
    ensure().catch((error: unknown) => console.error('[tallies] rebuild failed:', error));
  }

  /**
   * What `read` gives while the roll-ups are current (it reads them with their check, in one
   * transaction, and gives null when they are not): until they are, waits for their rebuild and reads
   * again.
   */
  async function whenCurrent<T>(read: () => Promise<T | null>): Promise<T> {
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const found = await read();
      if (found !== null) return found;
      await ensure();
    }
    throw new Error('the indicators’ roll-ups did not become current');
  }

  return { progress, ensure, start, whenCurrent };
});
