/**
 * The host's side of local basemap files (shared/tiles/local-files.ts), in plain Node so that tests run
 * it without Electron, and shared by the `app://` protocol (electron/app-protocol.ts) and the web server
 * (scripts/web-server.ts): under `/basemap-files/`,
 * - `<id>`: the file's bytes by HTTP range (a PMTiles archive is read a directory and a tile at a time;
 *   a range past the end is cut to it; a whole file only up to {@link WHOLE_FILE_MAX_BYTES});
 * - `<id>/metadata.json` and `<id>/<z>/<x>/<y>`: an MBTiles' format and zooms, and one of its tiles (XYZ
 *   rows; MBTiles keeps TMS rows), 204 where it has none;
 * - `index.json`: the files offered.
 * Which file an id is, is for the caller to say (`resolve`): the main process's registry of files the
 * leader picked, or the web server's folder. An id is one path segment and never a path.
 */
import { open, stat } from 'node:fs/promises';
import type { Database, SqlJsStatic } from 'sql.js';
import { readFile } from 'node:fs/promises';
import {
  LOCAL_FILES_INDEX,
  MBTILES_MAX_BYTES,
  localFileIdSchema,
  type LocalBasemapFile,
  type LocalBasemapFormat,
  type MbtilesInfo,
} from '../shared/tiles/local-files';
import { MAX_VECTOR_LAYERS, readVectorTile } from '../shared/tiles/vector-tile';

/**
 * A vector MBTiles' source layers: the `vector_layers` of its `json` metadata (the MBTiles spec's
 * place for them), else those of its most detailed tile.
 */
function mbtilesVectorLayers(db: Database, json: string | undefined): string[] {
  try {
    const listed = (JSON.parse(json ?? 'null') as { vector_layers?: unknown } | null)?.vector_layers;
    if (Array.isArray(listed)) {
      const ids = listed
        .map((l) => (l as { id?: unknown }).id)
        .filter((id): id is string => typeof id === 'string' && id !== '' && id.length <= 100);
      if (ids.length > 0) return ids.slice(0, MAX_VECTOR_LAYERS);
    }
  } catch {
    // Not JSON: read a tile instead.
  }
  const blob = db.exec('SELECT tile_data FROM tiles ORDER BY zoom_level DESC LIMIT 1')[0]?.values[0]?.[0];
  if (!(blob instanceof Uint8Array)) return [];
  const read = readVectorTile(blob);
  return read.kind === 'layers' ? read.names.filter((n) => n.length <= 100).slice(0, MAX_VECTOR_LAYERS) : [];
}

/** A range larger than this is refused: no PMTiles reader asks for one (directories and tiles are small). */
export const RANGE_MAX_BYTES = 16 * 1024 * 1024;
/** A request without a range gets the whole file only up to this size. */
export const WHOLE_FILE_MAX_BYTES = 16 * 1024 * 1024;

export interface LocalTileFile {
  readonly path: string;
  readonly format: LocalBasemapFormat;
  /** The name messages use (no folder). */
  readonly name: string;
}

/** An answer, for the caller to send with its own security headers. */
export interface LocalTileAnswer {
  readonly status: number;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: Uint8Array | null;
}

export interface LocalTileServerOptions {
  readonly resolve: (id: string) => Promise<LocalTileFile | null> | LocalTileFile | null;
  readonly list: () => Promise<readonly LocalBasemapFile[]> | readonly LocalBasemapFile[];
  /** sql.js, loaded on the first MBTiles. */
  readonly sqlite: () => Promise<SqlJsStatic>;
  readonly mbtilesMaxBytes?: number;
}

export interface LocalTileServer {
  /** Answers `GET`/`HEAD` of `rest`, the raw path after `/basemap-files/` (still percent-encoded). */
  answer(method: string, rest: string, range: string | null): Promise<LocalTileAnswer>;
  /** Closes the MBTiles databases it opened. */
  close(): void;
}

