import { createSpatialService } from './service';
import type { SpatialClient } from './client';

/**
 * The spatial service on the calling thread, behind the same {@link SpatialClient} the worker gives:
 * the same locator code, without a Worker (unit tests in Node; `setSpatial(sameThreadSpatial())`).
 */
export function sameThreadSpatial(): SpatialClient {
  const service = createSpatialService();
  return {
    load: async (grids) => service.load(grids),
    locate: async (lon, lat) => service.locate(lon, lat),
    locateAll: (lon, lat, progress) => service.locateAll(lon, lat, progress),
  };
}
