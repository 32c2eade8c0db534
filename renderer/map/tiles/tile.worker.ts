/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import { createTileService, type TileService } from './tile-service';

/** The map's vector tiles are cut here, off the UI thread (tile-service.ts); the UI reaches it through tile-client.ts. */
const service = createTileService();

const exposed: TileService = {
  stage: (key, features, datum) => service.stage(key, features, datum),
  publish: (key, layer, replaces) => service.publish(key, layer, replaces),
  // The tile's bytes move to the UI thread (and on to MapLibre's worker) instead of being copied.
  tile: (key, z, x, y) => {
    const bytes = service.tile(key, z, x, y);
    return transfer(bytes, [bytes.buffer]);
  },
  drop: (key) => service.drop(key),
};

expose(exposed);
