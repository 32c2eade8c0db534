import { describe, expect, it } from 'vitest';
import { createRng } from '../sample/random';
import { areaPieces, ContiguityGuard, type Contiguity } from './contiguity';
import { latticeAdjacency } from './test-grids';

/** Grid indices of a 5 × 5 lattice from a picture, top row first: each letter an area. */
function picture(rows: readonly string[]): Int32Array {
  const cols = rows[0]?.length ?? 0;
  const out = new Int32Array(cols * rows.length);
  rows.forEach((line, k) => {
    const r = rows.length - 1 - k;
    for (let c = 0; c < cols; c++) out[r * cols + c] = line.charCodeAt(c) - 'a'.charCodeAt(0);
  });
  return out;
}

const adj5 = latticeAdjacency(5, 5);

describe('areaPieces', () => {
  it('finds an area cut in two by a column of another, and an area joined only at a corner', () => {
    const areaOf = picture(['aabaa', 'aabaa', 'bbbbb', 'ccbcc', 'cbbbc']);
    const border = areaPieces(adj5, areaOf, 3);
    expect(border.piecesOfArea.map((p) => p.length)).toEqual([2, 1, 2]);
    // a: two blocks of four; c: two L-shapes of three, the one holding the lowest grid first.
    expect((border.piecesOfArea[0] ?? []).map((p) => border.pieceSize[p])).toEqual([4, 4]);
    expect((border.piecesOfArea[2] ?? []).map((p) => border.pieceSize[p])).toEqual([3, 3]);
    const touch = areaPieces(adj5, picture(['abaaa', 'baaaa', 'aaaaa', 'aaaaa', 'aaaaa']), 2, 'touch');
    expect(touch.piecesOfArea.map((p) => p.length)).toEqual([1, 1]);
    const byBorder = areaPieces(adj5, picture(['abaaa', 'baaaa', 'aaaaa', 'aaaaa', 'aaaaa']), 2, 'border');
    expect(byBorder.piecesOfArea.map((p) => p.length)).toEqual([2, 2]);
  });
});

describe('ContiguityGuard', () => {
  it('lets a grid on a straight edge go, and keeps the grid that is an area’s only link', () => {
    const areaOf = picture(['aaaaa', 'aaaaa', 'abbbb', 'aaaaa', 'aaaaa']);
    const guard = new ContiguityGuard(adj5, areaOf);
    // Grid (0, 2), the left end of the middle row, holds the top and the bottom of area a together.
    expect(guard.canRemove(2 * 5 + 0)).toBe(false);
    // Grid (4, 4), a corner of the top rows, can go.
    expect(guard.canRemove(4 * 5 + 4)).toBe(true);
    expect(guard.counts.local).toBeGreaterThan(0);
  });

  it('searches the area when the ring round the grid does not join its neighbours, and finds the way round', () => {
    // A ring of a round the b in the middle: the grid above b has neighbours left and right in a
    // that its own ring does not join (the b sits between), but the way round the ring does.
    const areaOf = picture(['aaaaa', 'abbba', 'abbba', 'abbba', 'aaaaa']);
    const guard = new ContiguityGuard(adj5, areaOf);
    expect(guard.canRemove(4 * 5 + 2)).toBe(true);
    expect(guard.counts).toEqual({ local: 0, searched: 1 });
    // Cut the ring once: now that grid is the only link left and must stay.
    const cut = picture(['aaaaa', 'abbba', 'abbba', 'abbba', 'aabaa']);
    const g3 = new ContiguityGuard(adj5, cut);
    expect(g3.canRemove(4 * 5 + 2)).toBe(false);
    expect(g3.counts.searched).toBe(1);
  });

  for (const contiguity of ['border', 'touch'] as const satisfies readonly Contiguity[]) {
    it(`agrees with counting the pieces again, for every grid of random assignments (${contiguity})`, () => {
      const adj = latticeAdjacency(8, 8);
      for (let seed = 1; seed <= 6; seed++) {
        const rng = createRng(seed);
        const areaOf = Int32Array.from({ length: adj.size }, () => rng.int(0, 2));
        const guard = new ContiguityGuard(adj, areaOf, contiguity);
        const before = areaPieces(adj, areaOf, 3, contiguity).piecesOfArea.map((p) => p.length);
        for (let g = 0; g < adj.size; g++) {
          const a = areaOf[g] as number;
          const without = Int32Array.from(areaOf);
          without[g] = -1;
          const after = areaPieces(adj, without, 3, contiguity).piecesOfArea.map((p) => p.length);
          expect(guard.canRemove(g), `seed ${seed} grid ${g}`).toBe(
            (after[a] as number) <= (before[a] as number),
          );
        }
      }
    });
  }
});
