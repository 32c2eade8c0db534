/**
 * What changed in a live source (the officers' positions) between two drawings, as MapLibre's
 * `GeoJSONSource.updateData` takes it: the features added, the ids removed, and for a feature that
 * stayed its new geometry and the properties set or dropped. Pure (no map, no DOM): the live source
 * (live-source.ts) computes it on every batch of fixes and sends only it to the map's worker, instead
 * of the whole collection.
 */
import type { Feature, GeoJsonProperties, Geometry, Position } from 'geojson';
import type { GeoJSONFeatureDiff, GeoJSONSourceDiff } from 'maplibre-gl';

export type FeatureKey = string | number;

/** A point feature that moved: where it was drawn and where it is now (the map's lon/lat). */
export interface PointMove {
  readonly id: FeatureKey;
  readonly from: Position;
  readonly to: Position;
}

export interface LiveDiff {
  /** For `updateData`: removes, adds, then per-feature updates; empty parts left out. */
  readonly diff: GeoJSONSourceDiff;
  /** The point features among the updates whose position changed (their `newGeometry` is in `diff`). */
  readonly moves: readonly PointMove[];
  /** The features as drawn after the diff, by key (what the next diff compares against). */
  readonly drawn: ReadonlyMap<FeatureKey, Feature>;
  /** Whether the diff changes anything. */
  readonly empty: boolean;
}

/** The key of a feature: its `key` property (a source's `promoteId`), when a string or a finite number. */
export function featureKey(feature: Feature, key: string): FeatureKey | undefined {
  const value: unknown = feature.properties?.[key];
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  return undefined;
}

const sameValue = (a: unknown, b: unknown): boolean =>
  Object.is(a, b) ||
  (typeof a === 'object' &&
    a !== null &&
    typeof b === 'object' &&
    b !== null &&
    JSON.stringify(a) === JSON.stringify(b));

const samePosition = (a: Position, b: Position): boolean =>
  a.length === b.length && a.every((v, i) => v === b[i]);

function sameGeometry(a: Geometry | null, b: Geometry | null): boolean {
  if (a === b) return true;
  if (a === null || b === null) return false;
  if (a.type === 'Point' && b.type === 'Point') return samePosition(a.coordinates, b.coordinates);
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The properties `next` sets (new or changed) and drops, against `before`. */
function propertyChanges(
  before: GeoJsonProperties,
  next: GeoJsonProperties,
): Pick<GeoJSONFeatureDiff, 'addOrUpdateProperties' | 'removeProperties'> {
  const was = before ?? {};
  const now = next ?? {};
  const set = Object.keys(now)
    .filter((k) => !(k in was) || !sameValue(was[k], now[k]))
    .map((k) => ({ key: k, value: now[k] as unknown }));
  const dropped = Object.keys(was).filter((k) => !(k in now));
  return {
    ...(set.length > 0 ? { addOrUpdateProperties: set } : {}),
    ...(dropped.length > 0 ? { removeProperties: dropped } : {}),
  };
}

/**
 * The diff that turns the features drawn (`drawn`, by key) into `next`, each keyed by its `key`
 * property. A feature of `next` without a usable key (absent, not a string or finite number) cannot be
 * updated by id and is left out, as is a second feature with a key already seen (a source holds one
 * feature per id); a drawn feature whose key `next` lacks is removed. A feature whose geometry changed
 * type, or that gained or lost its geometry, is added again (which replaces it) rather than updated. Order
 * of `next` is kept in `drawn`; unchanged features are not mentioned in the diff.
 */
export function diffFeatures(
  drawn: ReadonlyMap<FeatureKey, Feature>,
  next: readonly Feature[],
  key: string,
): LiveDiff {
  const after = new Map<FeatureKey, Feature>();
  const add: Feature[] = [];
  const remove: FeatureKey[] = [];
  const update: GeoJSONFeatureDiff[] = [];
  const moves: PointMove[] = [];
  for (const feature of next) {
    const id = featureKey(feature, key);
    if (id === undefined || after.has(id)) continue;
    after.set(id, feature);
    const before = drawn.get(id);
    if (before === undefined) {
      add.push(feature);
      continue;
    }
    if (before === feature) continue;
    const geometryChanged = !sameGeometry(before.geometry, feature.geometry);
    if (
      geometryChanged &&
      (before.geometry === null ||
        feature.geometry === null ||
        before.geometry.type !== feature.geometry.type)
    ) {
      // An add of an id the source holds replaces that feature whole.
      add.push(feature);
      continue;
    }
    const properties = propertyChanges(before.properties, feature.properties);
    if (
      !geometryChanged &&
      properties.addOrUpdateProperties === undefined &&
      properties.removeProperties === undefined
    )
      continue;
    update.push({ id, ...(geometryChanged ? { newGeometry: feature.geometry } : {}), ...properties });
    if (geometryChanged && before.geometry.type === 'Point' && feature.geometry.type === 'Point')
      moves.push({ id, from: before.geometry.coordinates, to: feature.geometry.coordinates });
  }
  for (const id of drawn.keys()) if (!after.has(id)) remove.push(id);
  const diff: GeoJSONSourceDiff = {
    ...(remove.length > 0 ? { remove } : {}),
    ...(add.length > 0 ? { add } : {}),
    ...(update.length > 0 ? { update } : {}),
  };
  return { diff, moves, drawn: after, empty: remove.length + add.length + update.length === 0 };
}
