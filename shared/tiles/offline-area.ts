/**
 * Offline areas (离线地图下载): a box of lon/lat and a zoom range of one network basemap (all its layers:
 * 天地图's base and its annotation), downloaded into the tile cache ahead of need and kept there (pinned:
 * not evicted by the size cap) until the area is removed. The rules here are pure: what a planned
 * download would fetch and why it is refused, which tile a download goes on from, how fast it may ask
 * the provider, and which tiles an area's removal frees.
 */
import type { Role } from '../cases/loop-types';
import { wgs84ToGcj02 } from '../geo/china-offsets';
import type { BBox, LonLat } from '../model/geo';
import type { BasemapChoice, BasemapDatum } from './basemaps';
import { estimateDownload } from './cache-policy';
import { MAX_TILE_ZOOM, countTiles, tileRange, tilesIn, type TileId } from './tile-math';

/**
 * Requests in flight at once, and the most tiles asked for per second, across all layers: 天地图's
 * terms and a county server's operators expect a polite client, and the key is the centre's own (its
 * daily quota is about 10,000 tiles). At 8 tiles/s a 10,000-tile area takes about 21 minutes.
 */
export const DOWNLOAD_CONCURRENCY = 3;
export const DOWNLOAD_MAX_PER_SECOND = 8;
/** Tile places fetched and then written in one transaction, with the resume cursor. */
export const DOWNLOAD_BATCH = 8;
/** A raster tile's typical size when the cache holds none of the source yet (bytes). */
export const TYPICAL_TILE_BYTES = 20 * 1024;

/** The roles that may download an area into their own PC's cache (not the read-only wall/county account). */
export const mayDownloadOffline = (role: Role | undefined): boolean =>
  role === 'leader' || role === 'operator';

export type OfflineAreaStatus = 'running' | 'paused' | 'failed' | 'done';

