import { proxy, wrap, type Remote } from 'comlink';
import type { SeedInto, SeedResult } from '../db/seed';
import type { PrepareSpare, SpareResult } from '../db/sample-spare';
import type { SeedService } from './seed.worker';

/**
 * Runs one job in a fresh seed worker (seed.worker.ts), which ends when it is done. A worker that
 * cannot start is an error, not a hang; `signal` stops the worker at once (the job then rejects).
 */
async function inSeedWorker<T>(
  job: (service: Remote<SeedService>) => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  signal?.throwIfAborted();
  const worker = new Worker(new URL('./seed.worker.ts', import.meta.url), { type: 'module' });
  const failed = new Promise<never>((_, reject) => {
    worker.addEventListener('error', (e) =>
      reject(new Error(`seed worker failed: ${e.message || 'it did not start'}`)),
    );
    signal?.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
  try {
    return await Promise.race([job(wrap<SeedService>(worker)), failed]);
  } finally {
    worker.terminate();
  }
}

/** Prepares the sample and writes it into the empty database `dbName`, in the seed worker (the first start). */
export const seedSampleInWorker: SeedInto = (parts, now, workstation, dbName) =>
  inSeedWorker<SeedResult>((service) => service.seed(parts, now, workstation, dbName));

/**
 * Prepares the sample and writes it into a spare database, in the seed worker (a reset); the worker
 * asks `control.mayGoOn` here before each step (record building, writes).
 */
export const prepareSpareInWorker: PrepareSpare = (parts, job, control = {}) =>
  inSeedWorker<SpareResult>(
    (service) =>
      service.prepareSpare(parts, job, control.mayGoOn === undefined ? undefined : proxy(control.mayGoOn)),
    control.signal,
  );
