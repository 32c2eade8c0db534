import { proxy, wrap } from 'comlink';
import type { LocatableArea } from '../../shared/spatial';
import type { GridHit } from '../../shared/assignment/responsibility';
import type { SpatialService } from './service';

/** The spatial service as the UI sees it: every answer is a promise (it runs in a worker). */
export interface SpatialClient {
  load(grids: readonly LocatableArea[]): Promise<number>;
  locate(lon: number, lat: number): Promise<GridHit>;
  locateAll(
    lon: Float64Array,
    lat: Float64Array,
    progress: (done: number, total: number) => boolean | Promise<boolean>,
  ): Promise<Int32Array | null>;
}

/** Grids per message when the worker's locator is loaded (as tile-client.ts's chunks: each copy a short task). */
const LOAD_CHUNK = 500;

let client: SpatialClient | null = null;
let failed: Promise<never> | null = null;
let fail: (error: Error) => void = () => undefined;

/** The spatial service of the window: the one spatial worker, started on first use, unless one was set. */
export function spatial(): SpatialClient {
  if (!client) {
    spatialWorkerFailure();
    const worker = new Worker(new URL('./spatial.worker.ts', import.meta.url), { type: 'module' });
    // comlink never settles a call whose worker failed to start: report it instead of waiting forever.
    worker.addEventListener('error', (e) =>
      fail(new Error(`spatial worker failed: ${e.message || 'it did not start'}`)),
    );
    const remote = wrap<SpatialService>(worker);
    client = {
      // In chunks: each message is copied on this thread, and 200,000 grids in one take seconds.
      load: async (grids) => {
        let at = 0;
        for (; at + LOAD_CHUNK < grids.length; at += LOAD_CHUNK)
          await remote.stage(grids.slice(at, at + LOAD_CHUNK));
        return remote.load(grids.slice(at));
      },
      locate: (lon, lat) => remote.locate(lon, lat),
      // The progress callback stays on this thread; the worker calls it through a comlink proxy.
      locateAll: (lon, lat, progress) => remote.locateAll(lon, lat, proxy(progress)),
    };
  }
  return client;
}

/** Supplies the spatial service (tests: {@link sameThreadSpatial} from same-thread.ts). */
export function setSpatial(next: SpatialClient | null): void {
  client = next;
}

/** Rejects if the spatial worker fails; race it against a call to stop waiting on a dead worker. */
export function spatialWorkerFailure(): Promise<never> {
  if (!failed) {
    failed = new Promise<never>((_, reject) => (fail = reject));
    failed.catch(() => undefined); // reported through whoever races it; never an unhandled rejection
  }
  return failed;
}
