/**
 * The geometry part of every centre step: each feature checked by the readers' checkGeometries, the
 * safe repairs applied when the context asks for them, and the area features turned into model
 * geometry with their area in m².
 */
import { area } from '@turf/turf';
import type { AreaGeometry, LonLat } from '../../model/geo';
import { checkGeometries, repairGeometry, type GeoFeature } from '../geo';
import type { IssueList } from './report';

export interface SoundArea {
  /** Index of the feature in the file (0-based). */
  readonly index: number;
  readonly geometry: AreaGeometry;
  /** Spherical area (Turf), square metres. */
  readonly areaM2: number;
}

/**
 * The area as the model keeps it: [lon, lat] positions only. KML from Google Earth or 奥维 writes a
 * height with every position (`lon,lat,0`), which the stored schema refuses.
 */
function lonLatOnly(geometry: GeoJSON.Polygon | GeoJSON.MultiPolygon): AreaGeometry {
  const ring = (positions: GeoJSON.Position[]): LonLat[] =>
    positions.map((p): LonLat => [p[0] as number, p[1] as number]);
  return geometry.type === 'Polygon'
    ? { type: 'Polygon', coordinates: geometry.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: geometry.coordinates.map((polygon) => polygon.map(ring)) };
}

/**
 * The features whose geometry is a sound polygon or multi-polygon, in file order; every other feature
 * gets an issue: no geometry, not an area, or what checkGeometries found. A problem with a safe repair
 * is an error offering it, or with `applyRepairs` a warning saying it was applied.
 */
export function soundAreas(
  features: readonly GeoFeature[],
  issues: IssueList,
  applyRepairs: boolean,
): (SoundArea | null)[] {
  const out: (SoundArea | null)[] = features.map(() => null);
  const problems = new Map<number, ReturnType<typeof checkGeometries>>();
  for (const problem of checkGeometries(features, issues.file)) {
    const list = problems.get(problem.index);
    if (list === undefined) problems.set(problem.index, [problem]);
    else list.push(problem);
  }
  features.forEach((feature, index) => {
    const type = feature.geometry?.type;
    if (feature.geometry !== null && type !== 'Polygon' && type !== 'MultiPolygon') {
      issues.feature('error', 'centreImport.geometry.notArea', index, { type: type ?? '' });
      return;
    }
    let repaired = feature;
    let found = problems.get(index) ?? [];
    // A closed ring is checked again (self-intersection and winding are checked on closed rings only).
    for (let round = 0; found.length > 0 && round < 3; round++) {
      let refused = false;
      for (const problem of found) {
        const repairable = problem.repair !== undefined && applyRepairs;
        issues.push({
          severity: repairable ? 'warning' : 'error',
          key: problem.key,
          params: { ...problem.params, feature: index + 1 },
          features: [index + 1],
          ...(problem.repair === undefined ? {} : { repair: problem.repair }),
          ...(repairable ? { repaired: true } : {}),
        });
        if (repairable && problem.repair !== undefined) repaired = repairGeometry(repaired, problem.repair);
        else refused = true;
      }
      if (refused) return;
      found = checkGeometries([repaired], issues.file);
    }
    if (found.length > 0 || repaired.geometry === null) return;
    const geometry = lonLatOnly(repaired.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon);
    out[index] = {
      index,
      geometry,
      areaM2: area(repaired.geometry as GeoJSON.Polygon | GeoJSON.MultiPolygon),
    };
  });
  return out;
}
