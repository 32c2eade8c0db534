/**
 * Geometry checks for the import's validation report: what is wrong with each feature, named by file,
 * feature number (1-based, as the operator counts) and ring, with a repair where one cannot change what
 * the geometry means: reversing rings wound the wrong way (RFC 7946: outer rings counter-clockwise,
 * holes clockwise) and closing a ring whose last position is missing. Self-intersections (a bow-tie)
 * and too-short rings have no safe repair: the operator fixes the source.
 */
import { booleanClockwise, rewind } from '@turf/turf';
import { allFinite } from './positions';
import { phaseReporter, type GeoProgress } from './progress';
import type { GeoFeature, GeoIssueKey } from './result';

export type GeometryRepair = 'rewind' | 'closeRings';

export interface GeometryProblem {
  readonly key: Extract<GeoIssueKey, `geoImport.geometry.${string}`>;
  /**
   * `file`, `feature` (1-based); per ring also `ring`: 1 is the outer ring, 2… the holes; in a
   * multi-polygon `2-1` is the outer ring of its second polygon.
   */
  readonly params: Readonly<Record<string, string | number>>;
  /** Index of the feature in the features array (0-based). */
  readonly index: number;
  readonly repair?: GeometryRepair;
}

type Ring = GeoJSON.Position[];

function polygonsOf(geometry: GeoJSON.Geometry): Ring[][] {
  if (geometry.type === 'Polygon') return [geometry.coordinates];
  if (geometry.type === 'MultiPolygon') return geometry.coordinates;
  return [];
}

const ringLabel = (multi: boolean, part: number, ring: number): string | number =>
  multi ? `${part + 1}-${ring + 1}` : ring + 1;

const samePosition = (a: GeoJSON.Position | undefined, b: GeoJSON.Position | undefined): boolean =>
  a !== undefined && b !== undefined && a[0] === b[0] && a[1] === b[1];

/**
 * The first crossing of any two segments of the rings, or null: Turf's `kinks` (7.4) to the letter —
 * the same pairs in the same order, segments next to each other (and a closed ring's first and last)
 * skipped, the same arithmetic, an end touching counted — but stopping at the first crossing and
 * allocating nothing per pair: on 200,000 polygons `kinks` was a fifth of the import.
 */
export function firstCrossing(rings: readonly Ring[]): [number, number] | null {
  for (const line1 of rings) {
    for (const line2 of rings) {
      const first = line1[0];
      const last = line1[line1.length - 1];
      const closed =
        first !== undefined && last !== undefined && first[0] === last[0] && first[1] === last[1];
      for (let i = 0; i < line1.length - 1; i++) {
        const p = line1[i] as GeoJSON.Position;
        const q = line1[i + 1] as GeoJSON.Position;
        const ax = p[0] as number;
        const ay = p[1] as number;
        const bx = q[0] as number;
        const by = q[1] as number;
        for (let k = i; k < line2.length - 1; k++) {
          if (line1 === line2) {
            if (k - i === 1) continue;
            if (i === 0 && k === line1.length - 2 && closed) continue;
          }
          const r = line2[k] as GeoJSON.Position;
          const s = line2[k + 1] as GeoJSON.Position;
          const cx = r[0] as number;
          const cy = r[1] as number;
          const dx = (s[0] as number) - cx;
          const dy = (s[1] as number) - cy;
          const denominator = dy * (bx - ax) - dx * (by - ay);
          if (denominator === 0) continue;
          const a0 = ay - cy;
          const b0 = ax - cx;
          const a = (dx * a0 - dy * b0) / denominator;
          const b = ((bx - ax) * a0 - (by - ay) * b0) / denominator;
          if (a >= 0 && a <= 1 && b >= 0 && b <= 1) return [ax + a * (bx - ax), ay + a * (by - ay)];
        }
      }
    }
  }
  return null;
}

/**
 * Checks every feature: no geometry; a non-finite coordinate (NaN, Infinity; nothing else is checked
 * then); per polygon ring fewer than 4 positions once closed, or not closed; then, when every ring is
 * sound, self-intersection (the first crossing's lon/lat is named) and ring orientation.
 * `onProgress` hears the `checking` phase.
 */
export function checkGeometries(
  features: readonly GeoFeature[],
  file: string,
  onProgress?: GeoProgress,
): GeometryProblem[] {
  const problems: GeometryProblem[] = [];
  const progress = phaseReporter('checking', features.length, onProgress);
  features.forEach((feature, index) => {
    progress.step(index);
    const base = { file, feature: index + 1 };
    const add = (
      key: GeometryProblem['key'],
      params: Record<string, string | number> = {},
      repair?: GeometryRepair,
    ) =>
      problems.push({
        key,
        params: { ...base, ...params },
        index,
        ...(repair === undefined ? {} : { repair }),
      });
    const { geometry } = feature;
    if (geometry === null) return add('geoImport.geometry.missing');
    if (!allFinite(geometry)) return add('geoImport.geometry.nonFinite');
    const polygons = polygonsOf(geometry);
    if (polygons.length === 0) return;
    const multi = geometry.type === 'MultiPolygon';
    let ringsSound = true;
    polygons.forEach((rings, p) =>
      rings.forEach((ring, r) => {
        const where = { ring: ringLabel(multi, p, r) };
        const closed = samePosition(ring[0], ring.at(-1)) && ring.length > 1;
        const closedLength = closed ? ring.length : ring.length + 1;
        if (closedLength < 4) {
          ringsSound = false;
          add('geoImport.geometry.ringTooShort', { ...where, count: closed ? ring.length - 1 : ring.length });
        } else if (!closed) {
          ringsSound = false;
          add('geoImport.geometry.ringNotClosed', where, 'closeRings');
        }
      }),
    );
    if (!ringsSound) return;
    const crossing = firstCrossing(polygons.flat());
    if (crossing !== null) {
      const [lon, lat] = crossing;
      add('geoImport.geometry.selfIntersects', { lon: Number(lon.toFixed(6)), lat: Number(lat.toFixed(6)) });
      return;
    }
    const wrong = polygons.flatMap((rings, p) =>
      rings.map((ring, r) => ({ p, r, wrong: booleanClockwise(ring) !== r > 0 })).filter((x) => x.wrong),
    );
    const first = wrong[0];
    if (first !== undefined) {
      add(
        'geoImport.geometry.wrongOrientation',
        { ring: ringLabel(multi, first.p, first.r), rings: wrong.length },
        'rewind',
      );
    }
  });
  progress.end();
  return problems;
}

/** The feature with the repair applied: a new object; the input is not changed. */
export function repairGeometry(feature: GeoFeature, repair: GeometryRepair): GeoFeature {
  const { geometry } = feature;
  if (geometry === null || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) return feature;
  if (repair === 'rewind') {
    return {
      ...feature,
      geometry: rewind(geometry, { mutate: false }) as GeoJSON.Polygon | GeoJSON.MultiPolygon,
    };
  }
  const close = (ring: Ring): Ring =>
    ring.length > 0 && !samePosition(ring[0], ring.at(-1))
      ? [...ring, [...(ring[0] as GeoJSON.Position)]]
      : ring;
  return {
    ...feature,
    geometry:
      geometry.type === 'Polygon'
        ? { type: 'Polygon', coordinates: geometry.coordinates.map(close) }
        : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((rings) => rings.map(close)) },
  };
}
