import { describe, expect, it } from 'vitest';
import { createRng } from './random';

describe('createRng', () => {
  it('repeats its sequence for a seed and differs between nearby seeds', () => {
    const draw = (seed: number): number[] => Array.from({ length: 5 }, createRng(seed).next);
    expect(draw(1)).toEqual(draw(1));
    expect(draw(1)).not.toEqual(draw(2));
  });

  it('keeps draws in range', () => {
    const rng = createRng(7);
    for (let k = 0; k < 2000; k++) {
      const u = rng.next();
      expect(u >= 0 && u < 1).toBe(true);
      const n = rng.int(3, 5);
      expect([3, 4, 5]).toContain(n);
    }
  });

  it('draws weighted indices in proportion and never picks a zero weight', () => {
    const rng = createRng(11);
    const counts = [0, 0, 0];
    for (let k = 0; k < 10_000; k++) {
      const i = rng.weightedIndex([1, 0, 3]);
      counts[i] = (counts[i] as number) + 1;
    }
    expect(counts[1]).toBe(0);
    expect((counts[2] as number) / (counts[0] as number)).toBeGreaterThan(2.5);
    expect((counts[2] as number) / (counts[0] as number)).toBeLessThan(3.5);
  });

  it('forks independent generators deterministically', () => {
    const a = createRng(5).fork(1);
    const b = createRng(5).fork(1);
    expect(a.next()).toBe(b.next());
    expect(createRng(5).fork(2).next()).not.toBe(createRng(5).fork(1).next());
  });
});
