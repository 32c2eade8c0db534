import { wrap, type Remote } from 'comlink';
import { addProtocol } from 'maplibre-gl';
import type { Feature } from 'geojson';
import type { TileService } from './tile-service';
import { parseTileUrl, TILE_PROTOCOL } from './tile-url';

/**
 * Features per message to the tile worker: each message is copied on the UI thread, and 5,000 grid
 * polygons take a few milliseconds where 200,000 in one would block it for a second.
 */
const CHUNK = 5_000;

let remote: Remote<TileService> | null = null;

/** The window's tile worker, started on first use, with MapLibre told where its tiles come from. */
function tiles(): Remote<TileService> {
  if (remote === null) {
    const worker = new Worker(new URL('./tile.worker.ts', import.meta.url), { type: 'module' });
    const service = wrap<TileService>(worker);
    remote = service;
    // MapLibre's worker asks the UI thread for a URL of a scheme it does not know; this answers with
    // the tile's bytes from the tile worker, moved, not copied.
    addProtocol(TILE_PROTOCOL, async (params) => {
      const at = parseTileUrl(params.url);
      if (at === null) throw new Error(`not a map tile: ${params.url}`);
      const bytes = await service.tile(at.key, at.z, at.x, at.y);
      return { data: bytes.buffer };
    });
  }
  return remote;
}

/**
 * Sends `features` to the tile worker in chunks and has it cut them into the vector layer `layer`
 * under `key`, dropping `replaces` (the key it takes over from). Resolves once its tiles can be asked
 * for; the UI thread never holds more than a chunk's copy.
 */
export async function publishTiles(
  key: string,
  layer: string,
  features: readonly Feature[],
  replaces?: string,
): Promise<void> {
  const service = tiles();
  for (let at = 0; at < features.length; at += CHUNK)
    await service.stage(key, features.slice(at, at + CHUNK));
  await service.publish(key, layer, replaces);
}

/** Forgets the tiles of `key` (its map was removed). */
export function dropTiles(key: string): void {
  if (remote !== null) void remote.drop(key);
}
