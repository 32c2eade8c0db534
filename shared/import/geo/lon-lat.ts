/**
 * The last step every reader shares: settle the coordinate system (the operator's choice, else what
 * the file states, else what its format defines, else refuse projected-looking coordinates and name the
 * zones they could be in) and convert the features to WGS84 / CGCS2000 lon/lat.
 */
import { rewind } from '@turf/turf';
import type { SqlJsStatic } from 'sql.js';
import { isOutsideChina } from '../../geo/coord-systems';
import type { ChinaDatum } from '../../geo/china-offsets';
import type { LonLat } from '../../model/geo';
import {
  WGS84,
  candidateZones,
  looksProjected,
  projectedCandidates,
  toLonLat,
  type DetectedCrs,
} from './crs';
import { convertInPlace, extentOf } from './positions';
import { phaseReporter, type GeoProgress } from './progress';
import type { CrsReport, EncodingReport, GeoFeature, GeoIssue, GeoReadResult } from './result';

/** What the caller (the import wizard) may say about a file. */
export interface GeoReadOptions {
  /** The operator's system: overrides what the file states (e.g. a zone for projected data without one). */
  readonly crs?: DetectedCrs;
  /**
   * The datum of lon/lat data (坐标偏移): `gcj02` for a file drawn on Amap, Tencent or in 奥维, `bd09`
   * for Baidu; `wgs84` (CGCS2000 included) when left out. Applied by readGeoFile after the reader
   * (datum.ts); refused for projected data.
   */
  readonly datum?: ChinaDatum;
  /** The township's position (WGS84 degrees), to rank candidate systems by where the data would land. */
  readonly near?: LonLat;
  /** Which Shapefile of a zip holding several (its base name, as listed in `layers`). */
  readonly layer?: string;
  /** The operator's attribute encoding for a Shapefile, overriding `.cpg` and detection. */
  readonly encoding?: 'utf-8' | 'gbk' | 'gb18030';
  /**
   * The initialised sql.js module, needed for a GeoPackage (the reader stays synchronous; the caller
   * loads the WebAssembly once: renderer/import/sqlite.ts in the app, test/unit/import/geo/sqlite.ts
   * in Node tests).
   */
  readonly sqlite?: SqlJsStatic;
}

/** What the file says about its coordinate system. */
export type StatedCrs =
  | {
      readonly kind: 'stated';
      readonly crs: DetectedCrs;
      readonly source: 'prj' | 'geojson' | 'gpkg' | 'wkt';
    }
  /** The format defines lon/lat WGS84 (GeoJSON without `crs`, KML, GPX). */
  | { readonly kind: 'byFormat'; readonly source: 'rfc7946' | 'assumedWgs84ForKml' }
  /** A Shapefile without `.prj`. */
  | { readonly kind: 'none' }
  /** A format that may say but did not: a table of coordinates, a GeoPackage's undefined system. */
  | { readonly kind: 'unstated' };

export interface RawLayer {
  readonly file: string;
  readonly layer: string;
  /** Features in the file's own coordinates, which the conversion changes in place (see convertInPlace). */
  readonly features: readonly GeoFeature[];
  readonly stated: StatedCrs;
  /** Shapefiles wind outer rings clockwise; GeoJSON (RFC 7946) counter-clockwise. */
  readonly rewindPolygons?: boolean;
  readonly encoding?: EncodingReport;
  readonly warnings?: readonly GeoIssue[];
}

const round = (value: number, digits: number): number => Number(value.toFixed(digits));

/** `onProgress` hears the `converting` phase, feature by feature. */
export function toLonLatLayer(
  raw: RawLayer,
  options: GeoReadOptions = {},
  onProgress?: GeoProgress,
): GeoReadResult {
  const warnings: GeoIssue[] = [...(raw.warnings ?? [])];
  const { file } = raw;
  let crs: CrsReport;
  if (options.crs !== undefined) {
    crs = { detected: options.crs, source: 'chosen' };
  } else if (raw.stated.kind === 'stated') {
    crs = { detected: raw.stated.crs, source: raw.stated.source };
  } else {
    const extent = extentOf(raw.features.map((f) => f.geometry));
    if (extent !== null && looksProjected(extent)) {
      const candidates = projectedCandidates(extent, options.near);
      const key =
        raw.stated.kind === 'none'
          ? 'geoImport.crs.projectedWithoutPrj'
          : 'geoImport.crs.projectedWithoutCrs';
      return {
        ok: false,
        errors: [
          {
            key,
            params: {
              file,
              minX: round(extent[0], 2),
              minY: round(extent[1], 2),
              maxX: round(extent[2], 2),
              maxY: round(extent[3], 2),
              zones: candidates.length === 0 ? '—' : candidateZones(candidates),
            },
          },
        ],
        crsCandidates: candidates,
      };
    }
    if (raw.stated.kind === 'none' || raw.stated.kind === 'unstated') {
      crs = { detected: WGS84, source: 'guessed' };
      const key =
        raw.stated.kind === 'none' ? 'geoImport.crs.assumedLonLat' : 'geoImport.crs.assumedLonLatNoCrs';
      warnings.push({ key, params: { file } });
    } else {
      crs = { detected: WGS84, source: raw.stated.source };
      if (raw.stated.source === 'assumedWgs84ForKml') {
        warnings.push({ key: 'geoImport.crs.assumedWgs84ForKml', params: { file } });
      }
    }
  }
  const convert = toLonLat(crs.detected);
  const progress = phaseReporter('converting', raw.features.length, onProgress);
  const features: GeoFeature[] = raw.features.map((feature, i) => {
    progress.step(i);
    if (feature.geometry === null) return feature;
    // In place (the reader's own parse; a parser's `bbox` is dropped): no copy of 200,000 polygons.
    const geometry = convertInPlace(feature.geometry, convert);
    if (raw.rewindPolygons === true && (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon')) {
      rewind(geometry, { mutate: true });
    }
    return { type: 'Feature', geometry, properties: feature.properties };
  });
  progress.end();
  const extent = extentOf(features.map((f) => f.geometry));
  if (extent !== null) {
    const middle: LonLat = [(extent[0] + extent[2]) / 2, (extent[1] + extent[3]) / 2];
    if (isOutsideChina(middle)) {
      warnings.push({
        key: 'geoImport.crs.outsideChina',
        params: { file, lon: round(middle[0], 5), lat: round(middle[1], 5) },
      });
    }
  }
  return {
    ok: true,
    layer: raw.layer,
    features,
    crs,
    ...(raw.encoding === undefined ? {} : { encoding: raw.encoding }),
    warnings,
  };
}
