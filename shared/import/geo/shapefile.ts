/**
 * Reading a zipped Shapefile as surveying bureaus send it: `.shp`, `.shx`, `.dbf`, and usually `.prj`
 * and `.cpg`, flat or in a folder, sometimes several layers in one zip. The zip is opened with the
 * shared size guard; shpjs parses the geometry, dbf.ts the table; the encoding of the table and the
 * coordinate system are settled here (encoding.ts, crs.ts), because shpjs's own `.cpg` handling
 * garbles GBK and its `.prj` handling guesses silently.
 */
import { parseShp } from 'shpjs';
import { openGuardedZip, type GuardedZip, type ZipPolicy } from '../../zip/guard';
import { crsFromPrj } from './crs';
import { readDbf } from './dbf';
import {
  cpgEncoding,
  dbfTextBytes,
  detectDbfEncoding,
  isUtf8,
  textSample,
  type DbfEncoding,
} from './encoding';
import { toLonLatLayer, type GeoReadOptions, type StatedCrs } from './lon-lat';
import { SHAPEFILE_ZIP_MAX_BYTES, type GeoProgress } from './progress';
import { failure, type EncodingReport, type GeoFeature, type GeoIssue, type GeoReadResult } from './result';

const MiB = 1024 * 1024;
const PARTS = ['shp', 'shx', 'dbf', 'prj', 'cpg'] as const;
type Part = (typeof PARTS)[number];

/** Limits for a zipped Shapefile: the issue's 100 MB Shapefile with room to spare. */
export const SHAPEFILE_ZIP_POLICY: ZipPolicy = {
  maxArchiveBytes: SHAPEFILE_ZIP_MAX_BYTES,
  maxEntries: 2000,
  maxTotalBytes: 1536 * MiB,
  rule(name) {
    if (name.endsWith('/') || name.startsWith('__MACOSX/')) return { kind: 'skip' };
    const part = partOf(name);
    if (part === 'shp' || part === 'dbf') return { kind: 'read', maxBytes: 1024 * MiB };
    if (part === 'shx') return { kind: 'read', maxBytes: 128 * MiB };
    if (part === 'prj' || part === 'cpg') return { kind: 'read', maxBytes: 64 * 1024 };
    // .sbn, .sbx, .qix, .shp.xml, readme files …: not needed.
    return { kind: 'skip' };
  },
};

function partOf(name: string): Part | null {
  const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
  return (PARTS as readonly string[]).includes(ext) ? (ext as Part) : null;
}

/** The layer a path belongs to: its path without the extension (`网格/grids.shp` → `网格/grids`). */
function baseOf(name: string): string {
  return name.slice(0, name.lastIndexOf('.'));
}

/** The Shapefile layers in a zip, by base name, each with the entry names of its parts. */
function layersOf(zip: GuardedZip): Map<string, Partial<Record<Part, string>>> {
  const layers = new Map<string, Partial<Record<Part, string>>>();
  for (const entry of zip.entries) {
    const part = partOf(entry.name);
    if (part === null) continue;
    const base = baseOf(entry.name);
    // Case-insensitive: GRIDS.SHP with grids.dbf is one layer.
    const key = [...layers.keys()].find((k) => k.toLowerCase() === base.toLowerCase()) ?? base;
    layers.set(key, { ...layers.get(key), [part]: entry.name });
  }
  return layers;
}

/**
 * Reads one layer of a zipped Shapefile into lon/lat features. `file` names the zip in messages.
 * Refuses, with a named error, an empty or truncated zip, a zip with no Shapefile or with several and
 * no `options.layer`, a layer missing its `.shp`, `.shx` or `.dbf`, parts that disagree on the number
 * of records, an unsupported `.prj`, and projected coordinates without `.prj` (naming candidate zones).
 */
