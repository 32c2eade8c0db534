import { describe, expect, it } from 'vitest';
import type { BBox } from '../model/geo';
import { DOWNLOAD_MAX_TILES, MiB } from './cache-policy';
import {
  TYPICAL_TILE_BYTES,
  areaHolds,
  createPace,
  mayDownloadOffline,
  planOfflineDownload,
  remainingPlaces,
  tileBoxOf,
  tilesToUnpin,
  type OfflineArea,
} from './offline-area';
import { countTiles, tileAt, tileRange, tilesIn } from './tile-math';
import { wgs84ToGcj02 } from '../geo/china-offsets';

const BOX: BBox = [119.9, 32.4, 120.3, 32.7];
const layer = (id: string, meanTileBytes: number | null = null) => ({
  id,
  minZoom: 1,
  maxZoom: 18,
  meanTileBytes,
});
const input = {
  box: BOX,
  datum: 'wgs84' as const,
  minZoom: 10,
  maxZoom: 14,
  layers: [layer('tdt-vec', 30_000), layer('tdt-cva')],
  capBytes: 2048 * MiB,
  pinnedBytes: 0,
};

describe('planning an offline download', () => {
  it('counts every layer of every place and sizes it from the cached tiles, or a typical tile', () => {
    const places = countTiles(BOX, 10, 14);
    expect(planOfflineDownload(input)).toEqual({
      places,
      tiles: places * 2,
      bytes: places * (30_000 + TYPICAL_TILE_BYTES),
      refused: null,
    });
  });

  it('refuses past the tile limit, naming the count and the limit', () => {
    const plan = planOfflineDownload({ ...input, maxZoom: 18 });
    expect(plan.tiles).toBeGreaterThan(DOWNLOAD_MAX_TILES);
    expect(plan.refused).toEqual({
      key: 'basemap.download.tooMany',
      params: { max: DOWNLOAD_MAX_TILES, tiles: plan.tiles },
    });
  });

  it("refuses what, with the areas already kept, would not fit under the cache's cap", () => {
    const plan = planOfflineDownload({ ...input, capBytes: 100 * MiB, pinnedBytes: 90 * MiB });
    expect(plan.refused).toEqual({
      key: 'offlineMap.refused.overCap',
      params: { mib: Math.ceil(plan.bytes / MiB), pinnedMib: 90, capMib: 100 },
    });
    expect(planOfflineDownload({ ...input, capBytes: 100 * MiB }).refused).toBeNull();
  });

  it('refuses zooms the basemap does not serve, no basemap to download, and a box that is not one', () => {
    const refusedKey = (over: Partial<typeof input>) => planOfflineDownload({ ...input, ...over }).refused;
    expect(refusedKey({ maxZoom: 19 })).toEqual({
      key: 'offlineMap.refused.zooms',
      params: { min: 1, max: 18 },
    });
    expect(refusedKey({ minZoom: 15, maxZoom: 14 })?.key).toBe('offlineMap.refused.zooms');
    expect(refusedKey({ layers: [] })?.key).toBe('offlineMap.refused.noLayers');
    expect(refusedKey({ box: [120.3, 32.4, 119.9, 32.7] })?.key).toBe('offlineMap.refused.noBox');
  });

  it('is for a shift leader or an operator, not the read-only account', () => {
    expect([
      mayDownloadOffline('leader'),
      mayDownloadOffline('operator'),
      mayDownloadOffline('viewer'),
    ]).toEqual([true, true, false]);
  });
});

const area = (id: string, box: BBox, done = Infinity): OfflineArea => ({
  id,
  name: id,
  bbox: box,
  minZoom: 10,
  maxZoom: 12,
  choice: 'tianditu-vec',
  sources: ['tdt-vec', 'tdt-cva'],
  places: countTiles(box, 10, 12),
  done: Math.min(done, countTiles(box, 10, 12)),
  tiles: 0,
  bytes: 0,
  status: 'done',
  reason: null,
  createdAt: 0,
});

describe('removing an offline area', () => {
  it('unpins its tiles, but those another area holds', () => {
    const big = area('big', BOX);
    const small = area('small', [120.0, 32.46, 120.05, 32.5]);
    const freed = [...tilesToUnpin(big, [small])];
    const all = [...tilesIn(BOX, 10, 12)];
    expect(freed).toHaveLength(all.length * 2 - [...tilesIn(small.bbox, 10, 12)].length * 2);
    expect(freed.every(({ source, tile }) => !areaHolds(small, source, tile))).toBe(true);
  });

  it('unpins only the places a stopped download reached', () => {
    expect([...tilesToUnpin(area('half', BOX, 5), [])]).toHaveLength(10);
  });
});

describe('the download pace', () => {
  it('starts at most n requests a second, however many ask at once', () => {
    const pace = createPace(8);
    expect([pace.next(0), pace.next(0), pace.next(0)]).toEqual([0, 125, 250]);
    // Idle for a while: the next one goes at once, and no burst is saved up.
    expect([pace.next(10_000), pace.next(10_000)]).toEqual([0, 125]);
  });
});

describe('an area over a GCJ-02 basemap', () => {
  const township: BBox = [119.95, 32.83, 120.02, 32.9];

  it('fetches the tiles where the basemap draws the box, the shifted strip included', () => {
    expect(tileBoxOf(township, 'wgs84')).toEqual(township);
    const box = tileBoxOf(township, 'gcj02');
    const [w, s, e, n] = township;
    for (const corner of [
      [w, s],
      [e, s],
      [e, n],
      [w, n],
    ] as const) {
      const [x, y] = wgs84ToGcj02(corner);
      expect(x >= box[0] && x <= box[2] && y >= box[1] && y <= box[3], `${corner}`).toBe(true);
    }
    // It keeps the box itself, and grows by the shift (about 500 m east here, and a little south).
    expect(box[0] <= w && box[1] <= s && box[2] >= e && box[3] >= n).toBe(true);
    expect(box[2] - e).toBeGreaterThan(0.004);
    expect(countTiles(box, 17, 17)).toBeGreaterThan(countTiles(township, 17, 17));
  });

  it('counts the places where the basemap draws the box, the shifted strip included', () => {
    const over = { ...input, box: township, minZoom: 17, maxZoom: 17 };
    expect(planOfflineDownload(over).places).toBe(countTiles(township, 17, 17));
    expect(planOfflineDownload({ ...over, datum: 'gcj02' }).places).toBe(
      countTiles(tileBoxOf(township, 'gcj02'), 17, 17),
    );
  });

  it('downloads and holds the tiles of its tile box; an area kept before it had one uses its box', () => {
    const tileBox = tileBoxOf(township, 'gcj02');
    const zoomed = { ...area('gcj', township), minZoom: 17, maxZoom: 17 };
    const shifted = { ...zoomed, tileBox, places: countTiles(tileBox, 17, 17), done: 0 };
    expect([...remainingPlaces(shifted)]).toHaveLength(countTiles(tileBox, 17, 17));
    // The tile at the north-east corner as drawn on the GCJ-02 basemap, at z17: east of the box's own tiles.
    const drawn = wgs84ToGcj02([township[2], township[3]]);
    const tile = tileAt(drawn[0], drawn[1], 17);
    expect(tile.x).toBeGreaterThan(tileRange(township, 17).maxX);
    expect(areaHolds(shifted, 'tdt-vec', tile)).toBe(true);
    const old = { ...zoomed, done: 0 };
    expect(areaHolds(old, 'tdt-vec', tile)).toBe(false);
    expect([...remainingPlaces(old)]).toHaveLength(countTiles(township, 17, 17));
  });
});
