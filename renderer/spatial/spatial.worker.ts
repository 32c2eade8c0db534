/// <reference lib="webworker" />
import { expose } from 'comlink';
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

expose(service);
