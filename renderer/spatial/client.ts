import { wrap, type Remote } from 'comlink';
import type { SpatialService } from './spatial.worker';

let client: Remote<SpatialService> | null = null;

/** The one spatial worker of the window, started on first use. */
export function spatial(): Remote<SpatialService> {
  client ??= wrap<SpatialService>(
    new Worker(new URL('./spatial.worker.ts', import.meta.url), { type: 'module' }),
  );
  return client;
}
