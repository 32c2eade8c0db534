import { proxy, wrap } from 'comlink';
import type { RebuildOutcome } from '../db/tallies-repo';
import type { TallyService } from './tally.worker';

/**
 * Rebuilds the roll-ups of database `dbName` in a fresh tally worker (tally.worker.ts), which ends
 * when it is done. A worker that cannot start is an error, not a hang.
 */
export async function rebuildTalliesInWorker(
  dbName: string,
  onProgress: (done: number, total: number) => void,
): Promise<RebuildOutcome> {
  const worker = new Worker(new URL('./tally.worker.ts', import.meta.url), { type: 'module' });
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (e) =>
      reject(new Error(`tally worker failed: ${e.message || 'it did not start'}`)),
    ),
  );
  try {
    return await Promise.race([wrap<TallyService>(worker).rebuild(dbName, proxy(onProgress)), failed]);
  } finally {
    worker.terminate();
  }
}

/**
 * Runs `work` holding the workstation-wide lock `name` (Web Locks: the workstation's window and the
 * wall's, opened on the same profile, share it), so two windows do not rebuild the same roll-ups at
 * once; the second finds them current when its turn comes. Without Web Locks it just runs.
 */
export async function exclusively<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = (globalThis.navigator as Navigator | undefined)?.locks;
  if (locks === undefined) return work();
  return locks.request(name, work);
}
