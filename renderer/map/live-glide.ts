/**
 * Points gliding to their new position between two fixes, so an officer's badge moves rather than
 * jumps. Pure (no map, no clock of its own): the live source (live-source.ts) starts a glide for a
 * move it wants eased, and on each animation frame asks where every glide stands at that frame's time.
 */
import type { Position } from 'geojson';
import type { FeatureKey } from './live-diff';

export interface Glide {
  readonly from: Position;
  readonly to: Position;
  /** Start, ms on the caller's clock (performance.now()). */
  readonly start: number;
  /** ms; the glide ends at its target `duration` after its start. */
  readonly duration: number;
}

/** Where a glide stands at `now`: linear from `from` to `to` (a constant speed between two fixes), clamped. */
export function glideAt(glide: Glide, now: number): Position {
  const t = glide.duration <= 0 ? 1 : Math.min(1, Math.max(0, (now - glide.start) / glide.duration));
  if (t === 1) return glide.to;
  return glide.to.map((v, i) => (glide.from[i] ?? v) + (v - (glide.from[i] ?? v)) * t);
}

/** The glides under way, by feature key. */
export class Glides {
  private readonly active = new Map<FeatureKey, Glide>();

  get size(): number {
    return this.active.size;
  }

  has(id: FeatureKey): boolean {
    return this.active.has(id);
  }

  /**
   * Glides `id` to `to` over `duration` ms from `now`, starting where it stands: from its current glide's
   * position when it is gliding already (a new fix mid-glide turns it without a jump), else from `from`.
   */
  start(id: FeatureKey, from: Position, to: Position, now: number, duration: number): void {
    const current = this.active.get(id);
    this.active.set(id, {
      from: current === undefined ? from : glideAt(current, now),
      to,
      start: now,
      duration,
    });
  }

  /** Stops the glide of `id` where it is (the caller draws its target at once). */
  cancel(id: FeatureKey): void {
    this.active.delete(id);
  }

  clear(): void {
    this.active.clear();
  }

  /**
   * Where every glide stands at `now`, in the order they started; a glide that reached its target is
   * given at its target and dropped.
   */
  step(now: number): { readonly id: FeatureKey; readonly position: Position }[] {
    const out: { id: FeatureKey; position: Position }[] = [];
    for (const [id, glide] of this.active) {
      const position = glideAt(glide, now);
      out.push({ id, position });
      if (position === glide.to) this.active.delete(id);
    }
    return out;
  }
}
