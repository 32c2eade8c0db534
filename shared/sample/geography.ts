import { area } from '@turf/turf';
import type { AreaGeometry, LonLat } from '../model/geo';
import { createLocalFrame, type LocalFrame } from './local-frame';
import { createMesh, type Mesh, type MeshOptions } from './mesh';
import { createRng, type Rng } from './random';
import { groupAdjacency, groupCells, growRegions, selectOutline, spreadSeeds, warpedLines } from './regions';
import { type CellKey, cellOf, traceCells } from './trace';
import { asTurfArea } from './turf-geometry';

/** How to lay out a synthetic township or city: sizes in metres, counts of cells and regions. */
export interface GeographyPlan {
  readonly origin: LonLat;
  readonly cols: number;
  readonly rows: number;
  /** Mesh spacing away from the centre, metres (before scaling to `targetAreaM2`). */
  readonly spacingM: number;
  /** How much smaller cells are at the centre (0 = uniform, 0.5 = half size). */
  readonly centreShrink: number;
  readonly targetCells: number;
  /** Cells per grid wanted, given the distance of the first cell from the centre in metres. */
  readonly cellsPerGrid: (distanceM: number, rng: Rng) => number;
  readonly communities: number;
  readonly patrolAreas: number;
  readonly edgeVertices: readonly [number, number];
  /** Scales the whole layout so the outline covers about this area. */
  readonly targetAreaM2: number;
}

export interface PlannedGrid {
  readonly cells: readonly CellKey[];
  readonly geometry: AreaGeometry;
  readonly areaM2: number;
  /** Mean of the grid's cell centres, metres. */
  readonly point: readonly [number, number];
  readonly community: number;
}

export interface PlannedRegion {
  /** Indices into the grids. */
  readonly grids: readonly number[];
  /** The member grid point nearest the region's mean, metres; always inside the region. */
  readonly centre: readonly [number, number];
}

export interface Geography {
  readonly frame: LocalFrame;
  readonly mesh: Mesh;
  /** Town centre (densest cells), metres. */
  readonly centre: readonly [number, number];
  readonly boundary: AreaGeometry;
  readonly boundaryAreaM2: number;
  readonly grids: readonly PlannedGrid[];
  readonly communities: readonly PlannedRegion[];
  /** Patrol areas as groups of community indices, with their traced geometry. */
  readonly patrolAreas: readonly (PlannedRegion & {
    readonly communities: readonly number[];
    readonly geometry: AreaGeometry;
  })[];
  /** Patrol-area index of every community. */
  readonly communityArea: readonly number[];
}

/** Areas are kept to 0.01 m², so the stored sample equals the generated one number for number. */
function roundArea(m2: number): number {
  return Math.round(m2 * 100) / 100;
}

function meanPoint(points: readonly (readonly [number, number])[]): [number, number] {
  return [
    points.reduce((s, p) => s + p[0], 0) / points.length,
    points.reduce((s, p) => s + p[1], 0) / points.length,
  ];
}

function nearestTo(
  points: readonly (readonly [number, number])[],
  target: readonly [number, number],
): readonly [number, number] {
  let best = points[0] as readonly [number, number];
  for (const p of points) {
    if (Math.hypot(p[0] - target[0], p[1] - target[1]) < Math.hypot(best[0] - target[0], best[1] - target[1]))
      best = p;
  }
  return best;
}

function quadArea(mesh: Mesh, key: CellKey): number {
  const [i, j] = cellOf(mesh, key);
  const c = [mesh.vertex(i, j), mesh.vertex(i + 1, j), mesh.vertex(i + 1, j + 1), mesh.vertex(i, j + 1)];
  let s = 0;
  c.forEach((p, k) => {
    const q = c[(k + 1) % 4] as readonly [number, number];
    s += p[0] * q[1] - q[0] * p[1];
  });
  return s / 2;
}

/**
 * Lays out the mesh, the outline, the grids, the communities and the patrol areas of a synthetic township.
 * Deterministic for a given rng state. Grids, communities and patrol areas are contiguous; the outline is one
 * simple ring.
 */
