import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MinHeap } from './heap';

describe('MinHeap', () => {
  it('pops pairs in key order, whatever order they were pushed in', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { maxLength: 200 }), (keys) => {
        const heap = new MinHeap();
        keys.forEach((k, v) => heap.push(k, v));
        const out: number[] = [];
        for (let top = heap.pop(); top; top = heap.pop()) {
          expect(keys[top.value]).toBe(top.key);
          out.push(top.key);
        }
        expect(out).toEqual([...keys].sort((a, b) => a - b));
        expect(heap.size).toBe(0);
        expect(heap.peekKey()).toBe(Infinity);
      }),
      { numRuns: 200, seed: 5 },
    );
  });
});
