// Test helpers for the spatial tests: hand-made rectangles and the committed sample township.
import type { TownshipDataset } from '../model/dataset';
import type { LonLat } from '../model/geo';
import type { LocatableArea } from './grid-locator';

/** A counter-clockwise axis-aligned rectangle ring, closed. */
export function rect(w: number, s: number, e: number, n: number): LonLat[] {
  return [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
}

export function box(code: string, w: number, s: number, e: number, n: number): LocatableArea<string> {
  return { code, geometry: { type: 'Polygon', coordinates: [rect(w, s, e, n)] } };
}

/** The committed sample township, read through Vite's `?raw` import (shared/ code may not use node:fs). */
export async function readSampleTownship(): Promise<TownshipDataset> {
  const path = '../../resources/sample/township.json?raw';
  const mod: unknown = await import(/* @vite-ignore */ path);
  if (typeof mod !== 'object' || mod === null || !('default' in mod) || typeof mod.default !== 'string') {
    throw new Error('resources/sample/township.json did not load as text');
  }
  return JSON.parse(mod.default) as TownshipDataset;
}
