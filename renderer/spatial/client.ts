import { wrap, type Remote } from 'comlink';
import type { SpatialService } from './spatial.worker';

let client: Remote<SpatialService> | null = null;
let failed: Promise<never> | null = null;
let fail: (error: Error) => void = () => undefined;

/** The one spatial worker of the window, started on first use. */
export function spatial(): Remote<SpatialService> {
  if (!client) {
    spatialWorkerFailure();
    const worker = new Worker(new URL('./spatial.worker.ts', import.meta.url), { type: 'module' });
    // comlink never settles a call whose worker failed to start: report it instead of waiting forever.
    worker.addEventListener('error', (e) =>
      fail(new Error(`spatial worker failed: ${e.message || 'it did not start'}`)),
    );
    client = wrap<SpatialService>(worker);
  }
  return client;
}

/** Rejects if the spatial worker fails; race it against a call to stop waiting on a dead worker. */
export function spatialWorkerFailure(): Promise<never> {
  if (!failed) {
    failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => undefined); // reported through whoever races it; never an unhandled rejection
  }
  return failed;
}
