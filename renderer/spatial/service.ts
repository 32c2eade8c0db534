import { GridLocator, type LocatableArea } from '../../shared/spatial';
import type { GridHit } from '../../shared/assignment/responsibility';

/** Points per chunk between progress reports in {@link SpatialService.locateAll}. */
const CHUNK = 2_000;

/**
 * Spatial work over one grid set: the grid locator (shared/spatial) is built by `load` and queried by
 * `locate` and `locateAll`. The window runs it in the spatial worker (spatial.worker.ts); tests run the
 * same code on their own thread (same-thread.ts).
 */
export interface SpatialService {
  /**
   * Holds grids for the next `load`, which takes them before its own: a large grid set arrives in
   * chunks, each a short copy on the UI thread, instead of in one message that blocks it.
   */
  stage(grids: readonly LocatableArea[]): void;
  /**
   * Builds the locator for the staged grids and then `grids`; replaces the previous one and empties
   * the stage. Returns the build time in ms.
   */
  load(grids: readonly LocatableArea[]): number;
  /**
   * Grid indices for many points (-1 outside), in chunks: after each chunk `progress(done, total)` is
   * awaited, and answering false cancels the run (the result is then null).
   */
  locateAll(
    lon: Float64Array,
    lat: Float64Array,
    progress: (done: number, total: number) => boolean | Promise<boolean>,
  ): Promise<Int32Array | null>;
  /** The grid containing a WGS84 lon/lat, or the nearest grid when outside. */
  locate(lon: number, lat: number): GridHit;
}

/** A fresh spatial service with no grids loaded. */
export function createSpatialService(): SpatialService {
  let locator: GridLocator | null = null;
  let staged: LocatableArea[] = [];
  return {
    stage(grids) {
      for (const g of grids) staged.push(g);
    },
    load(grids) {
      const start = performance.now();
      const all = staged.length === 0 ? grids : [...staged, ...grids];
      staged = [];
      locator = new GridLocator(all);
      return performance.now() - start;
    },

    async locateAll(lon, lat, progress) {
      // Keep the locator this run started with: a reload between chunks must not mix two grid sets.
      const current = locator;
      if (!current) throw new Error('spatial worker: no grids loaded');
      const out = new Int32Array(lon.length);
      for (let start = 0; start < lon.length; start += CHUNK) {
        const end = Math.min(start + CHUNK, lon.length);
        current.locateMany(lon.subarray(start, end), lat.subarray(start, end), out.subarray(start, end));
        if (!(await progress(end, lon.length))) return null;
      }
      return out;
    },

    locate(lon, lat) {
      if (!locator) throw new Error('spatial worker: no grids loaded');
      const result = locator.locate(lon, lat);
      if (result.kind === 'inside') return { kind: 'inside', code: result.code };
      return {
        kind: 'outside',
        nearest: result.nearest ? { code: result.nearest.code, distanceM: result.nearest.distanceM } : null,
      };
    },
  };
}
