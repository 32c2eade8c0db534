/**
 * The map's way to a local basemap file's tiles: MapLibre asks `griddesk-local://<key>/z/x/y`, and the
 * file opened under that key (local-basemap.ts) answers, straight from the disk by byte range: local
 * tiles do not go through the network tile cache. A key is a short counter, not the file's id, so no
 * file name ever sits in a tile URL.
 */
import { addProtocol } from 'maplibre-gl';
import type { LocalBasemapFile, LocalProblem } from '../../shared/tiles/local-files';
import { LocalFileError, openLocalBasemap, type OpenedLocalBasemap } from './local-basemap';
import { emptyTile } from './tile-protocol';

export const LOCAL_TILE_PROTOCOL = 'griddesk-local';

/** What the map draws of an opened file: plain data, safe to hand to the controller. */
export interface LocalBasemapLayer {
  readonly key: string;
  readonly kind: 'raster' | 'vector';
  readonly minZoom: number;
  readonly maxZoom: number;
  readonly vectorLayers: readonly string[];
}

export const localTileTemplate = (key: string): string => `${LOCAL_TILE_PROTOCOL}://${key}/{z}/{x}/{y}`;

const opened = new Map<string, OpenedLocalBasemap>();
let registered = false;
let next = 0;

function register(): void {
  if (registered) return;
  registered = true;
  addProtocol(LOCAL_TILE_PROTOCOL, async (params, abort) => {
    const m = /^griddesk-local:\/\/(l\d+)\/(\d{1,2})\/(\d{1,8})\/(\d{1,8})$/.exec(params.url);
    const basemap = m === null ? undefined : opened.get(m[1] as string);
    if (m === null || basemap === undefined) throw new Error(`not an open local tile address: ${params.url}`);
    const data = await basemap.tile(Number(m[2]), Number(m[3]), Number(m[4]), abort.signal);
    if (data !== null) return { data };
    return { data: await emptyTile(basemap.kind) };
  });
}

/**
 * Opens a local file for the map (closing any opened before: one local basemap at a time), or says
 * why it cannot be drawn, naming the file.
 */
export async function openLocalLayer(
  file: LocalBasemapFile,
): Promise<{ ok: true; layer: LocalBasemapLayer } | { ok: false; problem: LocalProblem }> {
  register();
  try {
    const basemap = await openLocalBasemap(file, location.origin);
    opened.clear();
    const key = `l${++next}`;
    opened.set(key, basemap);
    const { kind, minZoom, maxZoom, vectorLayers } = basemap;
    return { ok: true, layer: { key, kind, minZoom, maxZoom, vectorLayers } };
  } catch (error) {
    if (error instanceof LocalFileError) return { ok: false, problem: error.problem };
    return {
      ok: false,
      problem: {
        key: 'basemap.local.unreadable',
        params: { file: file.name, reason: error instanceof Error ? error.message : String(error) },
      },
    };
  }
}
