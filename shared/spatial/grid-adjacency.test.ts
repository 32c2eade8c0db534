import { describe, expect, it } from 'vitest';
import type { AreaGeometry } from '../model/geo';
import { areNeighbours, buildGridAdjacency, type GridAdjacency } from './grid-adjacency';
import { METRES_PER_DEGREE } from './grid-locator';
import { readSampleTownship, rect } from './test-shapes';

const square = (w: number, s: number, e: number, n: number): AreaGeometry => ({
  type: 'Polygon',
  coordinates: [rect(w, s, e, n)],
});

function neighboursOf(adj: GridAdjacency, g: number): { g: number; m: number }[] {
  const out: { g: number; m: number }[] = [];
  for (let k = adj.start[g] as number; k < (adj.start[g + 1] as number); k++)
    out.push({ g: adj.neighbours[k] as number, m: adj.sharedM[k] as number });
  return out;
}

/** 3 × 3 squares of 0.01° from (120°E, 30°N), row by row from the south-west; neighbours share coordinates exactly. */
const x = (c: number): number => 120 + c * 0.01;
const y = (r: number): number => 30 + r * 0.01;
const nine = Array.from({ length: 9 }, (_, i) => {
  const c = i % 3;
  const r = Math.floor(i / 3);
  return square(x(c), y(r), x(c + 1), y(r + 1));
});

describe('buildGridAdjacency', () => {
  it('links the centre of a 3 × 3 block to its four edge neighbours by their shared border and to the four corners by touch', () => {
    const adj = buildGridAdjacency(nine);
    const centre = neighboursOf(adj, 4);
    expect(centre.map((n) => n.g)).toEqual([0, 1, 2, 3, 5, 6, 7, 8]);
    const northSouthEdge = 0.01 * METRES_PER_DEGREE; // a vertical edge of 0.01° of latitude
    const eastWestEdge = 0.01 * METRES_PER_DEGREE * Math.cos((30.015 * Math.PI) / 180);
    const byGrid = new Map(centre.map((n) => [n.g, n.m]));
    expect(byGrid.get(3)).toBeCloseTo(northSouthEdge, 3);
    expect(byGrid.get(5)).toBeCloseTo(northSouthEdge, 3);
    expect(byGrid.get(1)).toBeCloseTo(eastWestEdge, 0);
    expect(byGrid.get(7)).toBeCloseTo(eastWestEdge, 0);
    for (const corner of [0, 2, 6, 8]) expect(byGrid.get(corner)).toBe(0);
    expect(areNeighbours(adj, 4, 0)).toBe(true);
    expect(areNeighbours(adj, 4, 0, true)).toBe(false);
    expect(areNeighbours(adj, 0, 8)).toBe(false);
  });

  it('is symmetric, whatever the winding the rings are stored in', () => {
    const reversed = nine.map((g, i) =>
      i % 2 === 0 && g.type === 'Polygon'
        ? { ...g, coordinates: [[...(g.coordinates[0] ?? [])].reverse()] }
        : g,
    );
    const adj = buildGridAdjacency(reversed);
    expect(adj).toEqual(buildGridAdjacency(nine));
    for (let a = 0; a < adj.size; a++)
      for (const { g: b, m } of neighboursOf(adj, a))
        expect(neighboursOf(adj, b)).toContainEqual({ g: a, m });
  });

  it('finds a border where one grid has a vertex the other lacks (a T-junction)', () => {
    // One tall grid to the west, two stacked grids to the east: the west grid has no vertex at 30.01.
    const adj = buildGridAdjacency([
      square(120, 30, 120.01, 30.02),
      square(120.01, 30, 120.02, 30.01),
      square(120.01, 30.01, 120.02, 30.02),
    ]);
    const west = neighboursOf(adj, 0);
    expect(west.map((n) => n.g)).toEqual([1, 2]);
    for (const n of west) expect(n.m).toBeCloseTo(0.01 * METRES_PER_DEGREE, 3);
  });

  it('does not link grids that only face each other across a gap', () => {
    const adj = buildGridAdjacency([square(120, 30, 120.01, 30.01), square(120.0101, 30, 120.02, 30.01)]);
    expect(adj.neighbours).toHaveLength(0);
  });

  it('gives every grid of the sample township a bordering neighbour, and borders that add up to the grids’ perimeters less the township’s outline', async () => {
    const town = await readSampleTownship();
    const adj = buildGridAdjacency(town.grids.map((g) => g.geometry));
    expect(adj.size).toBe(town.grids.length);
    for (let g = 0; g < adj.size; g++) expect(neighboursOf(adj, g).some((n) => n.m > 0)).toBe(true);
    let shared = 0;
    for (let k = 0; k < adj.sharedM.length; k++) shared += adj.sharedM[k] as number;
    const perimeter = (geometry: AreaGeometry): number => {
      const ring = geometry.type === 'Polygon' ? geometry.coordinates[0] : geometry.coordinates[0]?.[0];
      let m = 0;
      for (let k = 0; k + 1 < (ring?.length ?? 0); k++) {
        const [ax, ay] = ring?.[k] ?? [0, 0];
        const [bx, by] = ring?.[k + 1] ?? [0, 0];
        m += Math.hypot((bx - ax) * Math.cos((((ay + by) / 2) * Math.PI) / 180), by - ay) * METRES_PER_DEGREE;
      }
      return m;
    };
    const inner =
      town.grids.reduce((s, g) => s + perimeter(g.geometry), 0) - perimeter(town.township.boundary);
    // Each shared border is counted from both sides; the outline's own vertices may differ slightly.
    expect(shared / inner).toBeCloseTo(1, 2);
  });
});
