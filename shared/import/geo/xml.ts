/**
 * KML (Google Earth, 奥维), KMZ (a zip holding a .kml) and GPX (GPS tracks), read with @tmcw/togeojson
 * over @xmldom/xmldom's DOM, which works in a Web Worker (no DOMParser there) and in Node. All three
 * formats are WGS84 lon/lat by definition; data drawn on Amap or Baidu may still be GCJ-02 or BD-09,
 * which only the operator can say (the `datum` option); a KML whose document metadata names 奥维 or a
 * map vendor carries a `datumHint` saying so.
 */
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser, type Document } from '@xmldom/xmldom';
import { openGuardedZip, type ZipPolicy } from '../../zip/guard';
import { decodeText } from '../decode';
import { kmlDatumHint } from './datum';
import { toLonLatLayer, type GeoReadOptions } from './lon-lat';
import { failure, type GeoFeature, type GeoReadResult } from './result';

const MiB = 1024 * 1024;

export const KMZ_POLICY: ZipPolicy = {
  maxArchiveBytes: 256 * MiB,
  maxEntries: 5000,
  maxTotalBytes: 512 * MiB,
  // Icons and overlay images are not needed.
  rule: (name) =>
    name.toLowerCase().endsWith('.kml') ? { kind: 'read', maxBytes: 512 * MiB } : { kind: 'skip' },
};

interface ParsedXml {
  readonly doc: Document;
  readonly text: string;
}

function parseXml(bytes: Uint8Array, file: string, root: 'kml' | 'gpx'): ParsedXml | GeoReadResult {
  if (bytes.length === 0) return failure('geoImport.file.empty', { file });
  const { text } = decodeText(bytes);
  if (text.trim() === '') return failure('geoImport.file.empty', { file });
  let doc: Document;
  try {
    doc = new DOMParser({
      onError: (level) => {
        if (level !== 'warning') throw new Error('xml');
      },
    }).parseFromString(text, 'text/xml');
  } catch {
    return failure('geoImport.xml.bad', { file });
  }
  if (doc.documentElement?.localName !== root) return failure('geoImport.xml.bad', { file });
  return { doc, text };
}

function layerName(doc: Document, fallback: string): string {
  const name = doc.getElementsByTagName('Document')[0]?.getElementsByTagName('name')[0]?.textContent?.trim();
  return name !== undefined && name !== '' ? name : fallback.replace(/^.*\//, '').replace(/\.[^.]+$/, '');
}

function fromXml(
  bytes: Uint8Array,
  file: string,
  kind: 'kml' | 'gpx',
  options: GeoReadOptions,
): GeoReadResult {
  const parsed = parseXml(bytes, file, kind);
  if (!('doc' in parsed)) return parsed;
  const { doc, text } = parsed;
  let collection: ReturnType<typeof kml>;
  try {
    collection = kind === 'kml' ? kml(doc) : gpx(doc);
  } catch {
    // Well-formed XML that togeojson cannot follow (e.g. a broken <coordinates>): the file is at fault.
    return failure('geoImport.xml.bad', { file });
  }
  const features: GeoFeature[] = collection.features.map((f) => ({
    type: 'Feature',
    geometry: f.geometry,
    properties: f.properties ?? {},
  }));
  if (features.length === 0) return failure('geoImport.xml.noFeatures', { file });
  const result = toLonLatLayer(
    {
      file,
      layer: layerName(doc, file),
      features,
      stated: { kind: 'byFormat', source: 'assumedWgs84ForKml' },
    },
    options,
  );
  const hint = kind === 'kml' ? kmlDatumHint(text, file) : null;
  return result.ok && hint !== null ? { ...result, datumHint: hint } : result;
}

/** Reads the placemarks of a KML file (names and ExtendedData become properties). */
export function readKml(bytes: Uint8Array, file: string, options: GeoReadOptions = {}): GeoReadResult {
  return fromXml(bytes, file, 'kml', options);
}

/** Reads the tracks, routes and waypoints of a GPX file. */
export function readGpx(bytes: Uint8Array, file: string, options: GeoReadOptions = {}): GeoReadResult {
  return fromXml(bytes, file, 'gpx', options);
}

/** Reads the KML inside a KMZ: `doc.kml` at the top if there is one (as Google Earth writes), else the first. */
export function readKmz(bytes: Uint8Array, file: string, options: GeoReadOptions = {}): GeoReadResult {
  if (bytes.length === 0) return failure('geoImport.file.empty', { file });
  const opened = openGuardedZip(bytes, file, KMZ_POLICY);
  if (!opened.ok) {
    const { refusal } = opened;
    return refusal.key === 'zip.notZip'
      ? failure('geoImport.file.notZip', { file })
      : failure(refusal.key, refusal.params);
  }
  const { entries } = opened.zip;
  const entry = entries.find((e) => e.name.toLowerCase() === 'doc.kml') ?? entries[0];
  if (entry === undefined) return failure('geoImport.kmz.noKml', { file });
  const inner = opened.zip.read(entry.name);
  if (!inner.ok) return failure(inner.refusal.key, inner.refusal.params);
  return readKml(inner.bytes, file, options);
}
