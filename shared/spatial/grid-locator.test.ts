import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AreaGeometry, LonLat } from '../model/geo';
import { GridLocator, type LocatableArea } from './grid-locator';
import { rect, box } from './test-shapes';

/** 2×2 squares of 0.01° meeting at (120.01, 30.01): SW, SE, NW, NE. */
const quad = [
  box('SW', 120, 30, 120.01, 30.01),
  box('SE', 120.01, 30, 120.02, 30.01),
  box('NW', 120, 30.01, 120.01, 30.02),
  box('NE', 120.01, 30.01, 120.02, 30.02),
];

function codeAt(locator: GridLocator<string>, lon: number, lat: number): string | null {
  const r = locator.locate(lon, lat);
  return r.kind === 'inside' ? r.code : null;
}

function manyAt(locator: GridLocator<string>, points: readonly LonLat[]): number[] {
  const out = new Int32Array(points.length);
  locator.locateMany(
    Float64Array.from(points, (p) => p[0]),
    Float64Array.from(points, (p) => p[1]),
    out,
  );
  return Array.from(out);
}

describe('GridLocator on hand-made squares', () => {
  const locator = new GridLocator(quad, { cellM: 100 });

  it('puts a point well inside a square in that square', () => {
    expect(codeAt(locator, 120.003, 30.004)).toBe('SW');
    expect(codeAt(locator, 120.017, 30.016)).toBe('NE');
  });

  it('gives a point on a shared north–south edge to the grid east of it', () => {
    expect(codeAt(locator, 120.01, 30.005)).toBe('SE');
    expect(codeAt(locator, 120.01, 30.015)).toBe('NE');
  });

  it('gives a point on a shared east–west edge to the grid north of it', () => {
    expect(codeAt(locator, 120.005, 30.01)).toBe('NW');
    expect(codeAt(locator, 120.015, 30.01)).toBe('NE');
  });

  it('gives the vertex where four grids meet to exactly one grid, the north-east one', () => {
    expect(codeAt(locator, 120.01, 30.01)).toBe('NE');
    expect(manyAt(locator, [[120.01, 30.01]])).toEqual([3]);
  });

  it('keeps the west and south outer boundary inside and the east and north outer boundary outside', () => {
    expect(codeAt(locator, 120, 30.005)).toBe('SW');
    expect(codeAt(locator, 120.005, 30)).toBe('SW');
    expect(codeAt(locator, 120, 30)).toBe('SW');
    const east = locator.locate(120.02, 30.005);
    expect(east).toEqual({ kind: 'outside', nearest: { code: 'SE', index: 1, distanceM: 0 } });
    expect(locator.locate(120.005, 30.02).kind).toBe('outside');
  });

  it('answers a far point with the nearest grid and its distance in metres', () => {
    // 0.01° due east of SE's east edge (lon 120.02) at lat 30.005: the distance is 0.01° of longitude at
    // the set's mean latitude 30.01°, i.e. 0.01 · (π/180) · 6,371,008.8 · cos(30.01°).
    const expected = 0.01 * (Math.PI / 180) * 6_371_008.8 * Math.cos((30.01 * Math.PI) / 180);
    const r = locator.locate(120.03, 30.005);
    expect(r.kind).toBe('outside');
    if (r.kind !== 'outside') return;
    expect(r.nearest?.code).toBe('SE');
    expect(r.nearest?.distanceM).toBeCloseTo(expected, 6);
    expect(expected).toBeCloseTo(962.9, 0);
    // South-west of the set, 0.003° south of SW's south-west corner: nearest is SW, distance 0.003° of latitude.
    const sw = locator.locate(120, 29.997);
    expect(sw.kind === 'outside' && sw.nearest?.code).toBe('SW');
    expect(sw.kind === 'outside' && sw.nearest?.distanceM).toBeCloseTo(
      0.003 * (Math.PI / 180) * 6_371_008.8,
      6,
    );
  });

  it('gives every point of the township exactly one grid, on a lattice that hits edges and vertices', () => {
    const points: LonLat[] = [];
    for (let i = 0; i < 40; i++)
      for (let j = 0; j < 40; j++) points.push([120 + i * 0.0005, 30 + j * 0.0005]);
    const many = manyAt(locator, points);
    const singles = quad.map((a) => new GridLocator([a]));
    points.forEach(([lon, lat], k) => {
      const containing = quad.filter((_, g) => singles[g]!.indexOf(lon, lat) === 0);
      expect(containing.length).toBe(1);
      expect(many[k]).toBe(quad.indexOf(containing[0]!));
      expect(locator.indexOf(lon, lat)).toBe(many[k]);
    });
  });

  it('returns outside with no nearest grid for NaN, and an empty locator finds nothing', () => {
    expect(locator.locate(Number.NaN, 30)).toEqual({ kind: 'outside', nearest: null });
    const empty = new GridLocator<string>([]);
    expect(empty.locate(120, 30)).toEqual({ kind: 'outside', nearest: null });
    expect(manyAt(empty, [[120, 30]])).toEqual([-1]);
  });
});

