/**
 * Web Mercator tiles (the "XYZ" scheme every web basemap uses, EPSG:3857, 2^z × 2^z tiles per zoom,
 * x eastward from 180°W, y southward from 85.0511°N): which tiles cover a box of lon/lat, how many there
 * are over a zoom range, and the n-th of them, so that an offline download can be counted before it
 * starts and resumed at the tile it reached.
 */
import type { BBox } from '../model/geo';

/** The latitude at which Web Mercator's square world ends (atan(sinh(π))). */
export const MERCATOR_MAX_LAT = 85.051_128_779_806_59;
/** The deepest zoom any basemap here serves. */
export const MAX_TILE_ZOOM = 22;

export interface TileId {
  readonly z: number;
  readonly x: number;
  readonly y: number;
}

/** The tile columns and rows, inclusive, that cover a box at one zoom. */
export interface TileRange {
  readonly z: number;
  readonly minX: number;
  readonly maxX: number;
  readonly minY: number;
  readonly maxY: number;
}

const clamp = (v: number, lo: number, hi: number): number => Math.min(hi, Math.max(lo, v));

/** The tile column and row (fractional) of a point at zoom `z`. */
export function tileCoordinates(lon: number, lat: number, z: number): { x: number; y: number } {
  const n = 2 ** z;
  const phi = (clamp(lat, -MERCATOR_MAX_LAT, MERCATOR_MAX_LAT) * Math.PI) / 180;
  const x = ((clamp(lon, -180, 180) + 180) / 360) * n;
  const y = ((1 - Math.log(Math.tan(phi) + 1 / Math.cos(phi)) / Math.PI) / 2) * n;
  return { x, y };
}

/** The tile that holds a point at zoom `z` (a point on the east or south edge of the world is in the last tile). */
export function tileAt(lon: number, lat: number, z: number): TileId {
  const last = 2 ** z - 1;
  const { x, y } = tileCoordinates(lon, lat, z);
  return { z, x: clamp(Math.floor(x), 0, last), y: clamp(Math.floor(y), 0, last) };
}

/** The north-west corner of tile (x, y) at zoom z, lon/lat degrees. */
export function tileCorner(x: number, y: number, z: number): readonly [number, number] {
  const n = 2 ** z;
  const lon = (x / n) * 360 - 180;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / n))) * 180) / Math.PI;
  return [lon, lat];
}

/** A tile's extent, [west, south, east, north] degrees. */
export function tileBox(tile: TileId): BBox {
  const [west, north] = tileCorner(tile.x, tile.y, tile.z);
  const [east, south] = tileCorner(tile.x + 1, tile.y + 1, tile.z);
  return [west, south, east, north];
}

/** The tiles that cover `box` at zoom `z`. */
export function tileRange(box: BBox, z: number): TileRange {
  const [west, south, east, north] = box;
  const nw = tileAt(west, north, z);
  const se = tileAt(east, south, z);
  return { z, minX: nw.x, maxX: se.x, minY: nw.y, maxY: se.y };
}

const rangeSize = (r: TileRange): number => (r.maxX - r.minX + 1) * (r.maxY - r.minY + 1);

function checkZooms(minZoom: number, maxZoom: number): void {
  if (
    !Number.isInteger(minZoom) ||
    !Number.isInteger(maxZoom) ||
    minZoom < 0 ||
    maxZoom > MAX_TILE_ZOOM ||
    minZoom > maxZoom
  )
    throw new RangeError(`zoom range ${minZoom}–${maxZoom} is not within 0–${MAX_TILE_ZOOM}`);
}

/** How many tiles cover `box` from `minZoom` to `maxZoom`, inclusive. */
export function countTiles(box: BBox, minZoom: number, maxZoom: number): number {
  checkZooms(minZoom, maxZoom);
  let count = 0;
  for (let z = minZoom; z <= maxZoom; z += 1) count += rangeSize(tileRange(box, z));
  return count;
}

/**
 * The tiles that cover `box` from `minZoom` to `maxZoom`, zoom by zoom, row by row, starting at the
 * `start`-th (0-based) of them: a download that stopped after n tiles goes on from `start = n`, with no
 * list of the tiles kept anywhere.
 */
export function* tilesIn(box: BBox, minZoom: number, maxZoom: number, start = 0): Generator<TileId> {
  checkZooms(minZoom, maxZoom);
  let skip = Math.max(0, Math.floor(start));
  for (let z = minZoom; z <= maxZoom; z += 1) {
    const r = tileRange(box, z);
    const size = rangeSize(r);
    if (skip >= size) {
      skip -= size;
      continue;
    }
    const width = r.maxX - r.minX + 1;
    for (let i = skip; i < size; i += 1)
      yield { z, x: r.minX + (i % width), y: r.minY + Math.floor(i / width) };
    skip = 0;
  }
}

/** Bing's quadkey of a tile (some county GIS servers and vendors address tiles by it). */
export function quadkey(tile: TileId): string {
  let key = '';
  for (let i = tile.z; i > 0; i -= 1) {
    const mask = 1 << (i - 1);
    key += String((tile.x & mask ? 1 : 0) + (tile.y & mask ? 2 : 0));
  }
  return key;
}