export function planGeography(plan: GeographyPlan, rng: Rng): Geography {
  const frame = createLocalFrame(plan.origin);
  const denseX = rng.range(-0.15, 0.15) * plan.cols * plan.spacingM;
  const denseY = rng.range(-0.15, 0.15) * plan.rows * plan.spacingM;
  const xs = warpedLines(
    plan.cols,
    plan.spacingM,
    denseX + (plan.cols * plan.spacingM) / 2,
    plan.centreShrink,
    rng,
  );
  const ys = warpedLines(
    plan.rows,
    plan.spacingM,
    denseY + (plan.rows * plan.spacingM) / 2,
    plan.centreShrink,
    rng,
  );
  const meshSeed = rng.int(1, 2 ** 31 - 1);
  const options = (k: number): MeshOptions => ({
    xs: xs.map((x) => x * k),
    ys: ys.map((y) => y * k),
    jitter: 0.22,
    edgeVertices: plan.edgeVertices,
    wiggle: 0.045,
  });
  // First pass at unit scale to find the outline, then rebuild the same mesh scaled to the target area.
  const draft = createMesh({ ...options(1), edgeVertices: [0, 0] }, frame, createRng(meshSeed));
  const outlineRng = rng.fork(1);
  const draftCentre: [number, number] = [denseX * 0.6, denseY * 0.6];
  const draftCells = selectOutline(draft, draftCentre, plan.targetCells, outlineRng.fork(1));
  const draftArea = [...draftCells].reduce((s, k) => s + quadArea(draft, k), 0);
  const scale = Math.sqrt(plan.targetAreaM2 / draftArea);
  const mesh = createMesh(options(scale), frame, createRng(meshSeed));
  const cells = draftCells;
  const centre: [number, number] = [denseX * scale, denseY * scale];

  const groups = groupCells(
    mesh,
    cells,
    (key) => {
      const [i, j] = cellOf(mesh, key);
      const c = mesh.cellCentre(i, j);
      return plan.cellsPerGrid(Math.hypot(c[0] - centre[0], c[1] - centre[1]), rng);
    },
    rng.fork(2),
  );
  const gridPoints = groups.map((g) => meanPoint(g.map((k) => mesh.cellCentre(...cellOf(mesh, k)))));
  const adjacency = groupAdjacency(mesh, groups);
  const communityOf = growRegions(
    gridPoints,
    adjacency,
    groups.map(() => 1),
    spreadSeeds(gridPoints, plan.communities, rng.fork(3)),
  );
  const communities: PlannedRegion[] = Array.from({ length: plan.communities }, (_, c) => {
    const members = communityOf.flatMap((r, gi) => (r === c ? [gi] : []));
    const pts = members.map((gi) => gridPoints[gi] as [number, number]);
    return { grids: members, centre: nearestTo(pts, meanPoint(pts)) };
  });
  const communityAdjacency = communities.map((_, c) => {
    const set = new Set<number>();
    for (const gi of communities[c]?.grids ?? [])
      for (const n of adjacency[gi] ?? []) set.add(communityOf[n] as number);
    set.delete(c);
    return [...set];
  });
  const communityArea = growRegions(
    communities.map((c) => c.centre),
    communityAdjacency,
    communities.map((c) => c.grids.length),
    spreadSeeds(
      communities.map((c) => c.centre),
      plan.patrolAreas,
      rng.fork(4),
    ),
  );
  const patrolAreas = Array.from({ length: plan.patrolAreas }, (_, a) => {
    const members = communityArea.flatMap((r, ci) => (r === a ? [ci] : []));
    const gridList = members.flatMap((ci) => communities[ci]?.grids ?? []);
    const pts = gridList.map((gi) => gridPoints[gi] as [number, number]);
    const areaCells = new Set(gridList.flatMap((gi) => groups[gi] ?? []));
    return {
      communities: members,
      grids: gridList,
      centre: nearestTo(pts, meanPoint(pts)),
      geometry: traceCells(mesh, areaCells),
    };
  });
  const grids: PlannedGrid[] = groups.map((g, gi) => {
    const geometry = traceCells(mesh, new Set(g));
    return {
      cells: g,
      geometry,
      areaM2: roundArea(area(asTurfArea(geometry))),
      point: gridPoints[gi] as [number, number],
      community: communityOf[gi] as number,
    };
  });
  const boundary = traceCells(mesh, cells);
  return {
    frame,
    mesh,
    centre,
    boundary,
    boundaryAreaM2: roundArea(area(asTurfArea(boundary))),
    grids,
    communities,
    patrolAreas,
    communityArea,
  };
}
