/**
 * What every geographic file reader returns: the features in WGS84 / CGCS2000 lon/lat, where their
 * coordinate system came from, how their text was decoded, and what the operator should know; or the
 * problems that stopped the read. Problems are i18n keys with the parameters their texts name
 * (`renderer/i18n/parts/import.ts`, `geoImport.*`; archive refusals keep the shared `zip.*` keys).
 */
import type { ZipRefusal } from '../../zip/guard';
import type { ReadFileProblem } from '../table';
import type { CrsCandidate, DetectedCrs } from './crs';
import type { DatumHint, OffsetDatum } from './datum';

/** A message parameter: file names, feature numbers (1-based, as the operator counts), field names. */
export type GeoParams = Readonly<Record<string, string | number>>;

/** One problem or notice, named for the operator: the key of its text and the values that text shows. */
export interface GeoIssue {
  /** A key of its own, or the shared one of a zip refusal or of a CSV/XLSX table that cannot be read. */
  readonly key: GeoIssueKey | ZipRefusal['key'] | ReadFileProblem['key'];
  readonly params: GeoParams;
}

/** Every key a geographic reader may return of its own (the i18n test checks each has both texts). */
export const GEO_ISSUE_KEYS = [
  'geoImport.file.empty',
  'geoImport.file.tooBig',
  'geoImport.file.unknownType',
  'geoImport.file.notZip',
  'geoImport.json.bad',
  'geoImport.json.notGeoJson',
  'geoImport.xml.bad',
  'geoImport.xml.noFeatures',
  'geoImport.kmz.noKml',
  'geoImport.kmz.remoteLink',
  'geoImport.kmz.linkMissing',
  'geoImport.kml.networkLink',
  'geoImport.shp.noShapefile',
  'geoImport.shp.missingPart',
  'geoImport.shp.severalLayers',
  'geoImport.shp.badFile',
  'geoImport.shp.recordCountMismatch',
  'geoImport.gpkg.noSqlite',
  'geoImport.gpkg.notSqlite',
  'geoImport.gpkg.badFile',
  'geoImport.gpkg.notGeoPackage',
  'geoImport.gpkg.noFeatures',
  'geoImport.gpkg.severalLayers',
  'geoImport.gpkg.unknownLayer',
  'geoImport.gpkg.badGeometry',
  'geoImport.table.noGeometryColumns',
  'geoImport.table.noRows',
  'geoImport.table.badWkt',
  'geoImport.table.badCoordinate',
  'geoImport.table.missingGeometry',
  'geoImport.table.moreProblems',
  'geoImport.table.axesSwapped',
  'geoImport.encoding.guessed',
  'geoImport.encoding.unknownCpg',
  'geoImport.encoding.cpgWrong',
  'geoImport.crs.projectedWithoutPrj',
  'geoImport.crs.projectedWithoutCrs',
  'geoImport.crs.assumedLonLat',
  'geoImport.crs.assumedLonLatNoCrs',
  'geoImport.crs.assumedWgs84ForKml',
  'geoImport.crs.unsupported',
  'geoImport.crs.badPrj',
  'geoImport.crs.outsideChina',
  'geoImport.datum.notLonLat',
  'geoImport.datum.hintKml',
  'geoImport.datum.hintOvkml',
  'geoImport.datum.hintColumns',
  'geoImport.geometry.nonFinite',
  'geoImport.geometry.ringTooShort',
  'geoImport.geometry.ringNotClosed',
  'geoImport.geometry.selfIntersects',
  'geoImport.geometry.wrongOrientation',
  'geoImport.geometry.missing',
] as const;
export type GeoIssueKey = (typeof GEO_ISSUE_KEYS)[number];

/** Where the coordinate system of the result came from. */
export type CrsSource =
  /** The Shapefile's `.prj`. */
  | 'prj'
  /** A GeoJSON `crs` member (the 2008 format). */
  | 'geojson'
  /** The GeoPackage's `gpkg_spatial_ref_sys` entry for the layer's geometry column. */
  | 'gpkg'
  /** The EWKT `SRID=…;` prefix of a table's WKT values (all the same). */
  | 'wkt'
  /** The operator chose it (the `crs` option). */
  | 'chosen'
  /**
   * Nothing said (a Shapefile without `.prj`, a table of coordinates, a GeoPackage's undefined system):
   * the coordinates look like lon/lat, so lon/lat was assumed (and a warning says so).
   */
  | 'guessed'
  /** GeoJSON without `crs`: RFC 7946 defines it as WGS84 lon/lat. */
  | 'rfc7946'
  /** KML, KMZ and GPX are WGS84 by definition (data drawn on Amap/Baidu may still be GCJ-02/BD-09). */
  | 'assumedWgs84ForKml';

export interface CrsReport {
  readonly detected: DetectedCrs;
  readonly source: CrsSource;
  /** The lon/lat were in this datum (the operator's `datum` option) and were converted to WGS84. */
  readonly datum?: OffsetDatum;
}

export interface EncodingReport {
  /** The TextDecoder label used for the attribute table. */
  readonly name: 'utf-8' | 'gbk' | 'gb18030';
  /** True when the file did not say (no `.cpg`) or said something the bytes contradict. */
  readonly guessed: boolean;
  /** What the `.cpg` said, as written, when there was one. */
  readonly cpg?: string;
  /** A few decoded text values (names first) for the operator to confirm. */
  readonly sample: readonly string[];
}

/** A GeoJSON feature as the readers give it: geometry in lon/lat degrees, properties as read. */
export interface GeoFeature {
  readonly type: 'Feature';
  readonly geometry: GeoJSON.Geometry | null;
  readonly properties: Readonly<Record<string, unknown>>;
}

export interface GeoReadSuccess {
  readonly ok: true;
  /** The layer's name (the Shapefile's base name, the KML document's, else the file's). */
  readonly layer: string;
  readonly features: readonly GeoFeature[];
  readonly crs: CrsReport;
  readonly encoding?: EncodingReport;
  readonly warnings: readonly GeoIssue[];
  /** What in the file suggests GCJ-02 or BD-09: proposed to the operator, never applied by itself. */
  readonly datumHint?: DatumHint;
}

export interface GeoReadFailure {
  readonly ok: false;
  readonly errors: readonly GeoIssue[];
  /** With `geoImport.crs.projectedWith*`: systems under which the data lands in China, best first. */
  readonly crsCandidates?: readonly CrsCandidate[];
  /**
   * With `geoImport.shp.severalLayers` or `geoImport.gpkg.severalLayers`/`unknownLayer`: the
   * Shapefiles in the zip or the feature tables of the GeoPackage, to pass back as `layer`.
   */
  readonly layers?: readonly string[];
}

export type GeoReadResult = GeoReadSuccess | GeoReadFailure;

export function failure(key: GeoIssue['key'], params: GeoParams): GeoReadFailure {
  return { ok: false, errors: [{ key, params }] };
}
