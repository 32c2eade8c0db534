/**
 * The sample township's stand-in for the officers' phones. Only ever used with the synthetic sample; a
 * real centre receives real reports. Its reports take the path real phones' take (renderer/app/
 * position-feed.ts receivePositions), so the map, the recommendations and the tracks see them alike.
 *
 * Each officer on duty moves along the township's roads inside the patrol areas of their team: on foot
 * (1.1–1.6 m/s) or, one officer in three, in the team's patrol car (6–11 m/s); at a junction they take
 * a road still inside the areas (not back the way they came unless it is a dead end), and now and then
 * stop for 30 s – 3 min. Dispatched to a case (派遣 within the last hour, naming them), they go by the
 * shortest road to it, stay on scene 15–30 minutes, and then come back into their areas and patrol on.
 * Deterministic for a random source: the same seed and the same steps give the same walk.
 */
import { booleanPointInPolygon } from '@turf/turf';
import type { Case } from '../model/case';
import { asGeoJson, type LonLat } from '../model/geo';
import type { Officer, PatrolArea } from '../model/organisation';
import type { RoadNetwork } from '../roads/network';
import { edgeBetween, nodePath } from '../roads/route';
import { snapToNetwork } from '../roads/snap';
import { toX, toY } from '../roads/frame';
import type { PositionReport } from './reports';

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

export const WALK_MPS = [1.1, 1.6] as const;
export const DRIVE_MPS = [6, 11] as const;
/** A dispatch older than this is not answered by going there (the officer was there long ago). */
export const CALL_WINDOW_MS = 60 * 60_000;
export const ON_SCENE_MS = [15 * 60_000, 30 * 60_000] as const;
export const PAUSE_MS = [30_000, 180_000] as const;
/** The chance of a stop at each junction passed. */
const PAUSE_CHANCE = 0.06;
/** A step longer than this (the page was asleep) moves as far as this does. */
const MAX_STEP_MS = 60_000;

/** A case an officer has been sent to: where, and when it was dispatched. */
export interface SimulatorCall {
  readonly officerId: string;
  readonly caseId: string;
  readonly location: LonLat;
  readonly dispatchedAt: number;
}

/** What a simulated officer is doing, for tests and the diagnostics. */
export type SimulatedActivity = 'patrol' | 'pause' | 'to-case' | 'on-scene';

export interface PatrolSimulation {
  /** One step at `now` (epoch ms): a report per officer on duty with a position. */
  step(officers: readonly Officer[], now: number, calls?: readonly SimulatorCall[]): PositionReport[];
  activity(officerId: string): SimulatedActivity | null;
  /** Whether an officer drives (the patrol car) rather than walks. */
  drives(officerId: string): boolean;
}

/** The calls of open cases dispatched within {@link CALL_WINDOW_MS} before `now`, one per officer named. */
export function simulatorCalls(cases: readonly Case[], now: number): SimulatorCall[] {
  const calls = new Map<string, SimulatorCall>();
  for (const c of cases) {
    if (c.stage !== 'dispatched' && c.stage !== 'handling') continue;
    const dispatched = c.steps.findLast((s) => s.stage === 'dispatched')?.at;
    if (dispatched === undefined || now - dispatched > CALL_WINDOW_MS || dispatched > now) continue;
    for (const officerId of c.officerIds ?? []) {
      const known = calls.get(officerId);
      if (known === undefined || known.dispatchedAt < dispatched)
        calls.set(officerId, { officerId, caseId: c.id, location: c.location, dispatchedAt: dispatched });
    }
  }
  return [...calls.values()];
}

interface Walker {
  /** The node last passed and the node heading to, along `edge`, `doneM` metres from `node`. */
  node: number;
  next: number;
  edge: number;
  doneM: number;
  readonly speed: number;
  pauseUntil: number;
  /** Nodes to pass after `next`, when going somewhere (a case, back into the areas). */
  route: number[];
  /** The case gone to, and until when on scene there (0 while on the way). */
  caseId: string | null;
  onSceneUntil: number;
  readonly handled: Set<string>;
  last: number;
}

function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

const between = (random: () => number, [lo, hi]: readonly [number, number]): number =>
  lo + random() * (hi - lo);

