import type { Mesh } from './mesh';
import type { Rng } from './random';
import { type CellKey, cellKey, cellOf } from './trace';

/**
 * Lines of a mesh axis, centred on 0 metres, whose spacing shrinks near `dense` (e.g. the town centre) so the
 * built-up area gets smaller grids. `count` cells, `base` metres apart away from the dense spot.
 */
export function warpedLines(count: number, base: number, dense: number, shrink: number, rng: Rng): number[] {
  const steps: number[] = [];
  let pos = 0;
  for (let k = 0; k < count; k++) {
    const near = Math.exp(-((pos - dense) ** 2) / (2 * (2.2 * base) ** 2));
    const step = base * (1 - shrink * near) * rng.range(0.9, 1.1);
    steps.push(step);
    pos += step;
  }
  const lines = [0];
  for (const s of steps) lines.push((lines[lines.length - 1] as number) + s);
  const mid = (lines[lines.length - 1] as number) / 2;
  return lines.map((l) => l - mid);
}

function neighbours4(mesh: Mesh, key: CellKey): CellKey[] {
  const [i, j] = cellOf(mesh, key);
  const out: CellKey[] = [];
  if (i > 0) out.push(cellKey(mesh, i - 1, j));
  if (i < mesh.cols - 1) out.push(cellKey(mesh, i + 1, j));
  if (j > 0) out.push(cellKey(mesh, i, j - 1));
  if (j < mesh.rows - 1) out.push(cellKey(mesh, i, j + 1));
  return out;
}

function largestComponent(mesh: Mesh, cells: Set<CellKey>): Set<CellKey> {
  const seen = new Set<CellKey>();
  let best = new Set<CellKey>();
  for (const start of cells) {
    if (seen.has(start)) continue;
    const part = new Set<CellKey>([start]);
    const stack = [start];
    seen.add(start);
    while (stack.length > 0) {
      for (const n of neighbours4(mesh, stack.pop() as CellKey)) {
        if (cells.has(n) && !seen.has(n)) {
          seen.add(n);
          part.add(n);
          stack.push(n);
        }
      }
    }
    if (part.size > best.size) best = part;
  }
  return best;
}

/** Selects unselected cells that the outside cannot reach (holes); returns whether any were added. */
function fillHoles(mesh: Mesh, cells: Set<CellKey>): boolean {
  const outside = new Set<CellKey>();
  const stack: CellKey[] = [];
  for (let i = 0; i < mesh.cols; i++) {
    for (const j of [0, mesh.rows - 1]) stack.push(cellKey(mesh, i, j));
  }
  for (let j = 0; j < mesh.rows; j++) {
    for (const i of [0, mesh.cols - 1]) stack.push(cellKey(mesh, i, j));
  }
  while (stack.length > 0) {
    const k = stack.pop() as CellKey;
    if (cells.has(k) || outside.has(k)) continue;
    outside.add(k);
    stack.push(...neighbours4(mesh, k));
  }
  let changed = false;
  for (let k = 0; k < mesh.cols * mesh.rows; k++) {
    if (!cells.has(k) && !outside.has(k)) {
      cells.add(k);
      changed = true;
    }
  }
  return changed;
}

/** Fills one cell of every 2×2 block where only a diagonal pair is selected, so the outline never pinches. */
function removePinches(mesh: Mesh, cells: Set<CellKey>): boolean {
  let changed = false;
  for (let j = 0; j < mesh.rows - 1; j++) {
    for (let i = 0; i < mesh.cols - 1; i++) {
      const a = cells.has(cellKey(mesh, i, j));
      const b = cells.has(cellKey(mesh, i + 1, j));
      const c = cells.has(cellKey(mesh, i, j + 1));
      const d = cells.has(cellKey(mesh, i + 1, j + 1));
      if (a && d && !b && !c) cells.add(cellKey(mesh, i + 1, j));
      else if (b && c && !a && !d) cells.add(cellKey(mesh, i, j));
      else continue;
      changed = true;
    }
  }
  return changed;
}

/**
 * Picks about `target` cells forming an irregular, lobed, star-shaped outline around `centre` (metres): one
 * piece, no holes, no corner pinches, so its outline is a single simple ring.
 */
