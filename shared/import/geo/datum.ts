/**
 * The datum of a lon/lat file (坐标偏移): files drawn in 奥维 or on Amap, Tencent or Baidu maps, and
 * coordinate tables copied from them, are often GCJ-02 (火星坐标) or BD-09 rather than WGS84/CGCS2000;
 * read as WGS84 they land 100–700 m off, still plausibly inside the township. Nothing in such a file
 * says so for certain, so the operator chooses (the `datum` option), and the readers only propose:
 * a {@link DatumHint} names what in the file suggests it. The choice is applied after the file is read
 * and brought to lon/lat, before the geometry checks and the build (see readGeoFile).
 */
import { convertGeometry, datumConverter, type ChinaDatum } from '../../geo/china-offsets';
import { guessCoordSystem } from '../mapping';
import type { DetectedCrs } from './crs';
import { phaseReporter, type GeoProgress } from './progress';
import type { GeoFeature, GeoIssue, GeoReadResult } from './result';

export type { ChinaDatum } from '../../geo/china-offsets';
export { CHINA_DATUMS } from '../../geo/china-offsets';

/** A datum that moves positions: the ones a hint may propose and the report names. */
export type OffsetDatum = Exclude<ChinaDatum, 'wgs84'>;

/** What in a file suggests it is GCJ-02 or BD-09, for the operator to confirm or not. */
export interface DatumHint {
  readonly datum: OffsetDatum;
  /**
   * `geoImport.datum.hintKml` (the KML's document metadata names the maker or the system) or
   * `geoImport.datum.hintColumns` (a column name of the table does); params: file, evidence.
   */
  readonly reason: GeoIssue;
}

/** Whether a datum applies to data in this system: lon/lat only (WGS84 or CGCS2000). */
export function takesDatum(crs: DetectedCrs): boolean {
  return crs.kind === 'wgs84' || crs.kind === 'cgcs2000';
}

/** The datum named in a piece of text (`gcj02`, 高德, 奥维, bd09, 百度 …), or null. */
function datumNamed(text: string): { datum: OffsetDatum; word: string } | null {
  const bd = /bd-?09|百度|baidu/i.exec(text);
  if (bd) return { datum: 'bd09', word: bd[0] };
  // 奥维 (Ovital) writes GCJ-02 in its KML/KMZ and CSV exports since version 9.3.
  const gcj = /gcj-?02|火星坐标|国测局|高德|腾讯|奥维|ovital|amap|gaode/i.exec(text);
  return gcj ? { datum: 'gcj02', word: gcj[0] } : null;
}

const KML_METADATA = [
  'name',
  'description',
  'Snippet',
  'atom:name',
  'atom:uri',
  'address',
  'Data',
  'SimpleData',
  'value',
];

/**
 * A hint from a KML's document metadata: the comments and the document's name, description, author,
 * snippet and document-level extended data, i.e. what comes before the first placemark or folder;
 * placemark names are left alone (a grid called 高德路网格 says nothing of the datum).
 */
export function kmlDatumHint(text: string, file: string): DatumHint | null {
  const end = text.search(/<(Placemark|Folder)[\s>]/);
  const head = end < 0 ? text : text.slice(0, end);
  const pieces: string[] = [...head.matchAll(/<!--([\s\S]*?)-->/g)].map((m) => m[1] ?? '');
  for (const tag of KML_METADATA) {
    const pattern = new RegExp(`<${tag}(\\s[^>]*)?>([\\s\\S]*?)</${tag}>`, 'g');
    for (const m of head.matchAll(pattern)) pieces.push(m[2] ?? '');
  }
  // The generator's name may also be an attribute, e.g. <Document id="ovital"> or a creator="…".
  for (const m of head.matchAll(/\s(?:id|creator|generator)="([^"]*)"/g)) pieces.push(m[1] ?? '');
  for (const piece of pieces) {
    const found = datumNamed(piece);
    if (found !== null) {
      const evidence = piece
        .replace(/<!\[CDATA\[|\]\]>/g, '')
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim();
      return {
        datum: found.datum,
        reason: {
          key: 'geoImport.datum.hintKml',
          params: { file, evidence: evidence.length > 60 ? `${evidence.slice(0, 60)}…` : evidence },
        },
      };
    }
  }
  return null;
}

/** A hint from a table's column names (经度(高德), lng_gcj02, 百度X …), naming the first that says. */
export function columnsDatumHint(headers: readonly string[], file: string): DatumHint | null {
  for (const header of headers) {
    const datum = guessCoordSystem([header]);
    if (datum === 'gcj02' || datum === 'bd09') {
      return { datum, reason: { key: 'geoImport.datum.hintColumns', params: { file, evidence: header } } };
    }
  }
  return null;
}

/**
 * The read with its positions brought from `datum` to WGS84 (new geometries; the read's own are left
 * as they are), the datum noted in its CRS report, and without the warnings that lon/lat was assumed
 * to be WGS84 (the operator has said what it is). `wgs84` changes nothing. A datum on data that
 * is not lon/lat (a Gauss–Krüger zone, Web Mercator) is refused by name (`geoImport.datum.notLonLat`)
 * rather than ignored: the operator asked for a conversion that cannot apply.
 */
export function applyDatum(
  result: GeoReadResult,
  datum: ChinaDatum,
  file: string,
  onProgress?: GeoProgress,
): GeoReadResult {
  if (!result.ok || datum === 'wgs84') return result;
  if (!takesDatum(result.crs.detected)) {
    return {
      ok: false,
      errors: [{ key: 'geoImport.datum.notLonLat', params: { file, datum } }],
    };
  }
  const convert = datumConverter(datum, 'wgs84');
  // About 2 µs a position on this 2-core machine: 5 million take ~10 s, so it reports as `converting`.
  const progress = phaseReporter('converting', result.features.length, onProgress);
  const features = result.features.map((f, i): GeoFeature => {
    progress.step(i);
    return f.geometry === null ? f : { ...f, geometry: convertGeometry(f.geometry, convert) };
  });
  progress.end();
  // The warnings that lon/lat was taken as WGS84 (and might be GCJ-02 or BD-09) are answered now.
  const warnings = result.warnings.filter((w) => !ANSWERED_BY_DATUM.has(w.key));
  return { ...result, features, crs: { ...result.crs, datum }, warnings };
}

const ANSWERED_BY_DATUM = new Set<GeoIssue['key']>([
  'geoImport.crs.assumedWgs84ForKml',
  'geoImport.crs.assumedLonLatNoCrs',
  'geoImport.crs.assumedLonLat',
]);
