/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import { area, difference, featureCollection, intersect, kinks } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import Flatbush from 'flatbush';
import type { GridCode } from '../grid/code';
import { asGeoJson, type AreaGeometry, type LonLat } from '../model/geo';
import type { LocatableArea } from './grid-locator';
import { dissolveAreas } from './dissolve';
import { interiorsMeet } from './overlap-test';
import { boundaryDistanceM, buildPolygonStore, containsPoint } from './polygon-store';

/** Which ring of a grid: part index (0 for a Polygon) and ring index (0 the exterior, then holes). */
export interface RingRef {
  readonly part: number;
  readonly ring: number;
}

/**
 * One problem found in a grid set. `error`s make the set unfit to tile a township; `warning`s (winding
 * against RFC 7946) do not change which grid a point falls in.
 */
export type GridSetIssue<C extends string = GridCode> =
  | {
      readonly kind: 'too-few-points';
      readonly severity: 'error';
      readonly code: C;
      readonly ring: RingRef;
      readonly points: number;
    }
  | { readonly kind: 'unclosed-ring'; readonly severity: 'error'; readonly code: C; readonly ring: RingRef }
  | {
      readonly kind: 'wrong-winding';
      readonly severity: 'warning';
      readonly code: C;
      readonly ring: RingRef;
      readonly expected: 'counter-clockwise' | 'clockwise';
    }
  | {
      readonly kind: 'self-intersection';
      readonly severity: 'error';
      readonly code: C;
      readonly at: readonly LonLat[];
    }
  /** Two grids cover the same ground; areaM2 is the area of their intersection. */
  | {
      readonly kind: 'overlap';
      readonly severity: 'error';
      readonly codes: readonly [C, C];
      readonly areaM2: number;
      readonly at: LonLat;
    }
  /** Ground inside the township (or enclosed by grids) that no grid covers; codes are the grids bordering it. */
  | {
      readonly kind: 'gap';
      readonly severity: 'error';
      readonly codes: readonly C[];
      readonly areaM2: number;
      readonly at: LonLat;
    }
  /** A geometry the overlay library could not process; the overlap/gap checks skipped it. */
  | {
      readonly kind: 'overlay-failed';
      readonly severity: 'error';
      readonly codes: readonly C[];
      readonly message: string;
    };

export interface GridSetReport<C extends string = GridCode> {
  /** True when there is no issue of severity error. */
  readonly ok: boolean;
  readonly issues: readonly GridSetIssue<C>[];
}

export interface ValidateOptions {
  /** Overlaps and gaps smaller than this many m² are ignored as rounding slivers; default 1 m². */
  readonly minAreaM2?: number;
  /** The township boundary: ground inside it that no grid covers is reported as a gap too. */
  readonly boundary?: AreaGeometry;
  /**
   * The caller has already checked each geometry on its own (the import's checkGeometries: ring
   * length, closure, self-intersection) and passes only sound ones: the per-grid checks are skipped.
   */
  readonly shapesChecked?: boolean;
}

function polygonsOf(geometry: AreaGeometry): readonly (readonly (readonly LonLat[])[])[] {
  return geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
}

/** Twice the signed area (shoelace) in degrees²: positive for a counter-clockwise ring. */
function signedArea2(ring: readonly LonLat[]): number {
  let sum = 0;
  for (let k = 0; k + 1 < ring.length; k++) {
    const [ax, ay] = ring[k]!;
    const [bx, by] = ring[k + 1]!;
    sum += ax * by - bx * ay;
  }
  return sum;
}

function structuralIssues<C extends string>(grid: LocatableArea<C>): GridSetIssue<C>[] {
  const issues: GridSetIssue<C>[] = [];
  const code = grid.code;
  polygonsOf(grid.geometry).forEach((rings, part) => {
    rings.forEach((ringCoords, ring) => {
      const ref = { part, ring };
      if (ringCoords.length < 4) {
        issues.push({
          kind: 'too-few-points',
          severity: 'error',
          code,
          ring: ref,
          points: ringCoords.length,
        });
        return;
      }
      const first = ringCoords[0]!;
      const last = ringCoords[ringCoords.length - 1]!;
      if (first[0] !== last[0] || first[1] !== last[1]) {
        issues.push({ kind: 'unclosed-ring', severity: 'error', code, ring: ref });
        return;
      }
      const ccw = signedArea2(ringCoords) > 0;
      if (ccw !== (ring === 0)) {
        issues.push({
          kind: 'wrong-winding',
          severity: 'warning',
          code,
          ring: ref,
          expected: ring === 0 ? 'counter-clockwise' : 'clockwise',
        });
      }
    });
  });
  if (issues.some((i) => i.severity === 'error')) return issues;
  const found = kinks(asGeoJson(grid.geometry) as Polygon | MultiPolygon).features;
  if (found.length > 0) {
    const at = found.map((f) => [f.geometry.coordinates[0]!, f.geometry.coordinates[1]!] as const);
    issues.push({ kind: 'self-intersection', severity: 'error', code, at });
  }
  return issues;
}

function firstPosition(feature: Feature<Polygon | MultiPolygon>): LonLat {
  const g = feature.geometry;
  const p: Position | undefined = g.type === 'Polygon' ? g.coordinates[0]?.[0] : g.coordinates[0]?.[0]?.[0];
  return [p?.[0] ?? Number.NaN, p?.[1] ?? Number.NaN];
}

/**
 * Checks that a grid set can tile a township: each geometry on its own (too few points, unclosed rings,
 * winding, self-intersection), then overlaps between grids (pairs with intersecting bounding boxes, Turf
 * intersect, after an exact edge test has cleared the pairs that only share a border) and gaps (holes in
 * the union of all grids, dissolved by cancelling shared edges, plus with `boundary` the ground of the
 * township no grid covers), each named by grid code with its area in m² (Turf's spherical area). Grids with structural
 * errors are left out of the overlap and gap checks. Never throws: problems are returned as values.
 */