const TEXT = 'text/plain; charset=utf-8';
const plain = (status: number, text: string): LocalTileAnswer => {
  const body = new TextEncoder().encode(text);
  return { status, headers: { 'Content-Type': TEXT, 'Content-Length': String(body.byteLength) }, body };
};

/**
 * A `Range` header's one byte range over a file of `size` bytes (RFC 9110: `a-b`, `a-`, `-n`; an end
 * past the file is cut to it), 'unsatisfiable', or null when there is no usable range header.
 */
export function parseByteRange(
  header: string | null,
  size: number,
): { start: number; end: number } | 'unsatisfiable' | null {
  if (header === null) return null;
  const m = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (m === null || (m[1] === '' && m[2] === '')) return null;
  if (m[1] === '') {
    const suffix = Number(m[2]);
    if (suffix === 0 || size === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(m[1]);
  const end = m[2] === '' ? size - 1 : Math.min(Number(m[2]), size - 1);
  if (start >= size || end < start) return 'unsatisfiable';
  return { start, end };
}

const TILE_TYPES: Readonly<Record<string, string>> = {
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  webp: 'image/webp',
  pbf: 'application/x-protobuf',
};

export function createLocalTileServer(options: LocalTileServerOptions): LocalTileServer {
  const maxMbtiles = options.mbtilesMaxBytes ?? MBTILES_MAX_BYTES;
  const databases = new Map<string, Promise<Database>>();

  async function bytes(
    file: LocalTileFile,
    method: string,
    rangeHeader: string | null,
  ): Promise<LocalTileAnswer> {
    const size = (await stat(file.path)).size;
    const range = parseByteRange(rangeHeader, size);
    const common = { 'Accept-Ranges': 'bytes', 'Content-Type': 'application/octet-stream' };
    if (range === 'unsatisfiable')
      return { status: 416, headers: { ...common, 'Content-Range': `bytes */${size}` }, body: null };
    const { start, end } = range ?? { start: 0, end: size - 1 };
    const length = end - start + 1;
    if (range === null && size > WHOLE_FILE_MAX_BYTES)
      return plain(416, `${file.name} is ${size} bytes: ask for it by byte ranges`);
    if (length > RANGE_MAX_BYTES) return plain(416, `a range of ${length} bytes is over ${RANGE_MAX_BYTES}`);
    const headers: Record<string, string> = { ...common, 'Content-Length': String(Math.max(length, 0)) };
    if (range !== null) headers['Content-Range'] = `bytes ${start}-${end}/${size}`;
    if (method === 'HEAD' || size === 0) return { status: range === null ? 200 : 206, headers, body: null };
    const handle = await open(file.path, 'r');
    try {
      const body = new Uint8Array(length);
      let read = 0;
      while (read < length) {
        const { bytesRead } = await handle.read(body, read, length - read, start + read);
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return { status: range === null ? 200 : 206, headers, body: body.subarray(0, read) };
    } finally {
      await handle.close();
    }
  }

  /** The MBTiles as a database, opened once; refused past the size limit. */
  function database(file: LocalTileFile): Promise<Database> {
    let opened = databases.get(file.path);
    if (opened === undefined) {
      opened = (async () => {
        const size = (await stat(file.path)).size;
        if (size > maxMbtiles) throw new RangeError(String(size));
        const SQL = await options.sqlite();
        const db = new SQL.Database(await readFile(file.path));
        // A file that is not SQLite fails here, not at open.
        db.exec('SELECT 1 FROM tiles LIMIT 1');
        return db;
      })();
      databases.set(file.path, opened);
      opened.catch(() => databases.delete(file.path));
    }
    return opened;
  }

  async function mbtiles(file: LocalTileFile, method: string, sub: string[]): Promise<LocalTileAnswer> {
    let db: Database;
    try {
      db = await database(file);
    } catch (error) {
      if (error instanceof RangeError)
        return plain(413, `${file.name} is ${error.message} bytes, over ${maxMbtiles}`);
      return plain(422, `${file.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (sub.length === 1 && sub[0] === 'metadata.json') {
      const meta = new Map<string, string>();
      try {
        for (const row of db.exec('SELECT name, value FROM metadata')[0]?.values ?? [])
          meta.set(String(row[0]), String(row[1]));
      } catch {
        // A metadata table is optional enough in practice; the tiles say the zooms.
      }
      const zooms = db.exec('SELECT MIN(zoom_level), MAX(zoom_level) FROM tiles')[0]?.values[0] ?? [];
      const num = (text: string | undefined, fallback: unknown): number => {
        const n = Number(text ?? fallback);
        return Number.isInteger(n) ? Math.min(Math.max(n, 0), 30) : 0;
      };
      const format = (meta.get('format') ?? 'png').toLowerCase().slice(0, 32);
      const info: MbtilesInfo = {
        format,
        minZoom: num(meta.get('minzoom'), zooms[0]),
        maxZoom: num(meta.get('maxzoom'), zooms[1]),
        ...(format === 'pbf' ? { vectorLayers: mbtilesVectorLayers(db, meta.get('json')) } : {}),
      };
      const body = new TextEncoder().encode(JSON.stringify(info));
      return {
        status: 200,
        headers: {
          'Content-Type': 'application/json; charset=utf-8',
          'Content-Length': String(body.byteLength),
        },
        body: method === 'HEAD' ? null : body,
      };
    }
    const [z = NaN, x = NaN, y = NaN] = sub.map((s) => (/^\d{1,8}$/.test(s) ? Number(s) : NaN));
    if (sub.length !== 3 || !(z <= 30) || !(x < 2 ** z) || !(y < 2 ** z))
      return plain(404, 'no such tile address');
    const statement = db.prepare(
      'SELECT tile_data FROM tiles WHERE zoom_level = ? AND tile_column = ? AND tile_row = ?',
    );
    try {
      statement.bind([z, x, 2 ** z - 1 - y]);
      if (!statement.step()) return { status: 204, headers: { 'Content-Length': '0' }, body: null };
      const data = statement.get()[0];
      if (!(data instanceof Uint8Array))
        return { status: 204, headers: { 'Content-Length': '0' }, body: null };
      const format = (db.exec("SELECT value FROM metadata WHERE name = 'format'")[0]?.values[0]?.[0] ??
        'png') as string;
      return {
        status: 200,
        headers: {
          'Content-Type': TILE_TYPES[String(format).toLowerCase()] ?? 'application/octet-stream',
          'Content-Length': String(data.byteLength),
        },
        body: method === 'HEAD' ? null : data,
      };
    } finally {
      statement.free();
    }
  }

  return {
    async answer(method, rest, range) {
      if (method !== 'GET' && method !== 'HEAD') return plain(405, `method ${method} not allowed`);
      let parts: string[];
      try {
        parts = rest.split('/').map((p) => decodeURIComponent(p));
      } catch {
        return plain(400, 'malformed percent-encoding');
      }
      const [id = '', ...sub] = parts;
      if (id === LOCAL_FILES_INDEX && sub.length === 0) {
        const body = new TextEncoder().encode(JSON.stringify(await options.list()));
        return {
          status: 200,
          headers: {
            'Content-Type': 'application/json; charset=utf-8',
            'Content-Length': String(body.byteLength),
          },
          body: method === 'HEAD' ? null : body,
        };
      }
      if (!localFileIdSchema.safeParse(id).success) return plain(403, 'not a file id');
      const file = await options.resolve(id);
      if (file === null) return plain(404, `no basemap file "${id}" is offered here`);
      try {
        if (file.format === 'mbtiles') return await mbtiles(file, method, sub);
        if (sub.length > 0) return plain(404, 'a PMTiles archive is read by byte ranges');
        return await bytes(file, method, range);
      } catch (error) {
        return plain(500, `${file.name}: ${error instanceof Error ? error.message : String(error)}`);
      }
    },
    close() {
      for (const opened of databases.values()) void opened.then((db) => db.close()).catch(() => undefined);
      databases.clear();
    },
  };
}
