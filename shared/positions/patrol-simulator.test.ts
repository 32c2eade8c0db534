/**
 * The sample's patrol simulator on the sample township's own roads and patrol areas: its invariants
 * over two simulated hours (on a road, inside the areas, at a walking or driving speed, pausing), a
 * dispatched officer going to the case by road, staying on scene and coming back, and the same walk
 * for the same seed.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import { generateTownship, SAMPLE_SEED } from '../sample/township';
import type { TownshipDataset } from '../model/dataset';
import { asGeoJson, type LonLat } from '../model/geo';
import type { Case } from '../model/case';
import type { Officer } from '../model/organisation';
import { roadNetworkFor, type RoadNetwork } from '../roads/network';
import { snapToNetwork } from '../roads/snap';
import { greatCircleM } from '../roads/frame';
import {
  CALL_WINDOW_MS,
  DRIVE_MPS,
  ON_SCENE_MS,
  WALK_MPS,
  createPatrolSimulation,
  seededRandom,
  simulatorCalls,
} from './patrol-simulator';
import type { PositionReport } from './reports';

let ds: TownshipDataset;
let net: RoadNetwork;
beforeAll(() => {
  ds = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
  net = roadNetworkFor(ds.basemap.roads);
});

const T0 = Date.UTC(2026, 11, 3, 1, 0);
const STEP_MS = 15_000;

/** Runs the simulation `steps` steps, officers moving to where they were reported (as the app stores them). */
function run(
  seed: number,
  steps: number,
  callsAt: (now: number) => Parameters<ReturnType<typeof createPatrolSimulation>['step']>[2] = () => [],
) {
  const sim = createPatrolSimulation(net, ds.patrolAreas, seededRandom(seed));
  let officers: Officer[] = ds.officers.map((o) => ({ ...o }));
  const reports: PositionReport[][] = [];
  const activities: Map<string, string | null>[] = [];
  for (let i = 0; i <= steps; i += 1) {
    const now = T0 + i * STEP_MS;
    const batch = sim.step(officers, now, callsAt(now));
    reports.push(batch);
    activities.push(new Map(officers.map((o) => [o.id, sim.activity(o.id)])));
    const at = new Map(batch.map((r) => [r.officerId, r.position]));
    officers = officers.map((o) => (at.has(o.id) ? { ...o, position: at.get(o.id), positionAt: now } : o));
  }
  return { sim, reports, activities };
}

const areaShapes = (teamId: string) =>
  ds.patrolAreas
    .filter((a) => a.teamId === teamId)
    .map((a) => asGeoJson(a.geometry) as GeoJSON.Polygon | GeoJSON.MultiPolygon);

/** Metres from a point to the team's areas (0 inside). */
function outsideM(teamId: string, p: LonLat): number {
  const shapes = areaShapes(teamId);
  if (shapes.some((s) => booleanPointInPolygon([p[0], p[1]], s))) return 0;
  return Math.min(
    ...shapes.map((s) =>
      Math.abs(pointToPolygonDistance([p[0], p[1]], s as GeoJSON.Polygon, { units: 'meters' })),
    ),
  );
}

