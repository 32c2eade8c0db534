/**
 * A vector tile server's source layers, read the way the leader sets it up in 底图设置: an XYZ/TMS
 * template of Mapbox Vector Tiles says nothing of what its tiles hold, so tiles over the township are
 * fetched by the host (the same `tiles:fetch` / `/tile-proxy` path the map's tiles take) and read
 * (vector-tile.ts), from a street zoom outwards until one has layers. Each way it can fail is named.
 */
import type { TileFetchOutcome } from '../ipc/contract';
import type { LonLat } from '../model/geo';
import { servesZoom, tileAnswer, tileUrl, type TileEndpoint } from './endpoint';
import { tileAt } from './tile-math';
import { readVectorTile } from './vector-tile';

export const VECTOR_PROBE_KEYS = [
  'basemap.vector.unreachable',
  'basemap.vector.httpStatus',
  'basemap.vector.image',
  'basemap.vector.notTile',
  'basemap.vector.empty',
] as const;

export type VectorProbe =
  | { readonly ok: true; readonly layers: readonly string[] }
  | {
      readonly ok: false;
      readonly key: (typeof VECTOR_PROBE_KEYS)[number];
      readonly params: Readonly<Record<string, string>>;
    };

/** The zoom the layers are read at first (a street map's), then every third zoom out. */
export const PROBE_FIRST_ZOOM = 14;

/** The zooms read, most detailed first, within what the endpoint serves. */
export function probeZooms(endpoint: TileEndpoint): number[] {
  const zooms: number[] = [];
  for (let z = Math.min(PROBE_FIRST_ZOOM, endpoint.maxZoom); z >= endpoint.minZoom; z -= 3)
    if (servesZoom(endpoint, z)) zooms.push(z);
  return zooms;
}

/**
 * The source layers of the endpoint's tiles at `at` (the township's centre): those of the first tile
 * that has any, or why none could be read. A tile that is an image, or neither an image nor a vector
 * tile, ends the search at once: the template is wrong, not the place.
 */
export async function probeVectorLayers(
  endpoint: TileEndpoint,
  at: LonLat,
  fetchTile: (url: string) => Promise<TileFetchOutcome>,
): Promise<VectorProbe> {
  let notFound: string | null = null;
  let answered = false;
  for (const z of probeZooms(endpoint)) {
    const url = tileUrl(endpoint, tileAt(at[0], at[1], z));
    const outcome = await fetchTile(url);
    if (outcome.kind !== 'answered')
      return { ok: false, key: 'basemap.vector.unreachable', params: { url, reason: outcome.reason } };
    const answer = tileAnswer(outcome.status, 'other');
    if (answer.kind === 'refused')
      return { ok: false, key: 'basemap.vector.httpStatus', params: { url, status: String(outcome.status) } };
    if (outcome.status === 404) {
      notFound ??= url;
      continue;
    }
    answered = true;
    if (answer.kind === 'empty' || outcome.bytes.byteLength === 0) continue;
    const read = readVectorTile(outcome.bytes);
    if (read.kind === 'image') return { ok: false, key: 'basemap.vector.image', params: { url } };
    if (read.kind === 'invalid')
      return { ok: false, key: 'basemap.vector.notTile', params: { url, type: outcome.contentType || '?' } };
    if (read.names.length > 0) return { ok: true, layers: read.names };
  }
  // Not one tile found anywhere is a wrong address, not an empty map.
  if (!answered && notFound !== null)
    return { ok: false, key: 'basemap.vector.httpStatus', params: { url: notFound, status: '404' } };
  return { ok: false, key: 'basemap.vector.empty', params: { url: endpoint.template } };
}
