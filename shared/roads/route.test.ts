import { describe, expect, it } from 'vitest';
import { buildRoadNetwork } from './network';
import { edgeBetween, nodePath } from './route';
import { at, road } from './test-roads';

/** A square block 0–200 m with a long way round to (400, 0) and a road of its own far off. */
const net = buildRoadNetwork([
  road('south', [0, 0], [200, 0], [400, 0]),
  road('east', [200, 0], [200, 200]),
  road('north', [0, 200], [200, 200]),
  road('west', [0, 0], [0, 200]),
  road('island', [1000, 1000], [1100, 1000]),
]);
const node = (e: number, n: number): number => {
  const p = at(e, n);
  return net.nodes.findIndex((q) => Math.abs(q[0] - p[0]) < 1e-7 && Math.abs(q[1] - p[1]) < 1e-7);
};

describe('the shortest road route between two junctions', () => {
  it('goes the short way round the block, both ends included', () => {
    const path = nodePath(net, node(0, 200), node(400, 0))!;
    // Either way round the block is 400 m to (200, 0); then 200 m on to (400, 0): four junctions, 600 m.
    expect(path).toHaveLength(4);
    expect(path[0]).toBe(node(0, 200));
    expect(path.at(-1)).toBe(node(400, 0));
    let metres = 0;
    for (let i = 1; i < path.length; i += 1) {
      const e = edgeBetween(net, path[i - 1]!, path[i]!);
      expect(e).toBeGreaterThanOrEqual(0);
      metres += net.edgeLengthM[e]!;
    }
    expect(metres).toBeCloseTo(600, 0);
  });

  it('keeps out of the junctions it is told to avoid, and finds none across networks', () => {
    // The ends are always allowed.
    expect(nodePath(net, node(0, 0), node(200, 0), () => false)).toEqual([node(0, 0), node(200, 0)]);
    const avoid = nodePath(net, node(0, 200), node(200, 0), (n) => n !== node(0, 0));
    expect(avoid).toEqual([node(0, 200), node(200, 200), node(200, 0)]);
    expect(nodePath(net, node(0, 0), node(1000, 1000))).toBeNull();
    expect(nodePath(net, node(0, 0), node(0, 0))).toEqual([node(0, 0)]);
  });
});
