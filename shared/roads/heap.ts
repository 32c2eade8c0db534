/** A binary min-heap of (key, value) pairs for Dijkstra: keys in metres, values node ids. */
export class MinHeap {
  private readonly keys: number[] = [];
  private readonly values: number[] = [];

  get size(): number {
    return this.keys.length;
  }

  push(key: number, value: number): void {
    const { keys, values } = this;
    let k = keys.length;
    keys.push(key);
    values.push(value);
    while (k > 0) {
      const parent = (k - 1) >> 1;
      const pk = keys[parent] ?? 0;
      if (pk <= key) break;
      keys[k] = pk;
      values[k] = values[parent] ?? 0;
      k = parent;
    }
    keys[k] = key;
    values[k] = value;
  }

  /** Smallest key in the heap; Infinity when empty. */
  peekKey(): number {
    return this.keys[0] ?? Infinity;
  }

  /** Removes the pair with the smallest key; undefined when empty. */
  pop(): { key: number; value: number } | undefined {
    const { keys, values } = this;
    if (keys.length === 0) return undefined;
    const top = { key: keys[0] ?? 0, value: values[0] ?? 0 };
    const lastKey = keys.pop() ?? 0;
    const lastValue = values.pop() ?? 0;
    const n = keys.length;
    if (n === 0) return top;
    let k = 0;
    for (;;) {
      let child = 2 * k + 1;
      if (child >= n) break;
      if (child + 1 < n && (keys[child + 1] ?? 0) < (keys[child] ?? 0)) child += 1;
      if ((keys[child] ?? 0) >= lastKey) break;
      keys[k] = keys[child] ?? 0;
      values[k] = values[child] ?? 0;
      k = child;
    }
    keys[k] = lastKey;
    values[k] = lastValue;
    return top;
  }
}
