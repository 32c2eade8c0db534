import { bbox, booleanPointInPolygon } from '@turf/turf';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recommendDispatch, type RecommendInput } from '../assignment/recommend';
import type { BasemapRoad } from '../model/basemap';
import type { Case } from '../model/case';
import { asGeoJson, type AreaGeometry, type LonLat } from '../model/geo';
import type { Matter } from '../model/matter';
import type { Officer, Team } from '../model/organisation';
import { SAMPLE_ANCHOR_MS } from '../sample/township';
import { roadDistancesFrom } from './distance';
import { greatCircleM } from './frame';
import { buildRoadNetwork } from './network';
import { readCommitted } from '../sample/test-committed';

interface SampleTownship {
  readonly township: { readonly boundary: AreaGeometry };
  readonly basemap: { readonly roads: BasemapRoad[] };
  readonly officers: Officer[];
  readonly teams: Team[];
  readonly matters: Matter[];
}

/** Random points inside the township boundary, from a seeded generator. */
function pointsInside(boundary: AreaGeometry, count: number, seed: number): LonLat[] {
  const [w, s, e, n] = bbox(asGeoJson(boundary));
  const candidates = fc.sample(
    fc.tuple(fc.double({ min: w, max: e, noNaN: true }), fc.double({ min: s, max: n, noNaN: true })),
    { numRuns: count * 4, seed },
  );
  return candidates
    .filter((p) => booleanPointInPolygon(p, asGeoJson(boundary) as GeoJSON.Polygon | GeoJSON.MultiPolygon))
    .slice(0, count);
}

describe('the committed sample road network', () => {
  it('joins most random pairs of points inside the township, never shorter than the straight line', async () => {
    const sample = (await readCommitted('township.json')) as SampleTownship;
    expect(sample.basemap.roads.length).toBeGreaterThan(10);
    const net = buildRoadNetwork(sample.basemap.roads);
    const points = pointsInside(sample.township.boundary, 400, 20261101);
    expect(points.length).toBe(400);
    let pairs = 0;
    let reached = 0;
    for (let k = 0; k < points.length; k += 20) {
      const origin = points[k] as LonLat;
      const targets = points.slice(k + 1, k + 20);
      roadDistancesFrom(net, origin, targets).forEach((d, j) => {
        pairs += 1;
        if (d === null) return;
        reached += 1;
        expect(d).toBeGreaterThanOrEqual(greatCircleM(origin, targets[j] as LonLat) - 0.01);
      });
    }
    expect(reached / pairs).toBeGreaterThan(0.9);
  });

  it('ranks officers by road distance deterministically, bands in order within each group', async () => {
    const sample = (await readCommitted('township.json')) as SampleTownship;
    const cases = (await readCommitted('cases.json')) as Case[];
    const withRoads = buildRoadNetwork(sample.basemap.roads);
    const rebuilt = buildRoadNetwork(sample.basemap.roads);
    const matter = sample.matters.find((m) => m.needsCertified);
    for (const [k, point] of pointsInside(sample.township.boundary, 30, 7).entries()) {
      const team = sample.teams[k % sample.teams.length];
      const input: RecommendInput = {
        point,
        responsibility: team ? { kind: 'inside', team } : { kind: 'outside' },
        matter,
        officers: sample.officers,
        openCases: cases,
        now: SAMPLE_ANCHOR_MS,
        options: { maxPositionAgeMs: Infinity },
        roads: withRoads,
      };
      const first = recommendDispatch(input);
      expect(recommendDispatch(input)).toEqual(first);
      expect(recommendDispatch({ ...input, roads: rebuilt })).toEqual(first);
      expect(first.ranked.length).toBeGreaterThan(0);
      // The first `limit` (5) rows, group by group, go up in 100 m bands of road distance + busy penalty.
      const rows = first.ranked.slice(0, 5).map((r) => {
        const metres = r.roadDistanceM ?? Number.NaN;
        expect(r.reasons).toContainEqual({ key: 'roadDistance', metres: Math.round(metres) });
        expect(metres).toBeGreaterThanOrEqual(r.distanceM - 0.01);
        return { inTeam: r.inTeam, band: Math.floor((metres + (r.status === 'busy' ? 1000 : 0)) / 100) };
      });
      for (let j = 1; j < rows.length; j += 1) {
        const [a, b] = [rows[j - 1], rows[j]];
        if (a && b && a.inTeam === b.inTeam) expect(a.band).toBeLessThanOrEqual(b.band);
      }
    }
  });
});
