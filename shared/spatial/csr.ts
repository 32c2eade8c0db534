/** Helpers for compressed-sparse-row lists built by counting sort (count, prefix-sum, fill). */

/** Post-increment of a typed-array slot: returns the old value. */
export function bump(counts: Int32Array, i: number): number {
  const v = counts[i] as number;
  counts[i] = v + 1;
  return v;
}

/** In place: counts[i + 1] becomes the sum of counts[0 … i + 1] (counts[0] stays 0). */
export function prefixSum(counts: Int32Array): void {
  for (let i = 1; i < counts.length; i++) counts[i] = (counts[i] as number) + (counts[i - 1] as number);
}