describe('the sample patrol simulator', () => {
  it('keeps every officer on a road, inside their areas, at a walking or driving pace, over two hours', () => {
    const { sim, reports } = run(7, 480);
    const teamOf = new Map(ds.officers.map((o) => [o.id, o.teamId]));
    const onDuty = ds.officers.filter((o) => o.status !== 'off-duty' && o.position !== undefined);
    expect(onDuty.length).toBeGreaterThan(5);
    // Off duty: no reports.
    for (const batch of reports)
      expect(batch.map((r) => r.officerId).sort()).toEqual(onDuty.map((o) => o.id).sort());
    let paused = 0;
    let moved = 0;
    for (let i = 1; i < reports.length; i += 1) {
      const before = new Map(reports[i - 1]!.map((r) => [r.officerId, r.position]));
      for (const r of reports[i]!) {
        expect(snapToNetwork(net, r.position)!.offsetM, `${r.officerId} on a road`).toBeLessThan(1);
        // Roads between two junctions inside an area may cut a corner of it; never far.
        expect(outsideM(teamOf.get(r.officerId)!, r.position), `${r.officerId} in its areas`).toBeLessThan(
          60,
        );
        const step = greatCircleM(before.get(r.officerId)!, r.position);
        const top = (sim.drives(r.officerId) ? DRIVE_MPS[1] : WALK_MPS[1]) * (STEP_MS / 1000);
        expect(step).toBeLessThanOrEqual(top + 0.5);
        if (step < 0.01) paused += 1;
        else moved += 1;
      }
    }
    // They mostly move, and sometimes stop.
    expect(moved).toBeGreaterThan(paused * 4);
    expect(paused).toBeGreaterThan(0);
    // Someone walks and someone drives.
    const drivers = onDuty.filter((o) => sim.drives(o.id)).length;
    expect(drivers).toBeGreaterThan(0);
    expect(drivers).toBeLessThan(onDuty.length);
  });

  it('walks the same way for the same seed, and another way for another', () => {
    const a = run(11, 40).reports.at(-1);
    const b = run(11, 40).reports.at(-1);
    const c = run(12, 40).reports.at(-1);
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
  });

  it('sends a dispatched officer to the case by road, keeps them on scene, then back to patrol', () => {
    const officer = ds.officers.find(
      (o) =>
        o.status !== 'off-duty' &&
        o.position !== undefined &&
        !createPatrolSimulation(net, [], () => 0).drives(o.id),
    )!;
    // A case across the township: another team's area, far from the officer.
    const farArea = ds.patrolAreas.find((a) => a.teamId !== officer.teamId)!;
    const ring = (asGeoJson(farArea.geometry) as GeoJSON.Polygon).coordinates[0]!;
    const location: LonLat = [
      ring.reduce((s, p) => s + p[0]!, 0) / ring.length,
      ring.reduce((s, p) => s + p[1]!, 0) / ring.length,
    ];
    const dispatchedAt = T0 + 10 * STEP_MS;
    const call = { officerId: officer.id, caseId: 'case-1', location, dispatchedAt };
    const { sim, reports, activities } = run(3, 900, (now) =>
      now >= dispatchedAt && now - dispatchedAt < CALL_WINDOW_MS ? [call] : [],
    );
    const track = reports.map((batch) => batch.find((r) => r.officerId === officer.id)!.position);
    const doing = activities.map((a) => a.get(officer.id));
    expect(doing.slice(0, 10).every((a) => a === 'patrol' || a === 'pause')).toBe(true);
    expect(doing[11]).toBe('to-case');
    const arrived = doing.indexOf('on-scene');
    expect(arrived, 'reaches the case').toBeGreaterThan(11);
    // It went by road at walking pace: no faster than the straight line allows.
    const straight = greatCircleM(track[10]!, location);
    expect((arrived - 10) * (STEP_MS / 1000) * WALK_MPS[1]).toBeGreaterThanOrEqual(straight - 500);
    // On scene: standing still, at the road junction next to the case, for at least the shortest stay.
    const left = doing.indexOf('patrol', arrived);
    expect(left - arrived).toBeGreaterThanOrEqual(Math.floor(ON_SCENE_MS[0] / STEP_MS) - 1);
    expect(new Set(track.slice(arrived, left).map((p) => p.join())).size).toBe(1);
    const snap = snapToNetwork(net, location)!;
    const junction = snap.t < 0.5 ? net.edgeFrom[snap.edge]! : net.edgeTo[snap.edge]!;
    expect(track[arrived]).toEqual(net.nodes[junction]);
    // Then back: at the end inside their own areas again, patrolling.
    expect(outsideM(officer.teamId, track.at(-1)!)).toBeLessThan(60);
    expect(sim.activity(officer.id)).not.toBe('on-scene');
  });

  it('takes the calls of open cases dispatched within the last hour, the newest per officer', () => {
    const base = ds.cases[0]!;
    const mk = (id: string, stage: Case['stage'], at: number, officerIds: string[]): Case => ({
      ...base,
      id,
      stage,
      officerIds,
      steps: [{ stage: 'dispatched', at, actor: 'op' }],
    });
    const now = T0;
    const calls = simulatorCalls(
      [
        mk('old', 'handling', now - CALL_WINDOW_MS - 1, ['a']),
        mk('new', 'dispatched', now - 60_000, ['a', 'b']),
        mk('newer', 'handling', now - 30_000, ['b']),
        mk('closed', 'closed', now - 1000, ['c']),
      ],
      now,
    );
    expect(calls.map((c) => [c.officerId, c.caseId]).sort()).toEqual([
      ['a', 'new'],
      ['b', 'newer'],
    ]);
  });
});
