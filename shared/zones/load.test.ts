import { describe, expect, it } from 'vitest';
import { areaLoads, imbalanceOf } from './load';

describe('imbalanceOf', () => {
  it('is the heaviest area over the mean, minus one', () => {
    expect(imbalanceOf([10, 20, 30])).toBeCloseTo(30 / 20 - 1, 12);
    expect(imbalanceOf([5, 5])).toBe(0);
  });

  it('compares load per capacity with the total over the total capacity', () => {
    // 30 over 3 officers and 10 over 1: both 10 per officer, even.
    expect(imbalanceOf([30, 10], [3, 1])).toBe(0);
    expect(imbalanceOf([30, 10], [1, 1])).toBeCloseTo(30 / 20 - 1, 12);
  });

  it('is 0 with no load at all', () => {
    expect(imbalanceOf([0, 0, 0])).toBe(0);
    expect(imbalanceOf([])).toBe(0);
  });
});

describe('areaLoads', () => {
  it('sums the grids’ loads per area and leaves out grids in no area', () => {
    expect([...areaLoads([0, 1, 1, -1, 0], [1, 2, 3, 100, 4], 2)]).toEqual([5, 5]);
  });
});
