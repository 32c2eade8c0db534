/** Tiny benchmark harness: warm up, then time whole runs and keep the median. No timing assertions. */
export interface Measurement {
  readonly name: string;
  /** Median wall time of one run, milliseconds. */
  readonly medianMs: number;
  readonly runs: number;
}

export function measure(
  name: string,
  run: () => unknown,
  options: { warmup?: number; runs?: number } = {},
): Measurement {
  const warmup = options.warmup ?? 2;
  const runs = options.runs ?? 7;
  for (let i = 0; i < warmup; i++) run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)] ?? 0, runs };
}

export function report(title: string, rows: readonly Measurement[], baseline: Measurement): void {
  console.log(`\n${title}`);
  for (const r of rows) {
    const ratio = r.medianMs / baseline.medianMs;
    console.log(
      `  ${r.name.padEnd(44)} ${r.medianMs.toFixed(2).padStart(10)} ms   ${ratio.toFixed(2)}× ${r === baseline ? '(baseline)' : 'baseline'}`,
    );
  }
}

/** {@link measure} for work that is asynchronous (WebCrypto hashing). */
export async function measureAsync(
  name: string,
  run: () => Promise<unknown>,
  options: { warmup?: number; runs?: number } = {},
): Promise<Measurement> {
  const warmup = options.warmup ?? 1;
  const runs = options.runs ?? 5;
  for (let i = 0; i < warmup; i++) await run();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, medianMs: times[Math.floor(times.length / 2)] ?? 0, runs };
}
