// Test helpers for the zones tests: a lattice of square grids and areas grown on it.
import { area } from '@turf/turf';
import { asGeoJson, type AreaGeometry } from '../model/geo';
import { createRng } from '../sample/random';
import { buildGridAdjacency, type GridAdjacency } from '../spatial/grid-adjacency';
import { rect } from '../spatial/test-shapes';
import { zoneGrids, type ZoneGrids, type ZonePlan } from './plan';

/** Edge of one lattice square, degrees (about 1 km north–south). */
export const STEP = 0.01;

/**
 * `cols` × `rows` squares of {@link STEP}° from (120°E, 30°N), row by row from the south-west: grid
 * `r * cols + c` is column c, row r. Neighbours share whole edges; diagonal ones touch at a corner.
 */
export function lattice(cols: number, rows: number): AreaGeometry[] {
  // Each line's coordinate is computed once, so neighbours share their corners exactly.
  const x = (c: number): number => 120 + c * STEP;
  const y = (r: number): number => 30 + r * STEP;
  const out: AreaGeometry[] = [];
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < cols; c++)
      out.push({ type: 'Polygon', coordinates: [rect(x(c), y(r), x(c + 1), y(r + 1))] });
  return out;
}

export function latticeAdjacency(cols: number, rows: number): GridAdjacency {
  return buildGridAdjacency(lattice(cols, rows));
}

/**
 * `count` contiguous areas on the adjacency, grown breadth-first from seeded random seeds, the
 * smallest area growing next: every grid gets an area.
 */
export function growAreas(adj: GridAdjacency, count: number, seed: number): Int32Array {
  const rng = createRng(seed);
  const area = new Int32Array(adj.size).fill(-1);
  const queues: number[][] = [];
  for (const g of rng.shuffle([...Array(adj.size).keys()]).slice(0, count)) {
    area[g] = queues.length;
    queues.push([g]);
  }
  const sizes = new Array<number>(count).fill(1);
  const heads = new Array<number>(count).fill(0);
  let left = adj.size - count;
  while (left > 0) {
    let pick = -1;
    for (let a = 0; a < count; a++) {
      const q = queues[a] as number[];
      while ((heads[a] as number) < q.length && !hasFreeNeighbour(adj, area, q[heads[a] as number] as number))
        heads[a] = (heads[a] as number) + 1;
      if ((heads[a] as number) < q.length && (pick < 0 || (sizes[a] as number) < (sizes[pick] as number)))
        pick = a;
    }
    if (pick < 0) throw new Error('lattice not connected');
    const q = queues[pick] as number[];
    const g = q[heads[pick] as number] as number;
    for (let e = adj.start[g] as number; e < (adj.start[g + 1] as number); e++) {
      const h = adj.neighbours[e] as number;
      if (area[h] === -1 && (adj.sharedM[e] as number) > 0) {
        area[h] = pick;
        q.push(h);
        sizes[pick] = (sizes[pick] as number) + 1;
        left--;
        break;
      }
    }
  }
  return area;
}

function hasFreeNeighbour(adj: GridAdjacency, area: Int32Array, g: number): boolean {
  for (let e = adj.start[g] as number; e < (adj.start[g + 1] as number); e++)
    if (area[adj.neighbours[e] as number] === -1 && (adj.sharedM[e] as number) > 0) return true;
  return false;
}

/** A lattice as a grid set for plans: codes `g<index>` (zero-padded to 3), areas from the geometry. */
export function latticeGrids(cols: number, rows: number): ZoneGrids {
  const geometries = lattice(cols, rows);
  return zoneGrids(
    geometries.map((geometry, i) => ({
      code: `g${String(i).padStart(3, '0')}`,
      geometry,
      areaM2: area(asGeoJson(geometry)),
    })),
  );
}

/** A plan over {@link latticeGrids} with areas `a`, `b`, … given per grid by index. */
export function latticePlan(grids: ZoneGrids, areaOf: ArrayLike<number>, count: number): ZonePlan {
  const gridAreas: Record<string, string> = {};
  grids.codes.forEach((code, g) => (gridAreas[code] = `area-${areaOf[g]}`));
  return {
    id: 'plan-1',
    name: 'test plan',
    areas: Array.from({ length: count }, (_, a) => ({
      id: `area-${a}`,
      name: `片区${a}`,
      color: '#336699',
      teamId: `team-${a}`,
    })),
    gridAreas,
    shiftTeams: {},
  };
}
