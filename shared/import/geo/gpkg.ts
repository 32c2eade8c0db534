/**
 * GeoPackage (OGC 12-128r18, as QGIS and ogr2ogr write it), read with sql.js: the feature tables listed
 * in `gpkg_contents` with their geometry column from `gpkg_geometry_columns` and their system from
 * `gpkg_spatial_ref_sys`; each geometry's GeoPackage binary header (magic `GP`, flags, srs_id, optional
 * envelope) is decoded here and its WKB by wkb.ts; the other columns but the integer primary key (the
 * feature id) become properties. The caller passes the initialised sql.js module (`options.sqlite`):
 * loading its WebAssembly is asynchronous, reading stays synchronous like every other reader.
 */
import type { Database, SqlJsStatic, SqlValue } from 'sql.js';
import { crsFromEpsg, crsFromPrj } from './crs';
import { toLonLatLayer, type GeoReadOptions, type StatedCrs } from './lon-lat';
import { failure, type GeoFeature, type GeoReadFailure, type GeoReadResult } from './result';
import { WkbError, readWkb } from './wkb';

const SQLITE_MAGIC = 'SQLite format 3\u0000';

/** Bytes of the envelope for each value of the header's envelope indicator (bits 1–3 of its flags). */
const ENVELOPE_BYTES = [0, 32, 48, 48, 64] as const;

/** A GeoPackage geometry blob that cannot be read. */
class GeometryBlobError extends Error {}

/**
 * The geometry of one GeoPackage binary blob (header + WKB), or null for an empty one. Throws
 * {@link GeometryBlobError} or {@link WkbError} for a blob that is not one.
 */
export function readGeoPackageGeometry(blob: Uint8Array): GeoJSON.Geometry | null {
  if (blob.length < 8 || blob[0] !== 0x47 || blob[1] !== 0x50) throw new GeometryBlobError('magic');
  const flags = blob[3] as number;
  // Bit 5: an ExtendedGeoPackageBinary, whose geometry type only its extension knows.
  if ((flags & 0x20) !== 0) throw new GeometryBlobError('extended');
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0x07];
  if (envelope === undefined) throw new GeometryBlobError('envelope');
  // Bit 4: the empty flag (the WKB that follows is an empty geometry, or a point of NaNs).
  if ((flags & 0x10) !== 0) return null;
  const start = 8 + envelope;
  if (blob.length < start) throw new GeometryBlobError('truncated');
  return readWkb(blob, start);
}

interface Layer {
  readonly table: string;
  readonly column: string;
  readonly srsId: number;
}

const quote = (identifier: string): string => `"${identifier.replace(/"/g, '""')}"`;

function rows(db: Database, sql: string, params: SqlValue[] = []): SqlValue[][] {
  const statement = db.prepare(sql);
  try {
    statement.bind(params);
    const out: SqlValue[][] = [];
    while (statement.step()) out.push(statement.get());
    return out;
  } finally {
    statement.free();
  }
}

/**
 * Whether the file is shorter than its header says (a GeoPackage cut short in download or copy):
 * page size × page count, when the header's count is valid (SQLite 3.7.0 and later write it so).
 */
