/**
 * The sample township's stand-in for the officers' phones: every tick each officer on duty walks a
 * little (30–120 m) in a random direction, staying inside the patrol areas of their team, and reports
 * the new point. Only ever used with the synthetic sample; a real centre receives real reports.
 */
import { booleanPointInPolygon } from '@turf/turf';
import { asGeoJson, type LonLat } from '../model/geo';
import type { Officer, PatrolArea } from '../model/organisation';
import type { PositionReport } from './reports';

const METRES_PER_DEGREE_LAT = 111_320;

/** A deterministic random source in [0, 1) (mulberry32), so a simulated walk can be replayed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/** One step of the walk: a report per on-duty officer with a position, at `now` (epoch ms). */
export function simulatePatrolStep(
  officers: readonly Officer[],
  patrolAreas: readonly PatrolArea[],
  now: number,
  random: () => number,
): PositionReport[] {
  const areasOfTeam = new Map<string, PatrolArea[]>();
  for (const area of patrolAreas) {
    const list = areasOfTeam.get(area.teamId) ?? [];
    list.push(area);
    areasOfTeam.set(area.teamId, list);
  }
  const reports: PositionReport[] = [];
  for (const officer of officers) {
    if (officer.status === 'off-duty' || officer.position === undefined) continue;
    const areas = areasOfTeam.get(officer.teamId) ?? [];
    const shapes = areas.map((a) => asGeoJson(a.geometry) as GeoJSON.Polygon | GeoJSON.MultiPolygon);
    const inside = (p: LonLat): boolean =>
      shapes.length === 0 || shapes.some((shape) => booleanPointInPolygon([p[0], p[1]], shape));
    let next: LonLat = officer.position;
    for (let attempt = 0; attempt < 6; attempt += 1) {
      const distance = 30 + random() * 90;
      const bearing = random() * 2 * Math.PI;
      const dLat = (distance * Math.cos(bearing)) / METRES_PER_DEGREE_LAT;
      const dLon =
        (distance * Math.sin(bearing)) /
        (METRES_PER_DEGREE_LAT * Math.cos((officer.position[1] * Math.PI) / 180));
      const candidate: LonLat = [officer.position[0] + dLon, officer.position[1] + dLat];
      if (inside(candidate)) {
        next = candidate;
        break;
      }
    }
    reports.push({ officerId: officer.id, position: next, at: now });
  }
  return reports;
}
