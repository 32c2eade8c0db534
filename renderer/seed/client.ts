import { wrap } from 'comlink';
import type { PrepareSample } from '../db/seed';
import type { SeedService } from './seed.worker';

/**
 * Prepares the sample in a fresh seed worker (seed.worker.ts), which ends when it is done. A worker
 * that cannot start is an error, not a hang.
 */
export const prepareSampleInWorker: PrepareSample = async (parts, now, workstation) => {
  const worker = new Worker(new URL('./seed.worker.ts', import.meta.url), { type: 'module' });
  const failed = new Promise<never>((_, reject) =>
    worker.addEventListener('error', (e) =>
      reject(new Error(`seed worker failed: ${e.message || 'it did not start'}`)),
    ),
  );
  try {
    return await Promise.race([wrap<SeedService>(worker).prepare(parts, now, workstation), failed]);
  } finally {
    worker.terminate();
  }
};
