import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { AreaGeometry, LonLat } from '../model/geo';
import { asTurfArea } from './turf-geometry';

/**
 * Finds which of a few hundred area geometries contains a point: a bbox pre-filter, then Turf's
 * point-in-polygon. Good enough for the sample; the app's spatial index lives elsewhere.
 * A point exactly on an edge shared by two areas goes to the first area in list order.
 */
export function createAreaLocator(areas: readonly AreaGeometry[]): (point: LonLat) => number {
  const boxes = areas.map((a) => bbox(asTurfArea(a)));
  return (point) => {
    for (let k = 0; k < areas.length; k++) {
      const b = boxes[k] as number[];
      if (
        point[0] < (b[0] as number) ||
        point[0] > (b[2] as number) ||
        point[1] < (b[1] as number) ||
        point[1] > (b[3] as number)
      )
        continue;
      if (booleanPointInPolygon([point[0], point[1]], asTurfArea(areas[k] as AreaGeometry))) return k;
    }
    return -1;
  };
}
