import { describe, expect, it } from 'vitest';
import type { LonLat } from '../model/geo';
import { GridLocator, type LocatableArea } from './grid-locator';

/*
 * The edge rule on boundaries that are not axis-aligned. Every vertex below is a dyadic rational
 * (120 + k/16 degrees and the like), so it is an exact double, and so is the midpoint or quarter point of
 * any edge between two of them: those points lie exactly on the edge, not within a rounding error of it.
 *
 * Four grids in a strip 120°–121° E, 30°–30.5° N, west to east:
 *   A | B  along a ">" chevron (120.25, 30) → (120.3125, 30.25) → (120.25, 30.5): a north-east then a
 *          north-west slanted edge;
 *   B | C  along a "<" chevron (120.625, 30) → (120.5625, 30.25) → (120.625, 30.5): north-west then
 *          north-east;
 *   C | D  along the meridian 120.75 (a vertical edge).
 */
const S = 30;
const N = 30.5;
const MID = 30.25;
const ab: readonly LonLat[] = [
  [120.25, S],
  [120.3125, MID],
  [120.25, N],
];
const bc: readonly LonLat[] = [
  [120.625, S],
  [120.5625, MID],
  [120.625, N],
];
const cd: readonly LonLat[] = [
  [120.75, S],
  [120.75, MID],
  [120.75, N],
];

/** The grid between two boundaries, each listed south to north; a closed counter-clockwise ring. */
function between(code: string, west: readonly LonLat[], east: readonly LonLat[]): LocatableArea<string> {
  const ring: LonLat[] = [...east, ...[...west].reverse()];
  ring.push(ring[0]!);
  return { code, geometry: { type: 'Polygon', coordinates: [ring] } };
}

const meridian = (lon: number): LonLat[] => [
  [lon, S],
  [lon, N],
];
const strip = [
  between('A', meridian(120), ab),
  between('B', ab, bc),
  between('C', bc, cd),
  between('D', cd, meridian(121)),
];

/** One ulp of a longitude between 64° and 128°: the next double west or east of it. */
const ULP = 2 ** -46;
const on = (a: LonLat, b: LonLat, t: number): LonLat => [a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t];

interface Probe {
  readonly what: string;
  readonly point: LonLat;
  readonly grid: string;
}

/** Points exactly on each shared edge (east grid expected), and one ulp west of them (west grid). */
function probes(): Probe[] {
  const list: Probe[] = [];
  const boundaries: [readonly LonLat[], string, string][] = [
    [ab, 'A', 'B'],
    [bc, 'B', 'C'],
    [cd, 'C', 'D'],
  ];
  for (const [line, west, east] of boundaries) {
    for (let k = 0; k + 1 < line.length; k++) {
      for (const t of [0.25, 0.5, 0.75]) {
        const [lon, lat] = on(line[k]!, line[k + 1]!, t);
        const edge = `${west}|${east} edge ${k + 1} at t = ${t}`;
        list.push({ what: `on the ${edge}`, point: [lon, lat], grid: east });
        list.push({ what: `one ulp west of the ${edge}`, point: [lon - ULP, lat], grid: west });
        list.push({ what: `one ulp east of the ${edge}`, point: [lon + ULP, lat], grid: east });
      }
    }
    list.push({ what: `on the ${west}|${east} boundary's middle vertex`, point: line[1]!, grid: east });
  }
  return list;
}

function codeOf(locator: GridLocator<string>, [lon, lat]: LonLat): string | null {
  const r = locator.locate(lon, lat);
  return r.kind === 'inside' ? r.code : null;
}

function manyOf(locator: GridLocator<string>, points: readonly LonLat[]): (string | null)[] {
  const out = new Int32Array(points.length);
  locator.locateMany(
    Float64Array.from(points, (p) => p[0]),
    Float64Array.from(points, (p) => p[1]),
    out,
  );
  return Array.from(out, (g) => (g < 0 ? null : (locator.codes[g] ?? null)));
}

describe('GridLocator edge rule on slanted and vertical shared edges', () => {
  const list = probes();

  it('puts the probe points exactly on their edges', () => {
    // Guards the fixture: if a point were merely near its edge, the tests below would prove nothing.
    for (const { point } of list.filter((p) => p.what.startsWith('on the') && !p.what.includes('vertex'))) {
      const [lon, lat] = point;
      const line = lon < 120.4 ? ab : lon < 120.7 ? bc : cd;
      const [a, b] = lat < MID ? [line[0]!, line[1]!] : [line[1]!, line[2]!];
      // (b − a) × (p − a) computed in exact dyadic arithmetic: every term is a small multiple of 2^-6.
      expect((b[0] - a[0]) * (lat - a[1]) - (b[1] - a[1]) * (lon - a[0])).toBe(0);
    }
  });

  it('gives a point on a shared edge, slanted either way or vertical, to the grid east of it (exact path)', () => {
    const locator = new GridLocator(strip);
    expect(list.map((p) => [p.what, codeOf(locator, p.point)])).toEqual(list.map((p) => [p.what, p.grid]));
  });

  it('answers the same on the raster path, with coarse and fine cells', () => {
    for (const cellM of [5_000, 200, 20]) {
      const locator = new GridLocator(strip, { cellM });
      const many = manyOf(
        locator,
        list.map((p) => p.point),
      );
      expect(list.map((p, k) => [p.what, many[k]])).toEqual(list.map((p) => [p.what, p.grid]));
    }
  });

  it('gives each probe point to exactly one grid, judged by each grid alone', () => {
    const singles = strip.map((area) => new GridLocator([area]));
    for (const { what, point } of list) {
      const holders = strip
        .filter((_, g) => singles[g]!.indexOf(point[0], point[1]) === 0)
        .map((a) => a.code);
      expect([what, holders.length]).toEqual([what, 1]);
    }
  });
});