export function readShapefileZip(
  bytes: Uint8Array,
  file: string,
  options: GeoReadOptions = {},
  onProgress?: GeoProgress,
): GeoReadResult {
  if (bytes.length === 0) return failure('geoImport.file.empty', { file });
  const opened = openGuardedZip(bytes, file, SHAPEFILE_ZIP_POLICY);
  if (!opened.ok) {
    const { refusal } = opened;
    return refusal.key === 'zip.notZip'
      ? failure('geoImport.file.notZip', { file })
      : failure(refusal.key, refusal.params);
  }
  const { zip } = opened;
  const layers = layersOf(zip);
  const withShp = [...layers.keys()].filter((base) => layers.get(base)?.shp !== undefined);
  let base: string | undefined;
  if (options.layer !== undefined) base = withShp.find((b) => b === options.layer);
  else if (withShp.length === 1) base = withShp[0];
  else if (withShp.length > 1) {
    return {
      ...failure('geoImport.shp.severalLayers', { file, layers: withShp.join(', ') }),
      layers: withShp,
    };
  }
  if (base === undefined) {
    // No .shp at all: name what is missing for the layer the zip does hold, if any.
    const other = [...layers.keys()][0];
    if (options.layer === undefined && other !== undefined) {
      return missingParts(file, other, layers.get(other) ?? {});
    }
    return failure('geoImport.shp.noShapefile', { file });
  }
  const parts = layers.get(base) ?? {};
  if (parts.shx === undefined || parts.dbf === undefined) return missingParts(file, base, parts);

  const sizes = zip.entries.filter((e) => PARTS.some((p) => parts[p] === e.name));
  const unzipTotal = sizes.reduce((n, e) => n + e.size, 0);
  let unzipped = 0;
  let reported = 0;
  onProgress?.({ phase: 'unzipping', done: 0, total: unzipTotal });
  const read = (part: Part): Uint8Array | GeoReadResult | undefined => {
    const name = parts[part];
    if (name === undefined) return undefined;
    const result = zip.read(name, (inflated) => {
      // Every 4 MB: the inflater calls back every 16 kB of input.
      if (onProgress !== undefined && unzipped + inflated - reported >= 4 * MiB) {
        reported = unzipped + inflated;
        onProgress({ phase: 'unzipping', done: reported, total: unzipTotal });
      }
    });
    if (result.ok) unzipped += result.bytes.length;
    return result.ok ? result.bytes : failure(result.refusal.key, result.refusal.params);
  };
  const loaded: Partial<Record<Part, Uint8Array>> = {};
  for (const part of PARTS) {
    const value = read(part);
    if (value === undefined) continue;
    if (!(value instanceof Uint8Array)) return value;
    loaded[part] = value;
  }
  onProgress?.({ phase: 'unzipping', done: unzipTotal, total: unzipTotal });
  const shp = loaded.shp as Uint8Array;
  const shx = loaded.shx as Uint8Array;
  const dbf = loaded.dbf as Uint8Array;
  const layerName = base.slice(base.lastIndexOf('/') + 1);
  for (const [part, data] of [
    ['shp', shp],
    ['shx', shx],
    ['dbf', dbf],
  ] as const) {
    if (data.length < (part === 'dbf' ? 32 : 100)) {
      return failure('geoImport.shp.badFile', { file, part: `${layerName}.${part}` });
    }
  }

  const shxCount = Math.floor((shx.length - 100) / 8);
  let geometries: (GeoJSON.Geometry | null)[];
  try {
    geometries = parseShpInChunks(shp, shxCount, onProgress);
  } catch {
    return failure('geoImport.shp.badFile', { file, part: `${layerName}.shp` });
  }
  const dbfCount = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength).getUint32(4, true);
  if (geometries.length !== shxCount || geometries.length !== dbfCount) {
    return failure('geoImport.shp.recordCountMismatch', {
      file,
      layer: layerName,
      shp: geometries.length,
      shx: shxCount,
      dbf: dbfCount,
    });
  }

  const warnings: GeoIssue[] = [];
  const encoding = chooseEncoding(file, layerName, dbf, loaded.cpg, options.encoding, warnings);
  let records: Record<string, unknown>[];
  try {
    records = readDbf(dbf, encoding.name);
  } catch {
    return failure('geoImport.shp.badFile', { file, part: `${layerName}.dbf` });
  }
  const sample = textSample(records);
  if (encoding.guessed && options.encoding === undefined) {
    warnings.push({
      key: encoding.cpg === undefined ? 'geoImport.encoding.guessed' : 'geoImport.encoding.cpgWrong',
      params: {
        file,
        layer: layerName,
        encoding: encoding.name.toUpperCase(),
        cpg: encoding.cpg ?? '',
        sample: sample.join('、'),
      },
    });
  }

  let stated: StatedCrs = { kind: 'none' };
  if (loaded.prj !== undefined) {
    const wkt = new TextDecoder('utf-8').decode(loaded.prj);
    const reading = crsFromPrj(wkt);
    if (reading.ok) stated = { kind: 'stated', crs: reading.crs, source: 'prj' };
    else if (options.crs === undefined) {
      return reading.reason === 'bad'
        ? failure('geoImport.crs.badPrj', { file, part: `${layerName}.prj` })
        : failure('geoImport.crs.unsupported', { file, name: reading.name });
    }
  }
  const features: GeoFeature[] = geometries.map((geometry, i) => ({
    type: 'Feature',
    geometry,
    properties: records[i] ?? {},
  }));
  return toLonLatLayer(
    {
      file,
      layer: layerName,
      features,
      stated,
      rewindPolygons: true,
      encoding: { ...encoding, sample },
      warnings,
    },
    options,
    onProgress,
  );
}