export function createPatrolSimulation(
  net: RoadNetwork,
  patrolAreas: readonly PatrolArea[],
  random: () => number,
): PatrolSimulation {
  const walkers = new Map<string, Walker>();
  const insideByTeam = new Map<string, Uint8Array>();
  const drives = (officerId: string): boolean => hash(officerId) % 3 === 0;

  /** Which nodes lie inside the team's patrol areas (a team without areas: every node). */
  function insideOf(teamId: string): Uint8Array {
    const known = insideByTeam.get(teamId);
    if (known) return known;
    const shapes = patrolAreas
      .filter((a) => a.teamId === teamId)
      .map((a) => asGeoJson(a.geometry) as GeoJSON.Polygon | GeoJSON.MultiPolygon);
    const inside = new Uint8Array(net.nodes.length);
    net.nodes.forEach((p, n) => {
      inside[n] = shapes.length === 0 || shapes.some((s) => booleanPointInPolygon([p[0], p[1]], s)) ? 1 : 0;
    });
    insideByTeam.set(teamId, inside);
    return inside;
  }

  const other = (edge: number, node: number): number =>
    net.edgeFrom[edge] === node ? (net.edgeTo[edge] ?? 0) : (net.edgeFrom[edge] ?? 0);
  const lengthOf = (edge: number): number => (edge < 0 ? 0 : (net.edgeLengthM[edge] ?? 0));

  /**
   * The inside node nearest a point of the network's frame in a straight line (in `component` when
   * given), for the way back into the areas.
   */
  function nearestInsideAt(inside: Uint8Array, x: number, y: number, component?: number): number | null {
    let best: number | null = null;
    let bestD = Infinity;
    for (let n = 0; n < inside.length; n += 1) {
      if (!inside[n] || (component !== undefined && net.component[n] !== component)) continue;
      const d = ((net.nodeX[n] ?? 0) - x) ** 2 + ((net.nodeY[n] ?? 0) - y) ** 2;
      if (d < bestD) [best, bestD] = [n, d];
    }
    return best;
  }

  const nearestInside = (inside: Uint8Array, node: number): number | null =>
    nearestInsideAt(inside, net.nodeX[node] ?? 0, net.nodeY[node] ?? 0, net.component[node]);

  /** Sets off from `w.node` towards `to`. */
  function head(w: Walker, to: number): void {
    w.next = to;
    w.edge = edgeBetween(net, w.node, to);
    w.doneM = 0;
  }

  /** Where to go on from a junction while patrolling: a road still inside, not back unless it must. */
  function patrolOn(w: Walker, came: number, inside: Uint8Array): void {
    const options: number[] = [];
    for (let k = net.adjStart[w.node] ?? 0; k < (net.adjStart[w.node + 1] ?? 0); k += 1) {
      const m = other(net.adjEdge[k] ?? 0, w.node);
      if (inside[m] && m !== w.node) options.push(m);
    }
    const onward = options.filter((m) => m !== came);
    const choice = onward.length > 0 ? onward : options;
    const picked = choice[Math.floor(random() * choice.length)];
    if (picked !== undefined) return head(w, picked);
    // Outside the areas (sent to a case beyond them, or started there): the way back in.
    const target = nearestInside(inside, w.node);
    const path = target === null ? null : nodePath(net, w.node, target);
    const first = path?.[1];
    if (path === null || first === undefined) {
      if (came >= 0) return head(w, came);
      // Nowhere to go (a road on its own): stand here.
      w.next = w.node;
      w.edge = -1;
      return;
    }
    w.route = path.slice(2);
    head(w, first);
  }

  /**
   * Where an officer joins the roads: the nearest road if it has a junction inside their areas (heading
   * for that one), else the inside junction nearest them, standing there until the next step.
   */
  function start(officer: Officer, at: LonLat, now: number): Walker | null {
    const snap = snapToNetwork(net, at);
    if (snap === null) return null;
    const inside = insideOf(officer.teamId);
    let [u, v] = [net.edgeFrom[snap.edge] ?? 0, net.edgeTo[snap.edge] ?? 0];
    let edge = snap.edge;
    let doneM = snap.t * lengthOf(edge);
    if (!inside[v] && inside[u]) [u, v, doneM] = [v, u, lengthOf(edge) - doneM];
    else if (!inside[v]) {
      const n = nearestInsideAt(inside, toX(net.frame, at[0]), toY(net.frame, at[1]));
      if (n === null) return null;
      [u, v, edge, doneM] = [n, n, -1, 0];
    }
    const [lo, hi] = drives(officer.id) ? DRIVE_MPS : WALK_MPS;
    return {
      node: u,
      next: v,
      edge,
      doneM,
      speed: lo + (hash(`${officer.id}:speed`) / 2 ** 32) * (hi - lo),
      pauseUntil: 0,
      route: [],
      caseId: null,
      onSceneUntil: 0,
      handled: new Set(),
      last: now,
    };
  }

  function positionOf(w: Walker): LonLat {
    const a = net.nodes[w.node] ?? [0, 0];
    if (w.next === w.node) return a;
    const b = net.nodes[w.next] ?? a;
    const len = lengthOf(w.edge);
    const t = len === 0 ? 0 : Math.min(1, w.doneM / len);
    return [a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1])];
  }

  /** Answers a new call: the shortest road from the node ahead to the case's nearest node. */
  function answer(w: Walker, call: SimulatorCall): void {
    w.handled.add(call.caseId);
    const snap = snapToNetwork(net, call.location);
    if (snap === null) return;
    const target = snap.t < 0.5 ? (net.edgeFrom[snap.edge] ?? 0) : (net.edgeTo[snap.edge] ?? 0);
    const path = nodePath(net, w.next, target);
    if (path === null) return;
    w.caseId = call.caseId;
    w.onSceneUntil = 0;
    w.pauseUntil = 0;
    w.route = path.slice(1);
  }

  function advance(w: Walker, officer: Officer, now: number, dtMs: number): void {
    const inside = insideOf(officer.teamId);
    let left = (w.speed * dtMs) / 1000;
    let from = w.last;
    // Bounded, so a knot of tiny edges can never hold the page.
    for (let hops = 0; left > 0 && hops < 10_000; hops += 1) {
      if (w.pauseUntil > from || w.onSceneUntil > from) return;
      // Standing at a junction (joined the roads there): set off along a road inside.
      if (w.edge < 0 && w.caseId === null) patrolOn(w, -1, inside);
      if (w.edge < 0) return;
      const rest = lengthOf(w.edge) - w.doneM;
      if (left < rest) {
        w.doneM += left;
        return;
      }
      left -= rest;
      from += (rest / w.speed) * 1000;
      const came = w.node;
      w.node = w.next;
      w.doneM = 0;
      const ahead = w.route.shift();
      if (ahead !== undefined) {
        head(w, ahead);
        continue;
      }
      if (w.caseId !== null && w.onSceneUntil === 0) {
        // Arrived: on scene, standing at the junction nearest the case.
        w.onSceneUntil = from + between(random, ON_SCENE_MS);
        w.next = w.node;
        w.edge = -1;
        return;
      }
      patrolOn(w, came, inside);
      if (random() < PAUSE_CHANCE) {
        w.pauseUntil = from + between(random, PAUSE_MS);
        return;
      }
    }
  }

  return {
    step(officers, now, calls = []) {
      const reports: PositionReport[] = [];
      const callOf = new Map(calls.map((c) => [c.officerId, c]));
      for (const officer of officers) {
        if (officer.status === 'off-duty' || officer.position === undefined) {
          walkers.delete(officer.id);
          continue;
        }
        let w = walkers.get(officer.id) ?? null;
        if (w === null) {
          w = start(officer, officer.position, now);
          if (w === null) continue;
          walkers.set(officer.id, w);
        } else {
          const call = callOf.get(officer.id);
          if (call !== undefined && !w.handled.has(call.caseId)) answer(w, call);
          if (w.onSceneUntil > 0 && w.onSceneUntil <= w.last) {
            // Done on scene: back to patrol from here.
            w.caseId = null;
            w.onSceneUntil = 0;
            w.pauseUntil = 0;
            patrolOn(w, -1, insideOf(officer.teamId));
          }
          advance(w, officer, now, Math.min(now - w.last, MAX_STEP_MS));
          w.last = now;
        }
        reports.push({ officerId: officer.id, position: positionOf(w), at: now });
      }
      return reports;
    },
    activity(officerId) {
      const w = walkers.get(officerId);
      if (w === undefined) return null;
      if (w.caseId !== null) return w.onSceneUntil > 0 ? 'on-scene' : 'to-case';
      return w.pauseUntil > w.last ? 'pause' : 'patrol';
    },
    drives,
  };
}
