/// <reference lib="webworker" />
import { expose, transfer } from 'comlink';
import { GridLocator, type LocatableArea } from '../../shared/spatial';
import type { GridHit } from '../../shared/assignment/responsibility';

/**
 * Heavy spatial work off the UI thread: the grid locator is built and queried here. The UI reaches it
 * through the typed {@link SpatialService} (comlink), never through postMessage.
 */
let locator: GridLocator | null = null;

const service = {
  /** Builds the locator for a grid set; replaces the previous one. Returns the build time in ms. */
  load(grids: readonly LocatableArea[]): number {
    const start = performance.now();
    locator = new GridLocator(grids);
    return performance.now() - start;
  },

  /**
   * Grid indices for many points (-1 outside), in chunks: after each chunk `progress(done, total)` is
   * awaited, and answering false cancels the run (the result is then null).
   */
  async locateAll(
    lon: Float64Array,
    lat: Float64Array,
    progress: (done: number, total: number) => boolean | Promise<boolean>,
  ): Promise<Int32Array | null> {
    // Keep the locator this run started with: a reload between chunks must not mix two grid sets.
    const current = locator;
    if (!current) throw new Error('spatial worker: no grids loaded');
    const out = new Int32Array(lon.length);
    for (let start = 0; start < lon.length; start += CHUNK) {
      const end = Math.min(start + CHUNK, lon.length);
      current.locateMany(lon.subarray(start, end), lat.subarray(start, end), out.subarray(start, end));
      if (!(await progress(end, lon.length))) return null;
    }
    return transfer(out, [out.buffer]);
  },

  /** The grid containing a WGS84 lon/lat, or the nearest grid when outside. */
  locate(lon: number, lat: number): GridHit {
    if (!locator) throw new Error('spatial worker: no grids loaded');
    const result = locator.locate(lon, lat);
    if (result.kind === 'inside') return { kind: 'inside', code: result.code };
    return {
      kind: 'outside',
      nearest: result.nearest ? { code: result.nearest.code, distanceM: result.nearest.distanceM } : null,
    };
  },
};

export type SpatialService = typeof service;

/** Points per chunk between progress reports in {@link service.locateAll}. */
const CHUNK = 2_000;

expose(service);
