/**
 * A GeoJSON source drawn live (the officers' badges): each new drawing is sent to the map as a diff
 * of what changed (live-diff.ts; `GeoJSONSource.updateData`), not as the whole collection, and a point
 * that moved glides to its new place (live-glide.ts) when it is in view and the move is visible, with
 * animation frames requested only while something glides. Off screen, under a pixel, or past
 * {@link LIVE_GLIDE}'s cap a point jumps: 2,000 officers reporting every second at the township view
 * move less than a pixel each and cost no frames. The controller keeps one per live source of the
 * registry; nothing here enters Vue.
 */
import type { Feature, FeatureCollection, Position } from 'geojson';
import type { GeoJSONFeatureDiff, GeoJSONSource, Map as MapLibreMap, MapSourceDataEvent } from 'maplibre-gl';
import { diffFeatures, featureKey, type FeatureKey, type PointMove } from './live-diff';
import { Glides } from './live-glide';

export interface GlideRule {
  /** How long a glide takes to its new position, ms (a phone reports every second or more seldom). */
  readonly ms: number;
  /** A move shorter than this on screen (CSS px) jumps: gliding it would show nothing. */
  readonly minPixels: number;
  /** A point this far outside the canvas at both ends of its move is out of view (CSS px). */
  readonly marginPixels: number;
  /** At most this many points glide at once; a move beyond it jumps (frames stay cheap at any zoom). */
  readonly maxGlides: number;
}

export const LIVE_GLIDE: GlideRule = { ms: 800, minPixels: 1, marginPixels: 40, maxGlides: 300 };

/** What one update put into the source: the features it showed anew (added, changed, set gliding; not removed). */
export interface LiveApplied<Stamp> {
  readonly ids: readonly FeatureKey[];
  /** What the caller gave with the drawing these features came from. */
  readonly stamp: Stamp;
}

/**
 * Calls `then` once the map's worker has taken the update about to be sent to the GeoJSON source `id`
 * (its `content` data event): the next such event when the source is idle, else the one after (the
 * update being sent ends first; ours waits, merged into any waiting). Call it right before sending.
 * The promise `setData` and `updateData` return settles only when no update is left, which under a
 * steady stream of them is much later.
 */
export function onceApplied(map: MapLibreMap, id: string, then: () => void): void {
  const source = map.getSource<GeoJSONSource>(id);
  if (source === undefined) return;
  let events = source.loaded() ? 1 : 2;
  const on = (e: MapSourceDataEvent): void => {
    if (e.sourceId !== id || e.sourceDataType !== 'content') return;
    events -= 1;
    if (events > 0) return;
    map.off('sourcedata', on);
    then();
  };
  map.on('sourcedata', on);
}

export class LiveSource<Stamp = undefined> {
  /** The features of the last drawing by key (their targets, where glides end); null: none sent yet. */
  private drawn: ReadonlyMap<FeatureKey, Feature> | null = null;
  private readonly glides = new Glides();
  private frame: number | null = null;
  /** Features whose only change glides: the first glide frame shows them. */
  private startedGliding: { ids: FeatureKey[]; stamp: Stamp } | null = null;

  constructor(
    private readonly map: MapLibreMap,
    readonly id: string,
    /** The property that keys features (the source's `promoteId`). */
    private readonly key: string,
    private readonly onApplied: (applied: LiveApplied<Stamp>) => void,
    private readonly rule: GlideRule = LIVE_GLIDE,
  ) {}

