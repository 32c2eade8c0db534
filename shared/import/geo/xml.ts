/**
 * KML (Google Earth, 奥维's .kml and .ovkml), KMZ (a zip holding a .kml, and the files its network links
 * name) and GPX (GPS tracks), read with @tmcw/togeojson
 * over @xmldom/xmldom's DOM, which works in a Web Worker (no DOMParser there) and in Node. All three
 * formats are WGS84 lon/lat by definition; data drawn on Amap or Baidu may still be GCJ-02 or BD-09,
 * which only the operator can say (the `datum` option); a KML whose document metadata names 奥维 or a
 * map vendor carries a `datumHint` saying so.
 */
import { gpx, kml } from '@tmcw/togeojson';
import { DOMParser, type Document } from '@xmldom/xmldom';
import { openGuardedZip, type GuardedZip, type ZipPolicy } from '../../zip/guard';
import { decodeText } from '../decode';
import { kmlDatumHint, type DatumHint } from './datum';
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

/** The placemarks of a parsed KML or GPX, or null when togeojson cannot follow the document. */
function featuresOf(doc: Document, kind: 'kml' | 'gpx'): GeoFeature[] | null {
  let collection: ReturnType<typeof kml>;
  try {
    collection = kind === 'kml' ? kml(doc) : gpx(doc);
  } catch {
    // Well-formed XML that togeojson cannot follow (e.g. a broken <coordinates>): the file is at fault.
    return null;
  }
  // togeojson gives each <NetworkLink> a feature of its own, without geometry: the links are
  // followed (or refused) by networkLinks, not read as features.
  return collection.features
    .filter((f) => f.properties?.['@geometry-type'] !== 'networklink')
    .map((f) => ({
      type: 'Feature',
      geometry: f.geometry,
      properties: f.properties ?? {},
    }));
}

/** The `href` of every `<NetworkLink>` (`<Link>`, or KML 2.1's `<Url>`), in document order. */
function networkLinks(doc: Document): string[] {
  const out: string[] = [];
  const links = doc.getElementsByTagName('NetworkLink');
  for (let i = 0; i < links.length; i++) {
    const href = links[i]?.getElementsByTagName('href')[0]?.textContent?.trim();
    if (href !== undefined && href !== '') out.push(href);
  }
  return out;
}

/** A layer read from KML text: its features, its document name and its datum hint. */
interface KmlPart {
  readonly features: readonly GeoFeature[];
  readonly name: string | null;
  readonly hint: DatumHint | null;
}

function documentName(doc: Document): string | null {
  const name = doc.getElementsByTagName('Document')[0]?.getElementsByTagName('name')[0]?.textContent?.trim();
  return name !== undefined && name !== '' ? name : null;
}

/** Whether an href names a place on a network or another disk (a scheme such as http:, or a drive). */
const REMOTE_HREF = /^(?:[a-z][a-z0-9+.-]*:|\/\/|\\\\)/i;

/**
 * The archive entry an href inside entry `from` points to: relative to `from`'s folder, `./` and
 * `../` resolved, a query or fragment left off; null when it leaves the archive's root.
 */
