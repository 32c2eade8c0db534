/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import { createSpatialService, type SpatialService } from './service';

/**
 * Heavy spatial work off the UI thread: the grid locator is built and queried here. The UI reaches it
 * through the typed {@link SpatialClient} of client.ts (comlink), never through postMessage.
 */
const service = createSpatialService();

const exposed: SpatialService = {
  stage: (grids) => service.stage(grids),
  load: (grids) => service.load(grids),
  locate: (lon, lat) => service.locate(lon, lat),
  // The answer's buffer moves to the UI thread instead of being copied.
  locateAll: async (lon, lat, progress) => {
    const out = await service.locateAll(lon, lat, progress);
    return out && transfer(out, [out.buffer]);
  },
};

expose(exposed);