  /**
   * Draws `collection`: the first time (and after {@link reset}) whole, then only what changed since
   * the last drawing; `stamp` comes back with the features it showed once the map's worker has them.
   */
  show(collection: FeatureCollection, stamp: Stamp): void {
    if (this.drawn === null) {
      this.stopGliding();
      const whole = diffFeatures(new Map(), collection.features, this.key);
      this.drawn = whole.drawn;
      const features = [...whole.drawn.values()];
      this.sent(
        () => this.source().setData({ type: 'FeatureCollection', features }),
        [...whole.drawn.keys()],
        stamp,
      );
      return;
    }
    const change = diffFeatures(this.drawn, collection.features, this.key);
    this.drawn = change.drawn;
    if (change.empty) return;
    const now = performance.now();
    const glide = this.glidesFor(change.moves);
    for (const id of change.diff.remove ?? []) this.glides.cancel(id);
    for (const feature of change.diff.add ?? []) {
      const id = featureKey(feature, this.key);
      if (id !== undefined) this.glides.cancel(id);
    }
    const onlyGlides: FeatureKey[] = [];
    const update: GeoJSONFeatureDiff[] = [];
    for (const u of change.diff.update ?? []) {
      if (!glide.has(u.id)) {
        if (u.newGeometry !== undefined) this.glides.cancel(u.id);
        update.push(u);
        continue;
      }
      const move = glide.get(u.id) as PointMove;
      this.glides.start(u.id, move.from, move.to, now, this.rule.ms);
      const { newGeometry: _gliding, ...rest } = u;
      if (rest.addOrUpdateProperties !== undefined || rest.removeProperties !== undefined) update.push(rest);
      else onlyGlides.push(u.id);
    }
    if (onlyGlides.length > 0) {
      // Shown by the next frame; an earlier drawing's still unshown glides go with it.
      const earlier = this.startedGliding?.ids ?? [];
      this.startedGliding = { ids: [...earlier, ...onlyGlides], stamp };
    }
    const diff = { ...change.diff, update };
    const shown = [
      ...(diff.add ?? []).flatMap((f) => {
        const id = featureKey(f, this.key);
        return id === undefined ? [] : [id];
      }),
      ...update.map((u) => u.id),
    ];
    if (shown.length > 0 || (diff.remove ?? []).length > 0)
      this.sent(() => this.source().updateData(diff), shown, stamp);
    if (this.glides.size > 0) this.frame ??= requestAnimationFrame(this.tick);
  }

  /** Forgets what was drawn: the next {@link show} sends the whole collection (a redraw in another datum). */
  reset(): void {
    this.drawn = null;
    this.stopGliding();
  }

  /** How many points glide now. */
  gliding(): number {
    return this.glides.size;
  }

  private readonly tick = (now: number): void => {
    this.frame = null;
    const steps = this.glides.step(now);
    if (steps.length > 0) {
      const update: GeoJSONFeatureDiff[] = steps.map((s) => ({
        id: s.id,
        newGeometry: { type: 'Point', coordinates: s.position },
      }));
      const started = this.startedGliding;
      this.startedGliding = null;
      this.sent(() => this.source().updateData({ update }), started?.ids ?? [], started?.stamp);
    }
    if (this.glides.size > 0) this.frame = requestAnimationFrame(this.tick);
    else this.startedGliding = null;
  };

  /** The moves to glide: in view at either end, long enough on screen to show, within the cap. */
  private glidesFor(moves: readonly PointMove[]): ReadonlyMap<FeatureKey, PointMove> {
    const chosen = new Map<FeatureKey, PointMove>();
    if (moves.length === 0) return chosen;
    const canvas = this.map.getCanvas();
    const { marginPixels: margin, minPixels, maxGlides } = this.rule;
    const width = canvas.clientWidth;
    const height = canvas.clientHeight;
    const inView = (p: { x: number; y: number }): boolean =>
      p.x >= -margin && p.y >= -margin && p.x <= width + margin && p.y <= height + margin;
    const screen = (at: Position): { x: number; y: number } => this.map.project([at[0] ?? 0, at[1] ?? 0]);
    let count = this.glides.size;
    for (const move of moves) {
      const already = this.glides.has(move.id);
      if (!already && count >= maxGlides) continue;
      const from = screen(move.from);
      const to = screen(move.to);
      if (!inView(from) && !inView(to)) continue;
      if (Math.hypot(to.x - from.x, to.y - from.y) < minPixels) continue;
      chosen.set(move.id, move);
      if (!already) count += 1;
    }
    return chosen;
  }

  /** Sends an update; once the map's worker has it, tells `onApplied` the features it showed anew. */
  private sent(send: () => Promise<void>, ids: readonly FeatureKey[], stamp: Stamp | undefined): void {
    if (ids.length > 0) onceApplied(this.map, this.id, () => this.onApplied({ ids, stamp: stamp as Stamp }));
    send().catch((error: unknown) => console.error(`[map] live source ${this.id}`, error));
  }

  private stopGliding(): void {
    this.glides.clear();
    this.startedGliding = null;
    if (this.frame !== null) cancelAnimationFrame(this.frame);
    this.frame = null;
  }

  private source(): GeoJSONSource {
    const source = this.map.getSource<GeoJSONSource>(this.id);
    if (!source) throw new Error(`map source ${this.id} is missing from the style`);
    return source;
  }
}
