/**
 * What the positions benchmark records in a page (the app's, through positions-probe.ts, and the bare
 * MapLibre page's, bare-map.ts), the same way in both: fixed-size histograms (so ten minutes of
 * samples do not grow the heap the benchmark watches) of the latency from a fix to the map source
 * holding it, of each frame the map renders (from the frame's start to the end of the map's render),
 * and of the interval between animation frames (what the eye sees as smoothness).
 */

/** Counts of samples in bins of `step` ms from 0 to `max` ms (a last bin holds everything above). */
export class Histogram {
  private readonly bins: Uint32Array;
  private total = 0;
  private sum = 0;
  private largest = 0;

  constructor(
    private readonly step: number,
    private readonly max: number,
  ) {
    this.bins = new Uint32Array(Math.ceil(max / step) + 1);
  }

  add(ms: number): void {
    const bin = Math.min(this.bins.length - 1, Math.max(0, Math.floor(ms / this.step)));
    this.bins[bin] = (this.bins[bin] ?? 0) + 1;
    this.total += 1;
    this.sum += ms;
    if (ms > this.largest) this.largest = ms;
  }

  /** The figures the benchmark prints: count, mean, p50, p99, max (ms; a quantile to its bin's top). */
  summary(): HistogramSummary {
    const quantile = (q: number): number => {
      if (this.total === 0) return 0;
      const rank = Math.ceil(q * this.total);
      let seen = 0;
      for (let i = 0; i < this.bins.length; i += 1) {
        seen += this.bins[i] ?? 0;
        if (seen >= rank) return Math.min((i + 1) * this.step, this.largest);
      }
      return this.largest;
    };
    return {
      count: this.total,
      mean: this.total === 0 ? 0 : this.sum / this.total,
      p50: quantile(0.5),
      p99: quantile(0.99),
      max: this.largest,
    };
  }
}

export interface HistogramSummary {
  readonly count: number;
  readonly mean: number;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
}

export interface FrameFigures {
  /** Per frame the map rendered: from the frame's start to the end of the map's render, ms. */
  readonly render: HistogramSummary;
  /** Between consecutive animation frames, ms (16.7 at 60 Hz when nothing holds the thread). */
  readonly interval: HistogramSummary;
  /** Seconds recorded. */
  readonly seconds: number;
}

/**
 * Records frames until `stop()`: an animation-frame loop for the intervals, and `onRender` (a map's
 * `render` event) for the map's frames, each timed from the frame's start (`document.timeline`, the
 * time every animation callback of that frame is given), so the order of the callbacks does not matter.
 */
export function recordFrames(onRender: (listener: () => void) => () => void): { stop(): FrameFigures } {
  const render = new Histogram(0.1, 2_000);
  const interval = new Histogram(0.1, 2_000);
  const started = performance.now();
  let last = 0;
  let frame = 0;
  const loop = (at: number): void => {
    if (last > 0) interval.add(at - last);
    last = at;
    frame = requestAnimationFrame(loop);
  };
  frame = requestAnimationFrame(loop);
  const off = onRender(() => {
    const start = document.timeline.currentTime;
    if (typeof start === 'number') render.add(performance.now() - start);
  });
  return {
    stop() {
      cancelAnimationFrame(frame);
      off();
      return {
        render: render.summary(),
        interval: interval.summary(),
        seconds: (performance.now() - started) / 1000,
      };
    },
  };
}