export function validateGridSet<C extends string = GridCode>(
  grids: readonly LocatableArea<C>[],
  options: ValidateOptions = {},
): GridSetReport<C> {
  const minArea = options.minAreaM2 ?? 1;
  const issues: GridSetIssue<C>[] = [];
  const sound: LocatableArea<C>[] = [];
  for (const grid of grids) {
    const own = options.shapesChecked === true ? [] : structuralIssues(grid);
    issues.push(...own);
    if (!own.some((i) => i.severity === 'error')) sound.push(grid);
  }
  const features = sound.map(
    (g) =>
      ({ type: 'Feature', properties: {}, geometry: asGeoJson(g.geometry) }) as Feature<
        Polygon | MultiPolygon
      >,
  );
  if (sound.length > 0) {
    const store = buildPolygonStore(sound.map((g) => g.geometry));
    const tree = new Flatbush(sound.length);
    for (let g = 0; g < sound.length; g++)
      tree.add(
        store.bbox[4 * g] as number,
        store.bbox[4 * g + 1] as number,
        store.bbox[4 * g + 2] as number,
        store.bbox[4 * g + 3] as number,
      );
    tree.finish();
    // Overlaps, pairwise over touching bounding boxes.
    for (let i = 0; i < sound.length; i++) {
      const hits = tree.search(
        store.bbox[4 * i] as number,
        store.bbox[4 * i + 1] as number,
        store.bbox[4 * i + 2] as number,
        store.bbox[4 * i + 3] as number,
      );
      const boxOf = (g: number) =>
        [
          store.bbox[4 * g] as number,
          store.bbox[4 * g + 1] as number,
          store.bbox[4 * g + 2] as number,
          store.bbox[4 * g + 3] as number,
        ] as const;
      for (const j of hits) {
        if (j <= i) continue;
        // Neighbours sharing a border are the common case: an exact edge test clears them quickly.
        const meet = interiorsMeet(
          sound[i]!.geometry,
          sound[j]!.geometry,
          boxOf(i),
          boxOf(j),
          (x, y) => containsPoint(store, i, x, y),
          (x, y) => containsPoint(store, j, x, y),
        );
        if (!meet) continue;
        try {
          const common = intersect(featureCollection([features[i]!, features[j]!]));
          const m2 = common ? area(common) : 0;
          if (common && m2 >= minArea) {
            issues.push({
              kind: 'overlap',
              severity: 'error',
              codes: [sound[i]!.code, sound[j]!.code],
              areaM2: m2,
              at: firstPosition(common),
            });
          }
        } catch (e) {
          issues.push({
            kind: 'overlay-failed',
            severity: 'error',
            codes: [sound[i]!.code, sound[j]!.code],
            message: String(e),
          });
        }
      }
    }
    // Gaps: holes of the union, and with a boundary the uncovered rest of the township.
    try {
      const dissolved = dissolveAreas(sound.map((g) => g.geometry));
      const merged: Feature<Polygon | MultiPolygon> | null = dissolved
        ? { type: 'Feature', properties: {}, geometry: asGeoJson(dissolved) as Polygon | MultiPolygon }
        : null;
      const gaps: Feature<Polygon>[] = [];
      if (merged) {
        const g = merged.geometry;
        for (const rings of g.type === 'Polygon' ? [g.coordinates] : g.coordinates) {
          for (const hole of rings.slice(1))
            gaps.push({
              type: 'Feature',
              properties: {},
              geometry: { type: 'Polygon', coordinates: [hole] },
            });
        }
      }
      if (options.boundary) {
        const township: Feature<Polygon | MultiPolygon> = {
          type: 'Feature',
          properties: {},
          geometry: asGeoJson(options.boundary) as Polygon | MultiPolygon,
        };
        const rest = merged ? difference(featureCollection([township, merged])) : township;
        const rg = rest?.geometry;
        for (const rings of rg ? (rg.type === 'Polygon' ? [rg.coordinates] : rg.coordinates) : []) {
          gaps.push({
            type: 'Feature',
            properties: {},
            geometry: { type: 'Polygon', coordinates: [rings[0]!] },
          });
        }
      }
      const kx =
        (Math.PI / 180) *
        6_371_008.8 *
        Math.cos((((store.bbox[1] as number) + (store.bbox[3] as number)) / 2) * (Math.PI / 180));
      const ky = (Math.PI / 180) * 6_371_008.8;
      for (const gap of gaps) {
        const m2 = area(gap);
        if (m2 < minArea) continue;
        const ring = gap.geometry.coordinates[0]!;
        let w = Infinity,
          s = Infinity,
          e = -Infinity,
          n = -Infinity;
        for (const [x, y] of ring) {
          w = Math.min(w, x!);
          e = Math.max(e, x!);
          s = Math.min(s, y!);
          n = Math.max(n, y!);
        }
        const codes = tree
          .search(w, s, e, n)
          .filter((gi) => ring.some(([x, y]) => boundaryDistanceM(store, gi, x!, y!, kx, ky) < 0.05))
          .sort((a, b) => a - b)
          .map((gi) => sound[gi]!.code);
        issues.push({ kind: 'gap', severity: 'error', codes, areaM2: m2, at: [ring[0]![0]!, ring[0]![1]!] });
      }
    } catch (e) {
      issues.push({
        kind: 'overlay-failed',
        severity: 'error',
        codes: sound.map((g) => g.code),
        message: String(e),
      });
    }
  }
  return { ok: !issues.some((i) => i.severity === 'error'), issues };
}
