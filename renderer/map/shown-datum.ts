import type { Feature, FeatureCollection } from 'geojson';
import { convertGeometry, datumConverter } from '../../shared/geo/china-offsets';
import type { LonLat } from '../../shared/model/geo';
import type { BasemapDatum } from '../../shared/tiles/basemaps';

/**
 * The datum the map draws in, which is its basemap's: everything GridDesk stores is WGS84, and over a
 * GCJ-02 basemap (Amap, Tencent tiles) every overlay is drawn at its GCJ-02 position so it lands on the
 * basemap's roads, while every position the map hands back (a click, the cursor, a cluster) is taken
 * back to WGS84 before anything reads it. Only the screen is shifted, never stored data. Over a WGS84
 * basemap both directions are the identity.
 */
export interface ShownDatum {
  readonly datum: BasemapDatum;
  /** A stored WGS84 [lon, lat] → where the map draws it. */
  shown(point: LonLat): LonLat;
  /** A [lon, lat] of the map (a click, the pointer) → the WGS84 position it stands for. */
  stored(point: LonLat): LonLat;
}

export function shownDatum(datum: BasemapDatum): ShownDatum {
  return { datum, shown: datumConverter('wgs84', datum), stored: datumConverter(datum, 'wgs84') };
}

/** Copies of the features with their geometry as the map draws it in `datum` (the input is left alone). */
export function shownFeatures(features: readonly Feature[], datum: BasemapDatum): Feature[] {
  if (datum === 'wgs84') return features as Feature[];
  const shown = datumConverter('wgs84', datum);
  return features.map((f) =>
    f.geometry === null ? f : { ...f, geometry: convertGeometry(f.geometry, shown) },
  );
}

/** A collection as the map draws it in `datum`. */
export function shownCollection(collection: FeatureCollection, datum: BasemapDatum): FeatureCollection {
  if (datum === 'wgs84') return collection;
  return { ...collection, features: shownFeatures(collection.features, datum) };
}