export function selectOutline(
  mesh: Mesh,
  centre: readonly [number, number],
  target: number,
  rng: Rng,
): Set<CellKey> {
  const lobes = [2, 3, 4, 5].map((k) => ({ k, a: rng.range(0.04, 0.14), p: rng.range(0, 2 * Math.PI) }));
  const ranked: { key: CellKey; d: number }[] = [];
  for (let j = 0; j < mesh.rows; j++) {
    for (let i = 0; i < mesh.cols; i++) {
      const [x, y] = mesh.cellCentre(i, j);
      const theta = Math.atan2(y - centre[1], x - centre[0]);
      const r = 1 + lobes.reduce((s, l) => s + l.a * Math.sin(l.k * theta + l.p), 0);
      ranked.push({ key: cellKey(mesh, i, j), d: Math.hypot(x - centre[0], y - centre[1]) / r });
    }
  }
  ranked.sort((a, b) => a.d - b.d);
  let cells = new Set(ranked.slice(0, target).map((r) => r.key));
  for (let round = 0; round < 20; round++) {
    cells = largestComponent(mesh, cells);
    const holes = fillHoles(mesh, cells);
    const pinches = removePinches(mesh, cells);
    if (!holes && !pinches) break;
  }
  return cells;
}

/**
 * Groups the cells into grids of 1–3 edge-adjacent cells; `sizeFor` says how many cells a grid started at that
 * cell should try to take. Every cell lands in exactly one group.
 */
export function groupCells(
  mesh: Mesh,
  cells: ReadonlySet<CellKey>,
  sizeFor: (key: CellKey) => number,
  rng: Rng,
): CellKey[][] {
  const owner = new Map<CellKey, number>();
  const groups: CellKey[][] = [];
  for (const start of rng.shuffle([...cells].sort((a, b) => a - b))) {
    if (owner.has(start)) continue;
    const group = [start];
    owner.set(start, groups.length);
    const want = sizeFor(start);
    while (group.length < want) {
      const free = group.flatMap((c) => neighbours4(mesh, c)).filter((n) => cells.has(n) && !owner.has(n));
      if (free.length === 0) break;
      const pickCell = rng.pick(free);
      owner.set(pickCell, groups.length);
      group.push(pickCell);
    }
    groups.push(group);
  }
  return groups;
}

/** For each group, the indices of the groups it shares a mesh edge with. */
export function groupAdjacency(mesh: Mesh, groups: readonly (readonly CellKey[])[]): number[][] {
  const owner = new Map<CellKey, number>();
  groups.forEach((g, gi) => g.forEach((c) => owner.set(c, gi)));
  return groups.map((g, gi) => {
    const set = new Set<number>();
    for (const c of g) {
      for (const n of neighbours4(mesh, c)) {
        const o = owner.get(n);
        if (o !== undefined && o !== gi) set.add(o);
      }
    }
    return [...set].sort((a, b) => a - b);
  });
}

/** `k` well-spread seed indices among the points (farthest-point sampling from a random start). */
export function spreadSeeds(points: readonly (readonly [number, number])[], k: number, rng: Rng): number[] {
  const seeds = [rng.int(0, points.length - 1)];
  const dist = points.map(() => Infinity);
  while (seeds.length < k) {
    const last = points[seeds[seeds.length - 1] as number] as readonly [number, number];
    let best = -1;
    points.forEach((p, idx) => {
      dist[idx] = Math.min(dist[idx] as number, Math.hypot(p[0] - last[0], p[1] - last[1]));
      if (best === -1 || (dist[idx] as number) > (dist[best] as number)) best = idx;
    });
    seeds.push(best);
  }
  return seeds;
}

/**
 * Splits a connected graph into contiguous regions grown from the seeds: the lightest region (by summed
 * weight) takes its nearest free neighbour next, so regions come out compact and balanced.
 * Returns the region index of every item. Throws if the graph is not connected.
 */
export function growRegions(
  points: readonly (readonly [number, number])[],
  adjacency: readonly (readonly number[])[],
  weights: readonly number[],
  seeds: readonly number[],
): number[] {
  const region = points.map(() => -1);
  const load = seeds.map(() => 0);
  const frontier = seeds.map(() => new Set<number>());
  const claim = (item: number, r: number): void => {
    region[item] = r;
    load[r] = (load[r] as number) + (weights[item] ?? 1);
    for (const f of frontier) f.delete(item);
    for (const n of adjacency[item] ?? []) if (region[n] === -1) (frontier[r] as Set<number>).add(n);
  };
  seeds.forEach((s, r) => claim(s, r));
  for (;;) {
    let r = -1;
    frontier.forEach((f, k) => {
      if (f.size > 0 && (r === -1 || (load[k] as number) < (load[r] as number))) r = k;
    });
    if (r === -1) break;
    const seed = points[seeds[r] as number] as readonly [number, number];
    let best = -1;
    let bestD = Infinity;
    for (const item of frontier[r] as Set<number>) {
      const p = points[item] as readonly [number, number];
      const d = Math.hypot(p[0] - seed[0], p[1] - seed[1]);
      if (d < bestD || (d === bestD && item < best)) {
        best = item;
        bestD = d;
      }
    }
    claim(best, r);
  }
  if (region.includes(-1)) throw new Error('region growing left items unassigned: graph not connected');
  return region;
}
