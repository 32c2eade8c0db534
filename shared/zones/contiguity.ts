/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import type { GridAdjacency } from '../spatial/grid-adjacency';

/**
 * What keeps a patrol area in one piece (连片): `border`, grids sharing a stretch of border (the
 * default: a team crosses from one grid to the next without leaving its area), or `touch`, also grids
 * meeting at a single corner.
 */
export type Contiguity = 'border' | 'touch';

/** Whether adjacency entry `k` joins two grids into one piece under `contiguity`. */
export function joins(adj: GridAdjacency, k: number, contiguity: Contiguity): boolean {
  return contiguity === 'touch' || adj.sharedM[k]! > 0;
}

/** The connected pieces of every area of an assignment. */
export interface AreaPieces {
  /** Piece of each grid, or -1 for a grid with no area (area index < 0). */
  readonly pieceOf: Int32Array;
  /** Area of each piece. */
  readonly pieceArea: Int32Array;
  /** Grids in each piece. */
  readonly pieceSize: Int32Array;
  /** Pieces of each area, largest first (ties: the piece holding the lowest grid index first). */
  readonly piecesOfArea: readonly (readonly number[])[];
}

/**
 * Splits each area of `areaOf` (area index per grid, 0 … areaCount − 1; negative for none) into its
 * connected pieces under `contiguity`, by one breadth-first pass over the grids: O(grids + links).
 * An area in one piece is contiguous; every further piece is an enclave to flag (飞地).
 */
export function areaPieces(
  adj: GridAdjacency,
  areaOf: ArrayLike<number>,
  areaCount: number,
  contiguity: Contiguity = 'border',
): AreaPieces {
  const n = adj.size;
  const pieceOf = new Int32Array(n).fill(-1);
  const queue = new Int32Array(n);
  const areas: number[] = [];
  const sizes: number[] = [];
  for (let seed = 0; seed < n; seed++) {
    const area = areaOf[seed]!;
    if (area < 0 || pieceOf[seed]! >= 0) continue;
    const piece = areas.length;
    let head = 0;
    let tail = 0;
    queue[tail++] = seed;
    pieceOf[seed] = piece;
    while (head < tail) {
      const g = queue[head++]!;
      for (let k = adj.start[g]!; k < adj.start[g + 1]!; k++) {
        const h = adj.neighbours[k]!;
        if (pieceOf[h]! >= 0 || areaOf[h] !== area || !joins(adj, k, contiguity)) continue;
        pieceOf[h] = piece;
        queue[tail++] = h;
      }
    }
    areas.push(area);
    sizes.push(tail);
  }
  const piecesOfArea: number[][] = Array.from({ length: areaCount }, () => []);
  areas.forEach((area, piece) => piecesOfArea[area]?.push(piece));
  for (const list of piecesOfArea) list.sort((p, q) => sizes[q]! - sizes[p]! || p - q);
  return {
    pieceOf,
    pieceArea: Int32Array.from(areas),
    pieceSize: Int32Array.from(sizes),
    piecesOfArea,
  };
}

/** How often {@link ContiguityGuard.canRemove} settled by the local look and how often it searched. */
export interface GuardCounts {
  readonly local: number;
  readonly searched: number;
}

/**
 * Answers "can this grid leave its area without cutting the area in two?" over a live assignment (the
 * caller moves grids in `areaOf` and asks again), looking first only at the grid's own neighbourhood.
 *
 * Let S be the grid's neighbours in its area that keep it in one piece (under `contiguity`). With at
 * most one, removing the grid cannot split anything. Otherwise, if S is connected through the grid's
 * other neighbours in the same area (its ring: every grid touching it), every path through the grid
 * has a way round it and the area stays in one piece: the common case, settled in a few dozen steps.
 * When the ring does not connect S (the grid sits on a neck, or the way round is longer), a
 * breadth-first search bounded to the area, without the grid, decides: it stops as soon as all of S is
 * reached. So the answer is exact either way: true exactly when the area's pieces do not increase.
 * An area already in several pieces is judged piece by piece the same way.
 *
 * It does not refuse to empty an area (a grid alone in its area can always "leave"): callers decide
 * whether an area may become empty.
 */
export class ContiguityGuard {
  private readonly stamp: Int32Array;
  private readonly queue: Int32Array;
  private generation = 0;
  private localCount = 0;
  private searchCount = 0;
  private readonly ring: number[] = [];
  private readonly keep: number[] = [];

  constructor(
    private readonly adj: GridAdjacency,
    private readonly areaOf: Int32Array,
    private readonly contiguity: Contiguity = 'border',
  ) {
    this.stamp = new Int32Array(adj.size);
    this.queue = new Int32Array(adj.size);
  }

  get counts(): GuardCounts {
    return { local: this.localCount, searched: this.searchCount };
  }

  /** Whether grid `g` can leave its area (to any other) without the area's pieces increasing. */
  canRemove(g: number): boolean {
    const { adj, areaOf } = this;
    const area = areaOf[g]!;
    const ring = this.ring;
    const keep = this.keep;
    ring.length = 0;
    keep.length = 0;
    for (let k = adj.start[g]!; k < adj.start[g + 1]!; k++) {
      const h = adj.neighbours[k]!;
      if (areaOf[h] !== area) continue;
      ring.push(h);
      if (joins(adj, k, this.contiguity)) keep.push(h);
    }
    if (keep.length <= 1) {
      this.localCount++;
      return true;
    }
    // Local look: is `keep` connected through the ring (grids touching g, in its area)?
    const mark = this.nextGeneration();
    for (const h of ring) this.stamp[h] = mark;
    const reached = this.nextGeneration();
    let head = 0;
    let tail = 0;
    this.queue[tail++] = keep[0]!;
    this.stamp[keep[0]!] = reached;
    while (head < tail) {
      const x = this.queue[head++]!;
      for (let k = adj.start[x]!; k < adj.start[x + 1]!; k++) {
        const y = adj.neighbours[k]!;
        if (this.stamp[y] !== mark || !joins(adj, k, this.contiguity)) continue;
        this.stamp[y] = reached;
        this.queue[tail++] = y;
      }
    }
    let found = 0;
    for (const h of keep) if (this.stamp[h] === reached) found++;
    if (found === keep.length) {
      this.localCount++;
      return true;
    }
    // Inconclusive: search the area without g, until every grid of `keep` is reached.
    this.searchCount++;
    const seen = this.nextGeneration();
    this.stamp[g] = seen;
    const wanted = this.nextGeneration();
    for (const h of keep) this.stamp[h] = wanted;
    let missing = keep.length - 1;
    head = 0;
    tail = 0;
    this.queue[tail++] = keep[0]!;
    this.stamp[keep[0]!] = seen;
    while (head < tail) {
      const x = this.queue[head++]!;
      for (let k = adj.start[x]!; k < adj.start[x + 1]!; k++) {
        const y = adj.neighbours[k]!;
        const s = this.stamp[y]!;
        if (s === seen || areaOf[y] !== area || !joins(adj, k, this.contiguity)) continue;
        if (s === wanted && --missing === 0) return true;
        this.stamp[y] = seen;
        this.queue[tail++] = y;
      }
    }
    return false;
  }

  private nextGeneration(): number {
    if (this.generation === 0x7fffffff) {
      this.stamp.fill(0);
      this.generation = 0;
    }
    return ++this.generation;
  }
}