export function resolveKmzHref(from: string, href: string): string | null {
  const path = href.replace(/[?#].*$/, '').replace(/\\/g, '/');
  const parts = path.startsWith('/') ? [] : from.split('/').slice(0, -1);
  for (const piece of path.split('/')) {
    if (piece === '' || piece === '.') continue;
    if (piece === '..') {
      if (parts.length === 0) return null;
      parts.pop();
    } else parts.push(decodeURIComponentSafe(piece));
  }
  return parts.join('/');
}

function decodeURIComponentSafe(piece: string): string {
  try {
    return decodeURIComponent(piece);
  } catch {
    return piece;
  }
}

/** Linked documents followed at most this deep (LIBKML links once; a loop stops at once). */
const MAX_LINK_DEPTH = 8;

/**
 * Reads the KML entry `name` of a KMZ and, for each `<NetworkLink>` in it, the archive's entry the
 * link names (as GDAL's LIBKML driver writes a KMZ: doc.kml links layers/<layer>.kml), in document
 * order. A link to a network address is never fetched: it is refused by name, as is a link to a file
 * the archive lacks.
 */
function readKmzEntry(
  zip: GuardedZip,
  name: string,
  file: string,
  seen: Set<string>,
  depth: number,
): KmlPart[] | GeoReadResult {
  seen.add(name);
  const inner = zip.read(name);
  if (!inner.ok) return failure(inner.refusal.key, inner.refusal.params);
  const parsed = parseXml(inner.bytes, file, 'kml');
  if (!('doc' in parsed)) return parsed;
  const features = featuresOf(parsed.doc, 'kml');
  if (features === null) return failure('geoImport.xml.bad', { file });
  const parts: KmlPart[] = [
    { features, name: documentName(parsed.doc), hint: kmlDatumHint(parsed.text, file) },
  ];
  for (const href of networkLinks(parsed.doc)) {
    if (REMOTE_HREF.test(href)) return failure('geoImport.kmz.remoteLink', { file, href });
    const target = resolveKmzHref(name, href);
    const entry =
      target === null
        ? undefined
        : (zip.entries.find((e) => e.name === target) ??
          zip.entries.find((e) => e.name.toLowerCase() === target.toLowerCase()));
    if (entry === undefined) return failure('geoImport.kmz.linkMissing', { file, href });
    if (seen.has(entry.name) || depth >= MAX_LINK_DEPTH) continue;
    const linked = readKmzEntry(zip, entry.name, file, seen, depth + 1);
    if (!Array.isArray(linked)) return linked;
    parts.push(...linked);
  }
  return parts;
}

/** One layer from KML parts: their features in order, the first document name, the first hint. */
function kmlLayer(parts: readonly KmlPart[], file: string, options: GeoReadOptions): GeoReadResult {
  const features = parts.flatMap((p) => p.features);
  if (features.length === 0) return failure('geoImport.xml.noFeatures', { file });
  const result = toLonLatLayer(
    {
      file,
      layer: parts.find((p) => p.name !== null)?.name ?? fileStem(file),
      features,
      stated: { kind: 'byFormat', source: 'assumedWgs84ForKml' },
    },
    options,
  );
  const hint = parts.find((p) => p.hint !== null)?.hint ?? ovkmlHint(file);
  return result.ok && hint !== null ? { ...result, datumHint: hint } : result;
}

const fileStem = (file: string): string => file.replace(/^.*\//, '').replace(/\.[^.]+$/, '');

/** 奥维's own extension says where the file comes from: 奥维 writes GCJ-02 (see datum.ts). */
function ovkmlHint(file: string): DatumHint | null {
  return file.toLowerCase().endsWith('.ovkml')
    ? { datum: 'gcj02', reason: { key: 'geoImport.datum.hintOvkml', params: { file } } }
    : null;
}

/**
 * Reads the placemarks of a KML file (names and ExtendedData become properties); also 奥维's
 * `.ovkml`, which is KML with 奥维's metadata. A KML whose only content is a `<NetworkLink>` is
 * refused naming the link: linked files are read only from inside a KMZ, and nothing is fetched.
 */
export function readKml(bytes: Uint8Array, file: string, options: GeoReadOptions = {}): GeoReadResult {
  const parsed = parseXml(bytes, file, 'kml');
  if (!('doc' in parsed)) return parsed;
  const features = featuresOf(parsed.doc, 'kml');
  if (features === null) return failure('geoImport.xml.bad', { file });
  const [link] = networkLinks(parsed.doc);
  if (features.length === 0 && link !== undefined)
    return failure('geoImport.kml.networkLink', { file, href: link });
  return kmlLayer(
    [{ features, name: documentName(parsed.doc), hint: kmlDatumHint(parsed.text, file) }],
    file,
    options,
  );
}

/** Reads the tracks, routes and waypoints of a GPX file. */
export function readGpx(bytes: Uint8Array, file: string, options: GeoReadOptions = {}): GeoReadResult {
  const parsed = parseXml(bytes, file, 'gpx');
  if (!('doc' in parsed)) return parsed;
  const features = featuresOf(parsed.doc, 'gpx');
  if (features === null) return failure('geoImport.xml.bad', { file });
  if (features.length === 0) return failure('geoImport.xml.noFeatures', { file });
  return toLonLatLayer(
    {
      file,
      layer: documentName(parsed.doc) ?? fileStem(file),
      features,
      stated: { kind: 'byFormat', source: 'assumedWgs84ForKml' },
    },
    options,
  );
}

/**
 * Reads the KML inside a KMZ: `doc.kml` at the top if there is one (as Google Earth writes), else the
 * first, with the archive's files its `<NetworkLink>`s name (as GDAL's LIBKML driver writes).
 */
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
  const parts = readKmzEntry(opened.zip, entry.name, file, new Set(), 0);
  return Array.isArray(parts) ? kmlLayer(parts, file, options) : parts;
}