function cutShort(bytes: Uint8Array): boolean {
  if (bytes.length < 100) return true;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const raw = view.getUint16(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = view.getUint32(28);
  const valid = view.getUint32(24) === view.getUint32(92);
  return valid && pages > 0 && bytes.length < pageSize * pages;
}

/** What the GeoPackage says about the layer's system. */
function statedCrs(
  db: Database,
  srsId: number,
  file: string,
  options: GeoReadOptions,
): StatedCrs | GeoReadFailure {
  // -1 and 0 are the undefined Cartesian and geographic systems every GeoPackage holds.
  if (srsId === -1 || srsId === 0) return { kind: 'unstated' };
  const [row] = rows(
    db,
    'SELECT organization, organization_coordsys_id, definition, srs_name FROM gpkg_spatial_ref_sys WHERE srs_id = ?',
    [srsId],
  );
  if (row === undefined) return { kind: 'unstated' };
  const [organization, code, definition, srsName] = row;
  if (String(organization).toUpperCase() === 'NONE') return { kind: 'unstated' };
  const byCode = String(organization).toUpperCase() === 'EPSG' ? crsFromEpsg(Number(code)) : null;
  if (byCode !== null) return { kind: 'stated', crs: byCode, source: 'gpkg' };
  const reading = typeof definition === 'string' ? crsFromPrj(definition) : null;
  if (reading?.ok === true) return { kind: 'stated', crs: reading.crs, source: 'gpkg' };
  if (options.crs !== undefined) return { kind: 'unstated' };
  const name =
    typeof srsName === 'string' && srsName !== '' ? srsName : `${String(organization)}:${String(code)}`;
  return failure('geoImport.crs.unsupported', { file, name });
}

function featureLayers(db: Database): Layer[] {
  return rows(
    db,
    `SELECT c.table_name, g.column_name, g.srs_id FROM gpkg_contents c
       JOIN gpkg_geometry_columns g ON g.table_name = c.table_name
       WHERE c.data_type = 'features' ORDER BY c.rowid`,
  ).map(([table, column, srsId]) => ({
    table: String(table),
    column: String(column),
    srsId: Number(srsId),
  }));
}

function readLayer(db: Database, layer: Layer, file: string, options: GeoReadOptions): GeoReadResult {
  const stated = statedCrs(db, layer.srsId, file, options);
  if ('ok' in stated) return stated;
  // PRAGMA table_info: cid, name, type, notnull, dflt_value, pk.
  const columns = rows(db, `PRAGMA table_info(${quote(layer.table)})`).map(([, name, type, , , pk]) => ({
    name: String(name),
    type: String(type).toUpperCase(),
    pk: Number(pk),
  }));
  const fid = columns.find((c) => c.pk === 1 && c.type === 'INTEGER' && columns.every((o) => o.pk <= 1));
  const attributes = columns.filter((c) => c !== fid && c.name !== layer.column);
  const select = [layer.column, ...attributes.map((c) => c.name)].map(quote).join(', ');
  const order = fid === undefined ? '' : ` ORDER BY ${quote(fid.name)}`;
  const features: GeoFeature[] = [];
  for (const [blob, ...values] of rows(db, `SELECT ${select} FROM ${quote(layer.table)}${order}`)) {
    let geometry: GeoJSON.Geometry | null = null;
    if (blob instanceof Uint8Array) {
      try {
        geometry = readGeoPackageGeometry(blob);
      } catch (error) {
        if (!(error instanceof GeometryBlobError || error instanceof WkbError)) throw error;
        return failure('geoImport.gpkg.badGeometry', {
          file,
          layer: layer.table,
          feature: features.length + 1,
          column: layer.column,
        });
      }
    } else if (blob !== null) {
      return failure('geoImport.gpkg.badGeometry', {
        file,
        layer: layer.table,
        feature: features.length + 1,
        column: layer.column,
      });
    }
    const properties: Record<string, unknown> = {};
    attributes.forEach((column, i) => {
      const value = values[i] ?? null;
      // GeoPackage keeps booleans as integers 0/1 in a column declared BOOLEAN.
      properties[column.name] = column.type === 'BOOLEAN' && typeof value === 'number' ? value !== 0 : value;
    });
    features.push({ type: 'Feature', geometry, properties });
  }
  return toLonLatLayer(
    // GeoPackage sets no winding rule; RFC 7946's is applied, as for a Shapefile.
    { file, layer: layer.table, features, stated, rewindPolygons: true },
    options,
  );
}

/**
 * Reads one feature table of a GeoPackage into lon/lat features; `file` names it in messages, and
 * `options.sqlite` is the initialised sql.js module. Refuses, with a named error: no sql.js module
 * given, an empty file, a file that is not SQLite or is cut short or damaged, an SQLite file without
 * the GeoPackage tables, one without feature tables, several feature tables and no `options.layer`
 * (their names in `layers`), an `options.layer` it does not hold, a geometry that is not a GeoPackage
 * geometry (naming layer, feature and column), an unsupported system, and projected coordinates in
 * the undefined system (naming candidate zones).
 */
export function readGeoPackage(bytes: Uint8Array, file: string, options: GeoReadOptions = {}): GeoReadResult {
  if (bytes.length === 0) return failure('geoImport.file.empty', { file });
  const sqlite: SqlJsStatic | undefined = options.sqlite;
  if (sqlite === undefined) return failure('geoImport.gpkg.noSqlite', { file });
  if (String.fromCharCode(...bytes.subarray(0, 16)) !== SQLITE_MAGIC) {
    return failure('geoImport.gpkg.notSqlite', { file });
  }
  if (cutShort(bytes)) return failure('geoImport.gpkg.badFile', { file });
  let db: Database;
  try {
    db = new sqlite.Database(bytes);
  } catch {
    return failure('geoImport.gpkg.badFile', { file });
  }
  try {
    const tables = rows(
      db,
      `SELECT name FROM sqlite_master WHERE type IN ('table', 'view')
         AND name IN ('gpkg_contents', 'gpkg_geometry_columns', 'gpkg_spatial_ref_sys')`,
    );
    if (tables.length < 3) return failure('geoImport.gpkg.notGeoPackage', { file });
    const layers = featureLayers(db);
    const names = layers.map((l) => l.table);
    let layer: Layer | undefined;
    if (options.layer !== undefined) {
      layer = layers.find((l) => l.table === options.layer);
      if (layer === undefined) {
        return {
          ...failure('geoImport.gpkg.unknownLayer', {
            file,
            layer: options.layer,
            layers: names.join(', ') || '—',
          }),
          layers: names,
        };
      }
    } else if (layers.length > 1) {
      return {
        ...failure('geoImport.gpkg.severalLayers', { file, layers: names.join(', ') }),
        layers: names,
      };
    } else layer = layers[0];
    if (layer === undefined) return failure('geoImport.gpkg.noFeatures', { file });
    return readLayer(db, layer, file, options);
  } catch (error) {
    // SQLite's own refusals of damaged pages ("database disk image is malformed", "file is not a
    // database"); anything else is a fault of ours and is not hidden.
    if (error instanceof Error && /malformed|not a database|no such|corrupt/i.test(error.message)) {
      return failure('geoImport.gpkg.badFile', { file });
    }
    throw error;
  } finally {
    db.close();
  }
}