/** Records handed to shpjs at a time: the parse reports progress between them. */
const SHP_CHUNK_RECORDS = 10_000;

/**
 * shpjs's parse of `shp`, `SHP_CHUNK_RECORDS` records at a time so that progress can be reported
 * (`expected` records, from the `.shx`, is the total shown). shpjs reads one record after another from
 * byte 100 to the end of what it is given and keeps no state between records, so each chunk is the
 * file's header and a run of whole records, and the results joined are what one call on the whole
 * file gives. A record whose length runs past the end (or is negative) ends the chunking: the rest of
 * the file goes to shpjs as it is, to end or fail as it would.
 */
function parseShpInChunks(
  shp: Uint8Array,
  expected: number,
  onProgress: GeoProgress | undefined,
): (GeoJSON.Geometry | null)[] {
  if (onProgress === undefined) return parseShp(shp, false);
  const view = new DataView(shp.buffer, shp.byteOffset, shp.byteLength);
  onProgress({ phase: 'parsing', done: 0, total: expected });
  const out: (GeoJSON.Geometry | null)[] = [];
  const parseRun = (from: number, to: number): void => {
    const chunk = new Uint8Array(100 + to - from);
    chunk.set(shp.subarray(0, 100));
    chunk.set(shp.subarray(from, to), 100);
    for (const geometry of parseShp(chunk, false)) out.push(geometry);
  };
  let start = 100;
  let at = 100;
  let records = 0;
  while (at + 8 <= shp.length) {
    const length = view.getInt32(at + 4) * 2;
    if (length < 0 || at + 8 + length > shp.length) break;
    at += 8 + length;
    records++;
    if (records % SHP_CHUNK_RECORDS === 0) {
      parseRun(start, at);
      start = at;
      onProgress({ phase: 'parsing', done: out.length, total: expected });
    }
  }
  parseRun(start, shp.length);
  onProgress({ phase: 'parsing', done: out.length, total: expected });
  return out;
}

function missingParts(file: string, base: string, parts: Partial<Record<Part, string>>): GeoReadResult {
  const missing = (['shp', 'shx', 'dbf'] as const).filter((p) => parts[p] === undefined);
  const layer = base.slice(base.lastIndexOf('/') + 1);
  return failure('geoImport.shp.missingPart', {
    file,
    layer,
    parts: missing.map((p) => `${layer}.${p}`).join(', '),
  });
}

/**
 * The table's encoding: the operator's, else the `.cpg`'s (unless the bytes are not the UTF-8 it
 * claims: then GB18030, flagged), else detected (flagged). An unreadable `.cpg` is named and detected.
 */
function chooseEncoding(
  file: string,
  layer: string,
  dbf: Uint8Array,
  cpgBytes: Uint8Array | undefined,
  chosen: DbfEncoding | undefined,
  warnings: GeoIssue[],
): Omit<EncodingReport, 'sample'> {
  const cpg = cpgBytes === undefined ? undefined : new TextDecoder('utf-8').decode(cpgBytes).trim();
  const withCpg = cpg === undefined ? {} : { cpg };
  if (chosen !== undefined) return { name: chosen, guessed: false, ...withCpg };
  if (cpg === undefined) return { name: detectDbfEncoding(dbf), guessed: true };
  const stated = cpgEncoding(cpg);
  if (stated === null) {
    warnings.push({ key: 'geoImport.encoding.unknownCpg', params: { file, layer, cpg } });
    return { name: detectDbfEncoding(dbf), guessed: true, cpg };
  }
  if (stated === 'utf-8' && !isUtf8(dbfTextBytes(dbf))) return { name: 'gb18030', guessed: true, cpg };
  return { name: stated, guessed: false, cpg };
}
