import type { Xy } from './shapes';
import { pointAlong, scatter } from './shapes';
import type { SamplePlaces } from './basemap';
import type { PlaceKind } from './matters';
import type { Rng } from './random';

/** Where an incident happened, in metres, and how a reporter would name the spot. */
export interface IncidentSpot {
  readonly at: Xy;
  readonly address: string;
}

const SIDES = ['门口', '周边', '东侧', '西侧', '南侧', '北侧', '对面'];
const BANKS = ['东岸', '西岸', '南岸', '北岸', '桥边'];
const POI_SPREAD: Partial<Record<PlaceKind, number>> = {
  market: 70,
  school: 60,
  construction: 120,
  factory: 150,
};

/**
 * Draws a spot of the given kind from the basemap places: near a market, school, site or factory; along a road
 * or a waterway; in the town centre, a village or the fields. `fieldsName` names open country at a point (e.g. the
 * community there). Falls back to the town centre when the basemap has no place of that kind.
 */
export function drawSpot(
  kind: PlaceKind,
  places: SamplePlaces,
  rng: Rng,
  fieldsName: (at: Xy) => string,
): IncidentSpot {
  const number = (): number => rng.int(1, 288);
  const spread = POI_SPREAD[kind];
  if (spread !== undefined) {
    const candidates = places.pois.filter((p) => p.kind === kind);
    if (candidates.length > 0) {
      const poi = rng.pick(candidates);
      return { at: scatter(poi.at, spread, rng), address: `${poi.name}${rng.pick(SIDES)}` };
    }
  }
  if (kind === 'road') {
    const major = places.roads.filter((r) => r.rank !== 'minor');
    const road = rng.chance(0.8) && major.length > 0 ? rng.pick(major) : rng.pick(places.roads);
    const on = pointAlong(road.path, rng);
    return { at: scatter(on, 12, rng), address: `${road.name}${number()}号附近` };
  }
  if (kind === 'village' && places.villages.length > 0) {
    const v = rng.pick(places.villages);
    return { at: scatter(v.at, v.radius * 0.6, rng), address: `${v.name}${rng.int(1, 12)}组` };
  }
  if (kind === 'water' && places.waters.length > 0) {
    const w = rng.pick(places.waters);
    return { at: scatter(pointAlong(w.path, rng), 20, rng), address: `${w.name}${rng.pick(BANKS)}` };
  }
  if (kind === 'farmland') {
    const r = 6000;
    const at: Xy = [places.centre[0] + rng.range(-r, r), places.centre[1] + rng.range(-r, r)];
    return { at, address: `${fieldsName(at)}${rng.int(1, 15)}组田间` };
  }
  const streets = places.roads.filter((r) => r.rank === 'main');
  const at = scatter(places.centre, 450, rng);
  const street = streets.length > 0 ? rng.pick(streets).name : '人民路';
  return { at, address: `${street}${number()}号` };
}
