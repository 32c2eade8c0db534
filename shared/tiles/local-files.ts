/**
 * Basemaps from files on the centre's own disk (本地瓦片文件): PMTiles archives, read by the page with
 * HTTP byte ranges, and MBTiles databases, whose tiles the host reads. Either way the page asks its own
 * origin, `/basemap-files/<id>`: in Electron the `app://` protocol answers for a file the shift leader
 * picked in a file dialog (registered in the main process by id, never by path, so no path the page
 * writes reaches the disk); in a browser the web server answers for the files of the folder it was
 * started with (`--basemap-dir`). No `file://` anywhere.
 */
import { MAX_VECTOR_LAYERS } from './vector-tile';
import { z } from 'zod';

export const LOCAL_BASEMAP_FORMATS = ['pmtiles', 'mbtiles'] as const;
export type LocalBasemapFormat = (typeof LOCAL_BASEMAP_FORMATS)[number];

/** Where the page reads local basemap files on its own origin. */
export const LOCAL_FILES_PATH = '/basemap-files/';
/** The listing of the files the host offers (a JSON array of {@link LocalBasemapFile}). */
export const LOCAL_FILES_INDEX = 'index.json';

/**
 * A file's id as it appears in a URL path: one segment, no separators, NUL, colon or dot-only names
 * (the web server's ids are file names, the main process's random hex).
 */
export const localFileIdSchema = z
  .string()
  .min(1)
  .max(255)
  .refine((id) => !/[/\\\0:]/.test(id) && id !== '.' && id !== '..' && id !== LOCAL_FILES_INDEX, {
    message: 'not a file id',
  });

export const localBasemapFileSchema = z.strictObject({
  id: localFileIdSchema,
  /** The file's name as the leader saw it (no folder). */
  name: z.string().min(1).max(255),
  format: z.enum(LOCAL_BASEMAP_FORMATS),
  /** Its size, bytes. */
  bytes: z.number().int().nonnegative(),
});
export type LocalBasemapFile = z.infer<typeof localBasemapFileSchema>;

/**
 * The largest MBTiles the host opens. MBTiles is SQLite, read with sql.js, which holds the whole
 * database in memory: past this, the leader is asked to convert it to PMTiles (read by ranges, any size).
 */
export const MBTILES_MAX_BYTES = 512 * 1024 * 1024;

/** The format a file name says, or null for anything else. */
export function localFormatOf(fileName: string): LocalBasemapFormat | null {
  const m = /\.(pmtiles|mbtiles)$/i.exec(fileName);
  return m === null ? null : ((m[1] as string).toLowerCase() as LocalBasemapFormat);
}

/** The format a file's first bytes say: PMTiles v3's magic, SQLite's header; null for neither. */
export function sniffLocalFormat(head: Uint8Array): LocalBasemapFormat | null {
  const text = String.fromCharCode(...head.subarray(0, 16));
  if (text.startsWith('PMTiles')) return 'pmtiles';
  if (text.startsWith('SQLite format 3\0')) return 'mbtiles';
  return null;
}

/** The address of a file on the page's origin (`origin` without a trailing slash). */
export const localFileUrl = (origin: string, id: string): string =>
  `${origin}${LOCAL_FILES_PATH}${encodeURIComponent(id)}`;

/** What an MBTiles says of itself, as the host answers `/basemap-files/<id>/metadata.json`. */
export const mbtilesInfoSchema = z.strictObject({
  /** `png`, `jpg`, `webp` or `pbf` (vector). */
  format: z.string().max(32),
  minZoom: z.number().int().min(0).max(30),
  maxZoom: z.number().int().min(0).max(30),
  /**
   * A vector file's source layers: its `json` metadata's `vector_layers`, or those of one of its tiles
   * where it lists none. Absent from a raster file (and from hosts older than it).
   */
  vectorLayers: z.array(z.string().min(1).max(100)).max(MAX_VECTOR_LAYERS).optional(),
});
export type MbtilesInfo = z.infer<typeof mbtilesInfoSchema>;

export const LOCAL_PROBLEM_KEYS = [
  'basemap.local.notOffered',
  'basemap.local.corrupt',
  'basemap.local.tooLarge',
  'basemap.local.unreadable',
  'basemap.local.vector',
] as const;

/** Why a local file cannot be drawn: an i18n key naming the file (`file`) and what was wrong (`reason`). */
export interface LocalProblem {
  readonly key: (typeof LOCAL_PROBLEM_KEYS)[number];
  readonly params: Readonly<Record<string, string>>;
}
