/**
 * How far a geographic read has got, for the import wizard's progress bar, and the size check made
 * before a file is read at all. Phases come in this order; a reader skips those its format lacks
 * (only a zipped Shapefile unzips). `done` of `total` are bytes while reading and unzipping, records
 * while parsing, features while converting and checking.
 */
import { megabytes } from '../../zip/guard';
import type { GeoIssue } from './result';

export const GEO_READ_PHASES = ['reading', 'unzipping', 'parsing', 'converting', 'checking'] as const;
export type GeoReadPhase = (typeof GEO_READ_PHASES)[number];

export interface GeoReadProgress {
  readonly phase: GeoReadPhase;
  readonly done: number;
  readonly total: number;
}

export type GeoProgress = (progress: GeoReadProgress) => void;

/** Records or features between two reports of one phase (and one at its start and its end). */
export const PROGRESS_EVERY = 5_000;

/**
 * Reports `phase` at 0, every {@link PROGRESS_EVERY} items and at `total`: call `step(i)` after item
 * `i` (0-based) and `end()` once. Without `onProgress` it does nothing.
 */
export function phaseReporter(
  phase: GeoReadPhase,
  total: number,
  onProgress: GeoProgress | undefined,
): { step(i: number): void; end(): void } {
  if (onProgress === undefined) return { step: () => undefined, end: () => undefined };
  onProgress({ phase, done: 0, total });
  return {
    step(i) {
      if ((i + 1) % PROGRESS_EVERY === 0 && i + 1 < total) onProgress({ phase, done: i + 1, total });
    },
    end: () => onProgress({ phase, done: total, total }),
  };
}

const MiB = 1024 * 1024;

/** The largest zipped Shapefile read (its archive policy, shapefile.ts, says the same). */
export const SHAPEFILE_ZIP_MAX_BYTES = 512 * MiB;

/**
 * The largest file of each kind the import reads, in bytes: a zipped Shapefile as its archive policy
 * allows (512 MB, room for the 100 MB Shapefile of issue 12 several times over); a GeoJSON 256 MB (it
 * is parsed whole, and a 256 MB text is some 2 GB of objects); KML, KMZ and GPX 128 MB (an XML
 * document tree costs more per byte still).
 */
export const GEO_FILE_LIMITS: Readonly<Record<string, number>> = {
  '.zip': SHAPEFILE_ZIP_MAX_BYTES,
  '.geojson': 256 * MiB,
  '.json': 256 * MiB,
  '.kml': 128 * MiB,
  '.ovkml': 128 * MiB,
  '.kmz': 128 * MiB,
  '.gpx': 128 * MiB,
};

/**
 * The refusal of a file too large to read (`geoImport.file.tooBig`, with its size and the limit in
 * MB), checked from its size alone before a byte of it is read; null when it may be read (a type the
 * readers do not know is left to them to name).
 */
export function checkGeoFileSize(name: string, size: number): GeoIssue | null {
  const limit = GEO_FILE_LIMITS[name.slice(name.lastIndexOf('.')).toLowerCase()];
  if (limit === undefined || size <= limit) return null;
  return {
    key: 'geoImport.file.tooBig',
    params: { file: name, size: megabytes(size), limit: megabytes(limit) },
  };
}
