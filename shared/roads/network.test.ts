import { describe, expect, it } from 'vitest';
import { buildRoadNetwork, JOIN_TOLERANCE_M, roadNetworkFor } from './network';
import { snapToNetwork } from './snap';
import { greatCircleM } from './frame';
import { at, road } from './test-roads';

const componentsOf = (net: ReturnType<typeof buildRoadNetwork>): number => new Set(net.component).size;

describe('buildRoadNetwork', () => {
  it('makes a node at every vertex and an edge between consecutive vertices, weighted great-circle', () => {
    const net = buildRoadNetwork([road('a', [0, 0], [300, 0], [300, 400])]);
    expect(net.nodes).toHaveLength(3);
    expect(net.edgeFrom).toHaveLength(2);
    expect([...net.edgeLengthM]).toEqual([
      greatCircleM(at(0, 0), at(300, 0)),
      greatCircleM(at(300, 0), at(300, 400)),
    ]);
    expect(net.edgeLengthM[0]).toBeCloseTo(300, 1);
    expect(net.edgeRoadId).toEqual(['a', 'a']);
  });

  it('joins two roads that cross at a shared vertex into one junction', () => {
    const net = buildRoadNetwork([
      road('we', [-100, 0], [0, 0], [100, 0]),
      road('sn', [0, -100], [0, 0], [0, 100]),
    ]);
    expect(net.nodes).toHaveLength(5);
    expect(net.edgeFrom).toHaveLength(4);
    expect(componentsOf(net)).toBe(1);
    const centre = net.nodes.findIndex((p) => greatCircleM(p, at(0, 0)) < 0.01);
    expect(net.adjStart[centre + 1]! - net.adjStart[centre]!).toBe(4);
  });

  it('makes a junction where two roads cross between their vertices', () => {
    const net = buildRoadNetwork([road('we', [-100, 0], [100, 0]), road('sn', [0, -100], [0, 100])]);
    expect(net.nodes).toHaveLength(5);
    expect(net.edgeFrom).toHaveLength(4);
    expect(componentsOf(net)).toBe(1);
    expect(net.nodes.some((p) => greatCircleM(p, at(0, 0)) < 0.01)).toBe(true);
  });

  it(`joins vertices up to ${JOIN_TOLERANCE_M} m apart, and a road ending that close to another's side`, () => {
    expect(
      componentsOf(buildRoadNetwork([road('a', [0, 0], [100, 0]), road('b', [101.5, 0], [200, 0])])),
    ).toBe(1);
    expect(componentsOf(buildRoadNetwork([road('a', [0, 0], [100, 0]), road('b', [105, 0], [200, 0])]))).toBe(
      2,
    );
    const tee = buildRoadNetwork([road('bar', [-100, 0], [100, 0]), road('stem', [30, 1.5], [30, 200])]);
    expect(componentsOf(tee)).toBe(1);
    expect(tee.edgeFrom).toHaveLength(3);
    const gap = buildRoadNetwork([road('bar', [-100, 0], [100, 0]), road('stem', [30, 10], [30, 200])]);
    expect(componentsOf(gap)).toBe(2);
  });

  it('keeps a road that touches no other as its own component', () => {
    const net = buildRoadNetwork([road('a', [0, 0], [100, 0]), road('island', [0, 500], [100, 500])]);
    expect(componentsOf(net)).toBe(2);
  });

  it('is empty for no roads, and snapping onto it gives nothing', () => {
    const net = buildRoadNetwork([]);
    expect(net.nodes).toHaveLength(0);
    expect(net.edgeIndex).toBeNull();
    expect(snapToNetwork(net, at(0, 0))).toBeNull();
  });

  it('is built once per roads array by roadNetworkFor', () => {
    const roads = [road('a', [0, 0], [100, 0])];
    expect(roadNetworkFor(roads)).toBe(roadNetworkFor(roads));
    expect(roadNetworkFor([...roads])).not.toBe(roadNetworkFor(roads));
  });
});

describe('snapToNetwork', () => {
  const net = buildRoadNetwork([road('a', [0, 0], [200, 0]), road('b', [0, 100], [200, 100])]);

  it('projects a point onto the middle of the nearest segment, with the offset in metres', () => {
    const snap = snapToNetwork(net, at(80, 30));
    expect(snap).not.toBeNull();
    expect(net.edgeRoadId[snap!.edge]).toBe('a');
    const t =
      net.nodes[net.edgeFrom[snap!.edge]!]![0] < net.nodes[net.edgeTo[snap!.edge]!]![0]
        ? snap!.t
        : 1 - snap!.t;
    expect(t).toBeCloseTo(0.4, 3);
    expect(greatCircleM(snap!.point, at(80, 0))).toBeLessThan(0.05);
    expect(snap!.offsetM).toBeCloseTo(30, 1);
    expect(net.edgeRoadId[snapToNetwork(net, at(80, 70))!.edge]).toBe('b');
  });

  it('snaps a point beyond the end of a road onto its end node', () => {
    const snap = snapToNetwork(net, at(260, -80));
    expect(greatCircleM(snap!.point, at(200, 0))).toBeLessThan(0.01);
    expect(snap!.offsetM).toBeCloseTo(100, 0);
  });

  it('finds the nearest edge among many', () => {
    const spokes = Array.from({ length: 40 }, (_, k) => {
      const a = (k / 40) * 2 * Math.PI;
      return road(`s${k}`, [300 * Math.cos(a) + 500 * (k % 5), 300 * Math.sin(a)], [500 * (k % 5), 0]);
    });
    const star = buildRoadNetwork(spokes);
    for (const p of [at(10, 250), at(1300, -40), at(-700, 700), at(2000, 0)]) {
      const snap = snapToNetwork(star, p)!;
      // No vertex and no point of any edge's middle is nearer than the snapped point.
      for (let e = 0; e < star.edgeFrom.length; e += 1) {
        const [u, v] = [star.nodes[star.edgeFrom[e]!]!, star.nodes[star.edgeTo[e]!]!];
        for (let k = 0; k <= 20; k += 1) {
          const q: [number, number] = [u[0] + ((v[0] - u[0]) * k) / 20, u[1] + ((v[1] - u[1]) * k) / 20];
          expect(snap.offsetM).toBeLessThanOrEqual(greatCircleM(p, q) + 0.01);
        }
      }
    }
  });
});
