import { wrap, type Remote } from 'comlink';
import { addProtocol } from 'maplibre-gl';
import type { BasemapDatum } from '../../../shared/tiles/basemaps';
import type { TiledFeatures } from '../layer-module';
import type { TileService } from './tile-service';
import { parseTileUrl, TILE_PROTOCOL } from './tile-url';

/**
 * Features per message to the tile worker: each message is copied on the UI thread, 1,000 grid
 * polygons in 50–90 ms on the bench's 2-core machine (set-up bench), so 500 stay well under a frame
 * budget of 100 ms where 200,000 in one would block it for seconds.
 */
const CHUNK = 500;

let remote: Remote<TileService> | null = null;

/** The window's tile worker, started on first use. */
function tiles(): Remote<TileService> {
  remote ??= wrap<TileService>(new Worker(new URL('./tile.worker.ts', import.meta.url), { type: 'module' }));
  return remote;
}

let registered = false;

/**
 * Tells MapLibre where the map's own tiles come from, once per window, before a map asks for one:
 * its worker asks the UI thread for a URL of a scheme it does not know, and this answers with the
 * tile's bytes from the tile worker, moved, not copied (unregistered, it would fetch the URL, which
 * the CSP refuses).
 */
export function registerTileProtocol(): void {
  if (registered) return;
  registered = true;
  addProtocol(TILE_PROTOCOL, async (params) => {
    const at = parseTileUrl(params.url);
    if (at === null) throw new Error(`not a map tile: ${params.url}`);
    const bytes = await tiles().tile(at.key, at.z, at.x, at.y);
    return { data: bytes.buffer };
  });
}

/**
 * Sends `features` to the tile worker piece by piece (each built just before it is sent) and has it
 * cut them into the vector layer `layer` under `key`, dropping `replaces` (the key it takes over
 * from), drawn in `datum` (the worker shifts the stored WGS84 features over a GCJ-02 basemap).
 * Resolves once its tiles can be asked for, with the zoom they are drawn from; the UI thread never
 * holds more than a piece's copy.
 */
export async function publishTiles(
  key: string,
  layer: string,
  features: TiledFeatures,
  replaces?: string,
  datum: BasemapDatum = 'wgs84',
): Promise<{ readonly features: number; readonly minZoom: number }> {
  const service = tiles();
  for (let at = 0; at < features.count; at += CHUNK)
    await service.stage(key, features.slice(at, Math.min(at + CHUNK, features.count)), datum);
  return service.publish(key, layer, replaces);
}

/** Forgets the tiles of `key` (its map was removed). */
export function dropTiles(key: string): void {
  if (remote !== null) void remote.drop(key);
}
