import { describe, expect, it } from 'vitest';
import { DOWNLOAD_MAX_TILES, EVICT_TO, estimateDownload, evictionPlan, routeOf } from './cache-policy';

describe('the tile cache rules', () => {
  const day = 24 * 3600 * 1000;
  const now = 100 * day;

  it('serves a fresh or downloaded tile from the cache and asks the network for a stale or missing one', () => {
    expect(routeOf(undefined, now)).toBe('network');
    expect(routeOf({ fetchedAt: now - day, maxAgeMs: 30 * day }, now)).toBe('cache');
    expect(routeOf({ fetchedAt: now - 31 * day, maxAgeMs: 30 * day }, now)).toBe('network');
    expect(routeOf({ fetchedAt: now - 300 * day, maxAgeMs: 30 * day, pinned: true }, now)).toBe('cache');
  });

  it('evicts the least recently used tiles down to the low-water mark, only once over the cap', () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({ key: `t${i}`, bytes: 100, lastUsed: i }));
    expect(evictionPlan(entries, 1000, 1000)).toEqual({ keys: [], freedBytes: 0 });
    // 1,000 bytes held, cap 800: down to 720 (90 %), so three tiles of 100 go, oldest first.
    expect(EVICT_TO).toBe(0.9);
    expect(evictionPlan(entries, 1000, 800)).toEqual({ keys: ['t0', 't1', 't2'], freedBytes: 300 });
  });

  it('goes on down to the low-water mark once under way, though within the cap', () => {
    const entries = Array.from({ length: 10 }, (_, i) => ({ key: `t${i}`, bytes: 100, lastUsed: i }));
    // A first batch took 1,000 bytes to 790 under a cap of 800: the next goes on down to 720.
    expect(evictionPlan(entries, 790, 800)).toEqual({ keys: [], freedBytes: 0 });
    expect(evictionPlan(entries, 790, 800, true)).toEqual({ keys: ['t0'], freedBytes: 100 });
    expect(evictionPlan(entries, 720, 800, true)).toEqual({ keys: [], freedBytes: 0 });
  });

  it('reads no further than it needs', () => {
    let read = 0;
    function* lazily() {
      for (let i = 0; i < 1e6; i += 1) {
        read += 1;
        yield { key: `t${i}`, bytes: 1000, lastUsed: i };
      }
    }
    expect(evictionPlan(lazily(), 1e9, 1e9 - 5000).keys).toHaveLength(
      Math.ceil((1e9 - 0.9 * (1e9 - 5000)) / 1000),
    );
    expect(read).toBeLessThan(1e6);
  });

  it('estimates a download and refuses one past the limit, saying both numbers', () => {
    expect(estimateDownload(1200, 20_000)).toEqual({ tiles: 1200, bytes: 24_000_000, refused: null });
    expect(estimateDownload(DOWNLOAD_MAX_TILES + 1, 20_000).refused).toEqual({
      key: 'basemap.download.tooMany',
      params: { max: DOWNLOAD_MAX_TILES, tiles: DOWNLOAD_MAX_TILES + 1 },
    });
  });
});