/** Why a download stopped, as an i18n key and its parameters. */
export interface OfflineReason {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/** A downloaded (or downloading) area, as kept in the tile cache's database. */
export interface OfflineArea {
  readonly id: string;
  readonly name: string;
  readonly bbox: BBox;
  /**
   * The box its tiles are counted in: `bbox` as the basemap draws it ({@link tileBoxOf}: a GCJ-02
   * basemap draws a place ~500 m off its WGS84 position). Absent (areas kept before it existed) is `bbox`.
   */
  readonly tileBox?: BBox;
  readonly minZoom: number;
  readonly maxZoom: number;
  /** The basemap choice it was downloaded for (its layers are found again from the centre's settings). */
  readonly choice: BasemapChoice;
  /** The tile cache's source ids of its layers, bottom first. */
  readonly sources: readonly string[];
  /** Tile places (each one tile of every layer) in the area, and how many are done: the resume cursor. */
  readonly places: number;
  readonly done: number;
  /** Tiles stored and their bytes so far. */
  readonly tiles: number;
  readonly bytes: number;
  readonly status: OfflineAreaStatus;
  readonly reason: OfflineReason | null;
  readonly createdAt: number;
}

/** What a planned download would fetch, and why it is refused (null when it may start). */
export interface OfflinePlan {
  readonly places: number;
  readonly tiles: number;
  readonly bytes: number;
  readonly refused: OfflineReason | null;
}

export interface OfflinePlanInput {
  /** The area's box, WGS84 lon/lat (as stored). */
  readonly box: BBox;
  /** The datum the basemap draws in: its tiles are counted where it draws the box ({@link tileBoxOf}). */
  readonly datum: BasemapDatum;
  readonly minZoom: number;
  readonly maxZoom: number;
  /** The basemap's layers: their source ids, the zooms they serve, and the mean size of a cached tile (or null). */
  readonly layers: readonly {
    readonly id: string;
    readonly minZoom: number;
    readonly maxZoom: number;
    readonly meanTileBytes: number | null;
  }[];
  /** The cache's size cap and the bytes offline areas already hold there (pinned). */
  readonly capBytes: number;
  readonly pinnedBytes: number;
}

const validBox = ([w, s, e, n]: BBox): boolean =>
  [w, s, e, n].every(Number.isFinite) && w < e && s < n && w >= -180 && e <= 180 && s >= -90 && n <= 90;

/**
 * Counts a planned download (tile places × layers, the places where the basemap draws the box) and
 * sizes it from the layers' mean cached tile (or
 * {@link TYPICAL_TILE_BYTES}); refuses an empty basemap, a box that is not one, zooms outside what the
 * layers serve, more than DOWNLOAD_MAX_TILES (cache-policy.ts) tiles, and a size that with what areas already
 * pin would not fit under the cache's cap (pinned tiles are never evicted, so they must fit).
 */
export function planOfflineDownload(input: OfflinePlanInput): OfflinePlan {
  const none = (refused: OfflineReason): OfflinePlan => ({ places: 0, tiles: 0, bytes: 0, refused });
  if (input.layers.length === 0) return none({ key: 'offlineMap.refused.noLayers', params: {} });
  if (!validBox(input.box)) return none({ key: 'offlineMap.refused.noBox', params: {} });
  const lo = Math.max(...input.layers.map((l) => l.minZoom));
  const hi = Math.min(...input.layers.map((l) => l.maxZoom), MAX_TILE_ZOOM);
  const { minZoom, maxZoom } = input;
  if (
    !Number.isInteger(minZoom) ||
    !Number.isInteger(maxZoom) ||
    minZoom < lo ||
    maxZoom > hi ||
    minZoom > maxZoom
  )
    return none({ key: 'offlineMap.refused.zooms', params: { min: lo, max: hi } });
  const places = countTiles(tileBoxOf(input.box, input.datum), minZoom, maxZoom);
  const perPlace = input.layers.reduce((n, l) => n + (l.meanTileBytes ?? TYPICAL_TILE_BYTES), 0);
  const tiles = places * input.layers.length;
  const estimate = estimateDownload(tiles, perPlace / input.layers.length);
  if (estimate.refused !== null)
    return { places, tiles, bytes: estimate.bytes, refused: { ...estimate.refused } };
  if (estimate.bytes + input.pinnedBytes > input.capBytes)
    return {
      places,
      tiles,
      bytes: estimate.bytes,
      refused: {
        key: 'offlineMap.refused.overCap',
        params: {
          mib: Math.ceil(estimate.bytes / 1048576),
          pinnedMib: Math.ceil(input.pinnedBytes / 1048576),
          capMib: Math.floor(input.capBytes / 1048576),
        },
      },
    };
  return { places, tiles, bytes: estimate.bytes, refused: null };
}

/**
 * The box of tiles that draw a WGS84 box on a basemap in `datum`: the box itself for WGS84; for
 * GCJ-02, the box together with its shifted outline (corners and edge midpoints; the shift varies
 * by metres across a township), so the strip the shift uncovers is fetched too.
 */
export function tileBoxOf(box: BBox, datum: BasemapDatum): BBox {
  if (datum === 'wgs84') return box;
  const [w, s, e, n] = box;
  const [mx, my] = [(w + e) / 2, (s + n) / 2];
  const outline: LonLat[] = [
    [w, s],
    [mx, s],
    [e, s],
    [e, my],
    [e, n],
    [mx, n],
    [w, n],
    [w, my],
  ];
  const shifted = outline.map((p) => wgs84ToGcj02(p));
  const lons = [w, e, ...shifted.map((p) => p[0])];
  const lats = [s, n, ...shifted.map((p) => p[1])];
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

const tileBoxOfArea = (area: OfflineArea): BBox => area.tileBox ?? area.bbox;

/** The tile places of an area from its cursor on: a download resumed after a restart goes on from `done`. */
export const remainingPlaces = (area: OfflineArea): Generator<TileId> =>
  tilesIn(tileBoxOfArea(area), area.minZoom, area.maxZoom, area.done);

/** Whether `area` holds `tile` of `source` (its layers, its zooms, its box). */
export function areaHolds(area: OfflineArea, source: string, tile: TileId): boolean {
  if (!area.sources.includes(source) || tile.z < area.minZoom || tile.z > area.maxZoom) return false;
  const r = tileRange(tileBoxOfArea(area), tile.z);
  return tile.x >= r.minX && tile.x <= r.maxX && tile.y >= r.minY && tile.y <= r.maxY;
}

/**
 * The tiles an area's removal unpins: those of its done places that no other area still holds (two
 * areas may overlap; a tile stays pinned while any area holds it). Unpinned tiles stay in the cache as
 * ordinary tiles, evicted least recently used first like any other.
 */
export function* tilesToUnpin(
  removed: OfflineArea,
  others: readonly OfflineArea[],
): Generator<{ source: string; tile: TileId }> {
  let i = 0;
  for (const tile of tilesIn(tileBoxOfArea(removed), removed.minZoom, removed.maxZoom)) {
    if (i >= removed.done) return;
    i += 1;
    for (const source of removed.sources)
      if (!others.some((o) => areaHolds(o, source, tile))) yield { source, tile };
  }
}

/**
 * A pace of at most `perSecond` starts a second: `next(now)` gives how long (ms) to wait before the
 * next request may start, and books its slot.
 */
export function createPace(perSecond: number): { next(now: number): number } {
  const gap = 1000 / perSecond;
  let slot = -Infinity;
  return {
    next(now) {
      slot = Math.max(now, slot + gap);
      return slot - now;
    },
  };
}
