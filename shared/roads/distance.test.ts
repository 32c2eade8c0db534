import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LonLat } from '../model/geo';
import { roadDistance, roadDistancesFrom } from './distance';
import { greatCircleM } from './frame';
import { buildRoadNetwork } from './network';
import { at, road } from './test-roads';

/** Great-circle length of a polyline given in metres east/north of the test origin. */
const lengthOf = (...points: readonly (readonly [number, number])[]): number =>
  points.slice(1).reduce((sum, p, k) => sum + greatCircleM(at(...(points[k] ?? p)), at(...p)), 0);

describe('roadDistancesFrom', () => {
  // A 1 km square with its west side missing: from the south-west to the north-west corner the
  // road goes round three sides.
  const square = buildRoadNetwork([
    road('south', [0, 0], [1000, 0]),
    road('east', [1000, 0], [1000, 1000]),
    road('north', [1000, 1000], [0, 1000]),
  ]);

  it('goes round a square with a missing side, three times the straight line', () => {
    const d = roadDistance(square, at(0, 0), at(0, 1000));
    expect(d).toBeCloseTo(lengthOf([0, 0], [1000, 0], [1000, 1000], [0, 1000]), 3);
    expect(d! / greatCircleM(at(0, 0), at(0, 1000))).toBeCloseTo(3, 2);
  });

  it('adds the walks to and from the road', () => {
    // 20 m west of the south-west corner and 30 m north of the north side's middle.
    const d = roadDistance(square, at(-20, 0), at(500, 1030));
    expect(d).toBeCloseTo(20 + lengthOf([0, 0], [1000, 0], [1000, 1000], [500, 1000]) + 30, 0);
  });

  it('goes straight along the edge when both points snap onto the same one', () => {
    expect(roadDistance(square, at(100, 10), at(400, -20))).toBeCloseTo(10 + 300 + 20, 0);
    // The same point: to the road and back.
    expect(roadDistance(square, at(100, 10), at(100, 10))).toBeCloseTo(20, 1);
  });

  it('crosses at a shared vertex and at a crossing between vertices', () => {
    const shared = buildRoadNetwork([
      road('we', [-100, 0], [0, 0], [100, 0]),
      road('sn', [0, -100], [0, 0], [0, 100]),
    ]);
    const crossing = buildRoadNetwork([road('we', [-100, 0], [100, 0]), road('sn', [0, -100], [0, 100])]);
    for (const net of [shared, crossing]) {
      expect(roadDistance(net, at(-100, 0), at(0, 100))).toBeCloseTo(
        lengthOf([-100, 0], [0, 0], [0, 100]),
        3,
      );
    }
  });

  it('gives null for a target on a road that touches no other, and measures the rest', () => {
    const net = buildRoadNetwork([road('a', [0, 0], [1000, 0]), road('island', [0, 500], [1000, 500])]);
    const [near, island, far] = roadDistancesFrom(net, at(0, 10), [at(300, -5), at(300, 490), at(1000, 0)]);
    expect(near).toBeCloseTo(10 + 300 + 5, 0);
    expect(island).toBeNull();
    expect(far).toBeCloseTo(10 + 1000, 0);
  });

  it('stops at maxMetres: a target further along the roads gets null', () => {
    const targets = [at(1000, 0), at(0, 1000)];
    const [east, round] = roadDistancesFrom(square, at(0, 0), targets, { maxMetres: 2000 });
    expect(east).toBeCloseTo(1000, 0);
    expect(round).toBeNull();
    expect(roadDistancesFrom(square, at(0, 0), targets, { maxMetres: 3100 })[1]).not.toBeNull();
  });

  it('gives null everywhere on an empty network or for a point that is not finite', () => {
    expect(roadDistancesFrom(buildRoadNetwork([]), at(0, 0), [at(1, 1)])).toEqual([null]);
    expect(roadDistancesFrom(square, at(0, 0), [[Number.NaN, 32.9]])).toEqual([null]);
    expect(roadDistancesFrom(square, [Number.NaN, 32.9], [at(0, 0)])).toEqual([null]);
  });
});

describe('road distance properties', () => {
  // A 5 × 5 block street grid, 200 m blocks, with some blocks' sides left out and a diagonal lane.
  const streets = [
    ...[0, 1, 2, 3, 4, 5].map((k) => road(`ew${k}`, [0, 200 * k], [400, 200 * k], [1000, 200 * k])),
    ...[0, 2, 3, 5].map((k) => road(`ns${k}`, [200 * k, 0], [200 * k, 1000])),
    road('ns1-half', [200, 0], [200, 500]),
    road('lane', [0, 0], [1000, 1000]),
  ];
  const net = buildRoadNetwork(streets);
  const point = fc.tuple(
    fc.double({ min: -200, max: 1200, noNaN: true }),
    fc.double({ min: -200, max: 1200, noNaN: true }),
  );

  it('is never shorter than the great-circle distance', () => {
    fc.assert(
      fc.property(point, fc.array(point, { minLength: 1, maxLength: 8 }), (o, ts) => {
        const targets: LonLat[] = ts.map(([e, n]) => at(e, n));
        const ds = roadDistancesFrom(net, at(...o), targets);
        ds.forEach((d, k) => {
          expect(d).not.toBeNull();
          expect(d!).toBeGreaterThanOrEqual(greatCircleM(at(...o), targets[k]!) - 0.01);
        });
      }),
      { numRuns: 300, seed: 31 },
    );
  });

  it('is the same both ways, and the same asked for one target or many', () => {
    fc.assert(
      fc.property(point, fc.array(point, { minLength: 1, maxLength: 8 }), (o, ts) => {
        const targets: LonLat[] = ts.map(([e, n]) => at(e, n));
        const many = roadDistancesFrom(net, at(...o), targets);
        targets.forEach((t, k) => {
          expect(roadDistance(net, at(...o), t)).toBeCloseTo(many[k]!, 6);
          expect(roadDistance(net, t, at(...o))).toBeCloseTo(many[k]!, 6);
        });
      }),
      { numRuns: 200, seed: 32 },
    );
  });
});