describe('GridLocator with holes and MultiPolygons', () => {
  const ring: AreaGeometry = { type: 'Polygon', coordinates: [rect(0, 0, 3, 3), rect(1, 1, 2, 2).reverse()] };
  const island: AreaGeometry = { type: 'Polygon', coordinates: [rect(1, 1, 2, 2)] };
  const twoParts: AreaGeometry = {
    type: 'MultiPolygon',
    coordinates: [[rect(5, 0, 6, 1)], [rect(8, 0, 9, 1)]],
  };
  const areas: LocatableArea<string>[] = [
    { code: 'ring', geometry: ring },
    { code: 'island', geometry: island },
    { code: 'multi', geometry: twoParts },
  ];
  const locator = new GridLocator(areas, { cellM: 20_000 });

  it('does not put a point inside a hole in the grid with the hole', () => {
    expect(codeAt(locator, 1.5, 1.5)).toBe('island');
    expect(codeAt(new GridLocator([areas[0]!]), 1.5, 1.5)).toBeNull();
    expect(codeAt(locator, 0.5, 1.5)).toBe('ring');
  });

  it('gives the hole boundary to one side only by the same east/north rule', () => {
    expect(codeAt(locator, 1, 1.5)).toBe('island'); // island's west edge: island lies east
    expect(codeAt(locator, 2, 1.5)).toBe('ring'); // island's east edge: ring lies east
  });

  it('finds a point in the second part of a MultiPolygon', () => {
    expect(codeAt(locator, 8.5, 0.5)).toBe('multi');
    expect(codeAt(locator, 7, 0.5)).toBeNull();
    expect(
      manyAt(locator, [
        [8.5, 0.5],
        [7, 0.5],
        [1.5, 1.5],
      ]),
    ).toEqual([2, -1, 1]);
  });
});

describe('GridLocator properties', () => {
  /** Irregular tiling: a 5×4 lattice whose inner vertices are jittered, each cell one grid. */
  function jitteredTiling(seed: number): LocatableArea<string>[] {
    let state = seed >>> 0 || 1;
    const rand = (): number => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state / 2 ** 32;
    };
    const nx = 5;
    const ny = 4;
    const vx: number[][] = [];
    const vy: number[][] = [];
    for (let i = 0; i <= nx; i++) {
      vx.push([]);
      vy.push([]);
      for (let j = 0; j <= ny; j++) {
        const inner = i > 0 && i < nx && j > 0 && j < ny;
        vx[i]!.push(120 + i * 0.002 + (inner ? (rand() - 0.5) * 0.0012 : 0));
        vy[i]!.push(31 + j * 0.002 + (inner ? (rand() - 0.5) * 0.0012 : 0));
      }
    }
    const v = (i: number, j: number): LonLat => [vx[i]![j]!, vy[i]![j]!];
    const areas: LocatableArea<string>[] = [];
    for (let i = 0; i < nx; i++) {
      for (let j = 0; j < ny; j++) {
        const ringCoords = [v(i, j), v(i + 1, j), v(i + 1, j + 1), v(i, j + 1), v(i, j)];
        areas.push({ code: `g${i}-${j}`, geometry: { type: 'Polygon', coordinates: [ringCoords] } });
      }
    }
    return areas;
  }

  it('locateMany equals locate for random points, and each tiling point is in exactly one grid', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.array(
          fc.tuple(
            fc.double({ min: 119.999, max: 120.011, noNaN: true }),
            fc.double({ min: 30.999, max: 31.009, noNaN: true }),
          ),
          {
            minLength: 1,
            maxLength: 200,
          },
        ),
        (seed, points) => {
          const areas = jitteredTiling(seed);
          const locator = new GridLocator(areas, { cellM: 15 });
          const singles = areas.map((a) => new GridLocator([a]));
          const many = manyAt(locator, points);
          points.forEach(([lon, lat], k) => {
            const r = locator.locate(lon, lat);
            expect(many[k]).toBe(r.kind === 'inside' ? r.index : -1);
            const holders = singles.filter((s) => s.indexOf(lon, lat) === 0).length;
            const inTownship = lon >= 120 && lon < 120.01 && lat >= 31 && lat < 31.008;
            expect(holders).toBe(inTownship ? 1 : 0);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('assigns vertices and edge points of a jittered tiling to exactly one grid', () => {
    const areas = jitteredTiling(7);
    const locator = new GridLocator(areas, { cellM: 10 });
    const singles = areas.map((a) => new GridLocator([a]));
    for (const area of areas) {
      if (area.geometry.type !== 'Polygon') continue;
      const r = area.geometry.coordinates[0]!;
      for (let k = 0; k + 1 < r.length; k++) {
        const [ax, ay] = r[k]!;
        const [bx, by] = r[k + 1]!;
        for (const t of [0, 0.25, 0.5]) {
          const lon = ax + (bx - ax) * t;
          const lat = ay + (by - ay) * t;
          const inTownship = lon >= 120 && lon < 120.01 && lat >= 31 && lat < 31.008;
          const holders = singles.filter((s) => s.indexOf(lon, lat) === 0).length;
          expect(holders).toBe(inTownship ? 1 : 0);
          expect(manyAt(locator, [[lon, lat]])).toEqual([locator.indexOf(lon, lat)]);
        }
      }
    }
  });
});
