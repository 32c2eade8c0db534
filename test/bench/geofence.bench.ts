import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import { asGeoJson, type LonLat } from '../../shared/model/geo';
import { areasByTeam, geofenceRule, watchFixes } from '../../shared/positions/geofence';
import { applyPositionReports, type PositionReport } from '../../shared/positions/reports';
import { generateTownship, SAMPLE_ANCHOR_MS, SAMPLE_SEED } from '../../shared/sample/township';
import { measure, report } from './harness';

/** As many devices as `npm run bench -- positions` reports from: one batch of the feed at its busiest. */
const DEVICES = 2_000;
/** The straightforward placement (Turf's geodesic distance to every edge) is timed on fewer fixes. */
const TURF_FIXES = 200;

/**
 * 越界告警 on the position path: one batch of 2,000 fixes judged by watchFixes against the sample's
 * patrol areas, every officer inside, and every officer 0.03° (about 2.7 km) east of where the sample
 * puts them (outside, so each fix also measures its distance to the team's areas); against the
 * position path's own pure step on the same batch (applyPositionReports, the baseline), and the
 * straightforward placement with Turf (booleanPointInPolygon, then pointToPolygonDistance per area),
 * which the rule first used, per fix.
 */
export async function benchGeofence(): Promise<Record<string, number>> {
  const ds = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
  const placed = ds.officers.filter((o) => o.position !== undefined);
  const officers = Array.from({ length: DEVICES }, (_, i) => {
    const o = placed[i % placed.length]!;
    return { ...o, id: `bench-${i}`, status: 'patrolling' as const };
  });
  const batch = (dLon: number, at: number): PositionReport[] =>
    officers.map((o) => ({ officerId: o.id, position: [o.position![0] + dLon, o.position![1]], at }));
  const inside = batch(0, SAMPLE_ANCHOR_MS);
  const outside = batch(0.03, SAMPLE_ANCHOR_MS);
  const context = {
    officers: new Map(officers.map((o) => [o.id, o])),
    areasOfTeam: areasByTeam(ds.patrolAreas),
    rule: geofenceRule(),
  };
  const empty = { watches: new Map(), alerts: new Map() };

  const base = measure('applyPositionReports (baseline)', () =>
    applyPositionReports(officers, inside, SAMPLE_ANCHOR_MS),
  );
  const prepare = measure('areasByTeam (once per batch)', () => areasByTeam(ds.patrolAreas));
  const judgedIn = measure('watchFixes, all inside', () => watchFixes(empty, inside, context));
  const judgedOut = measure('watchFixes, all outside', () => watchFixes(empty, outside, context));
  const shapes = new Map<string, (GeoJSON.Polygon | GeoJSON.MultiPolygon)[]>();
  for (const a of ds.patrolAreas)
    shapes.set(a.teamId, [
      ...(shapes.get(a.teamId) ?? []),
      asGeoJson(a.geometry) as GeoJSON.Polygon | GeoJSON.MultiPolygon,
    ]);
  const turfPlace = (p: LonLat, teamId: string): number => {
    const team = shapes.get(teamId) ?? [];
    if (team.some((s) => booleanPointInPolygon([p[0], p[1]], s))) return 0;
    return Math.min(...team.map((s) => pointToPolygonDistance([p[0], p[1]], s, { units: 'meters' })));
  };
  const few = outside.slice(0, TURF_FIXES);
  const turf = measure(
    `Turf placement, ${TURF_FIXES} outside`,
    () => few.map((f, i) => turfPlace(f.position, officers[i]!.teamId)),
    { warmup: 1, runs: 3 },
  );
  report(
    `geofence: ${DEVICES} fixes against ${ds.patrolAreas.length} patrol areas`,
    [base, prepare, judgedIn, judgedOut, turf],
    base,
  );
  const perFixUs = (ms: number, n: number): number => (ms * 1000) / n;
  return {
    fixes: DEVICES,
    applyMs: base.medianMs,
    areasByTeamMs: prepare.medianMs,
    insideMs: judgedIn.medianMs,
    outsideMs: judgedOut.medianMs,
    insideOverApply: judgedIn.medianMs / base.medianMs,
    outsideOverApply: judgedOut.medianMs / base.medianMs,
    outsidePerFixUs: perFixUs(judgedOut.medianMs, DEVICES),
    turfOutsidePerFixUs: perFixUs(turf.medianMs, TURF_FIXES),
    turfOverOurs: perFixUs(turf.medianMs, TURF_FIXES) / perFixUs(judgedOut.medianMs, DEVICES),
  };
}
