import { describe, expect, it } from 'vitest';
import { Glides, glideAt } from './live-glide';

describe('points gliding between two fixes', () => {
  it('stands at its start, halfway at half its time, and at its target from its end on', () => {
    const glide = { from: [120, 32], to: [120.002, 32.001], start: 1_000, duration: 800 };
    expect(glideAt(glide, 1_000)).toEqual([120, 32]);
    const half = glideAt(glide, 1_400);
    expect(half[0]).toBeCloseTo(120.001, 9);
    expect(half[1]).toBeCloseTo(32.0005, 9);
    expect(glideAt(glide, 1_800)).toBe(glide.to);
    expect(glideAt(glide, 5_000)).toBe(glide.to);
    expect(glideAt(glide, 0)).toEqual([120, 32]);
  });

  it('gives every glide’s position on a frame and drops the glides that arrived', () => {
    const glides = new Glides();
    glides.start('a', [0, 0], [10, 0], 0, 1_000);
    glides.start('b', [0, 0], [0, 10], 500, 1_000);
    expect(glides.step(250)).toEqual([
      { id: 'a', position: [2.5, 0] },
      { id: 'b', position: [0, 0] },
    ]);
    expect(glides.step(1_000)).toEqual([
      { id: 'a', position: [10, 0] },
      { id: 'b', position: [0, 5] },
    ]);
    expect(glides.size).toBe(1);
    expect(glides.has('a')).toBe(false);
    expect(glides.step(1_500)).toEqual([{ id: 'b', position: [0, 10] }]);
    expect(glides.size).toBe(0);
  });

  it('turns a point that gets a new fix mid-glide from where it stands, without a jump', () => {
    const glides = new Glides();
    glides.start('a', [0, 0], [10, 0], 0, 1_000);
    glides.start('a', [10, 0], [10, 10], 500, 1_000);
    expect(glides.step(500)).toEqual([{ id: 'a', position: [5, 0] }]);
    expect(glides.step(1_000)).toEqual([{ id: 'a', position: [7.5, 5] }]);
  });

  it('stops a cancelled glide', () => {
    const glides = new Glides();
    glides.start('a', [0, 0], [10, 0], 0, 1_000);
    glides.cancel('a');
    expect(glides.step(100)).toEqual([]);
  });
});
