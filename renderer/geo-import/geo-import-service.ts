/**
 * What the geographic import worker does, as plain functions (no DOM, no worker globals), so the same
 * code runs in the browser's worker (geo-import.worker.ts) and in Node (its tests, the bench's checks):
 * check the file's size, read it with progress, run the reader (shared/import/geo) and the geometry
 * checks, and keep the features here. Only a summary crosses to the UI thread, whose unpacking is one
 * task there: 200,000 polygons in one message would block it for seconds. The commit fetches the
 * features (and the problems) in pages afterwards.
 */
import {
  checkGeoFileSize,
  checkGeometries,
  readGeoFile,
  type CrsReport,
  type DatumHint,
  type EncodingReport,
  type GeoFeature,
  type GeoIssue,
  type GeoProgress,
  type GeoReadFailure,
  type GeoReadOptions,
  type GeometryProblem,
} from '../../shared/import/geo';
import { extentOf } from '../../shared/import/geo/positions';
import {
  centreFromFiles,
  type CentreFromFiles,
  type CentreFromFilesResult,
  type PickedTable,
} from '../../shared/import/centre';
import type { SqlJsStatic } from 'sql.js';
import {
  planGridReplacement,
  type GridReplacement,
  type GridReplacementCurrent,
  type GridReplacementInput,
} from '../../shared/import/centre/replace-grids';
import {
  planPlaces,
  type PlacesCurrent,
  type PlacesInput,
  type PlacesPlan,
} from '../../shared/import/centre/places';
import type { TownshipDataset } from '../../shared/model/dataset';
import type { ImportedFile, ImportFileRole } from '../../shared/cases/data-events';
import { sha256OfBytes } from '../import/digest';
import { openDb } from '../db/database';
import { setUpCentreDataset, type SetUpRefusal } from '../db/dataset-repo';
import type { SessionGrant } from '../db/sessions';

/**
 * A centre built from its files as the wizard sees it: the report and counts, and each file's size
 * and SHA-256 for the record. The dataset itself stays in the worker that built it, which writes it
 * ({@link GeoImportService.commitCentre}): 200,000 grids in one message would block the UI thread
 * for seconds, and so would their write.
 */
export type CentreBuild =
  | (Omit<Extract<CentreFromFilesResult, { readonly ok: true }>, 'dataset'> & {
      readonly files: readonly ImportedFile[];
    })
  | Extract<CentreFromFilesResult, { readonly ok: false }>;

/** How far the commit of a set-up has got: grids written of all, then the record. */
export interface CentreCommitProgress {
  readonly done: number;
  readonly total: number;
}

/** What the commit of a set-up answers: the data event written, or why nothing was. */
export type CentreCommit =
  { readonly ok: true; readonly eventSeq: number } | { readonly ok: false; readonly refusal: SetUpRefusal };

/** The sheets of a set-up, by what each brings. */
function pickedTables(input: CentreFromFiles): [ImportFileRole, PickedTable][] {
  const optional: [ImportFileRole, PickedTable | undefined][] = [
    ['gridWorkers', input.gridWorkers],
    ['matters', input.matters],
    ['departments', input.departments],
  ];
  return [
    ['teams', input.teams],
    ['officers', input.officers],
    ...optional.flatMap(([role, table]): [ImportFileRole, PickedTable][] => (table ? [[role, table]] : [])),
  ];
}

/**
 * Features (or problems) per message to the UI thread, whose unpacking is one task there: 5,000
 * polygons of 25 positions took 160 ms in the bench on this 2-core machine, 2,000 stay well under 100.
 */
export const FEATURE_PAGE = 2_000;
/** Features in the map preview: spread over the whole file (every n-th), not its first ones. */
export const PREVIEW_FEATURES = 2_000;
/** Problems named in the summary itself; the rest are fetched in pages. */
export const SUMMARY_PROBLEMS = 200;

/** What the wizard shows of a file read in the worker; the features stay there. */
export interface GeoImportSummary {
  readonly file: string;
  /** The file's size and SHA-256 (lower-case hex), for the import's event in the record. */
  readonly bytes: number;
  readonly sha256: string;
  readonly layer: string;
  readonly featureCount: number;
  /** Attribute names, as decoded, in the order of the first feature that has each. */
  readonly fields: readonly string[];
  /** How many features of each geometry type (`null` for none). */
  readonly geometryTypes: Readonly<Record<string, number>>;
  /** [west, south, east, north] in WGS84 degrees, or null when no feature has a position. */
  readonly extent: readonly [number, number, number, number] | null;
  readonly crs: CrsReport;
  readonly encoding?: EncodingReport;
  readonly warnings: readonly GeoIssue[];
  /** What in the file suggests GCJ-02 or BD-09 (for the operator to choose; nothing was converted by it). */
  readonly datumHint?: DatumHint;
  readonly problemCount: number;
  /** Problems by key: the validation report's headline. */
  readonly problemsByKey: Readonly<Record<string, number>>;
  /** The first {@link SUMMARY_PROBLEMS} problems. */
  readonly problems: readonly GeometryProblem[];
  /** Up to {@link PREVIEW_FEATURES} features spread over the file, for the map. */
  readonly preview: readonly GeoFeature[];
  /** Index in the file of each preview feature. */
  readonly previewIndex: readonly number[];
  /** Reading, parsing, converting and checking in the worker, milliseconds. */
  readonly workerMs: number;
}

export type GeoImportOutcome = { readonly ok: true; readonly summary: GeoImportSummary } | GeoReadFailure;

/** Reads a Blob's bytes chunk by chunk into one buffer of its size, reporting `reading`. */
export async function readBlobBytes(file: Blob, onProgress?: GeoProgress): Promise<Uint8Array> {
  const bytes = new Uint8Array(file.size);
  onProgress?.({ phase: 'reading', done: 0, total: file.size });
  let at = 0;
  const reader = file.stream().getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // A file that grew since it was picked: what is past its size then is left out.
    if (at < bytes.length) bytes.set(value.subarray(0, bytes.length - at), at);
    at += value.length;
    onProgress?.({ phase: 'reading', done: Math.min(at, bytes.length), total: file.size });
  }
  return at === bytes.length ? bytes : bytes.subarray(0, Math.min(at, bytes.length));
}

/** Least time between two reports of one phase (a phase's start and end always go), milliseconds. */
export const PROGRESS_INTERVAL_MS = 100;

/**
 * `onProgress` at most every {@link PROGRESS_INTERVAL_MS} within a phase, always at a phase's start
 * and end: each report is a message to the UI thread.
 */
export function throttleProgress(
  onProgress: GeoProgress,
  now: () => number = () => performance.now(),
): GeoProgress {
  let phase = '';
  let last = -Infinity;
  return (progress) => {
    const t = now();
    const edge = progress.phase !== phase || progress.done === 0 || progress.done >= progress.total;
    if (!edge && t - last < PROGRESS_INTERVAL_MS) return;
    phase = progress.phase;
    last = t;
    onProgress(progress);
  };
}

/** The commit's progress at most every {@link PROGRESS_INTERVAL_MS}, and at its start and end. */
function throttleCommit(
  onProgress: (progress: CentreCommitProgress) => void,
): (done: number, total: number) => void {
  let last = -Infinity;
  return (done, total) => {
    const t = performance.now();
    if (done !== 0 && done < total && t - last < PROGRESS_INTERVAL_MS) return;
    last = t;
    onProgress({ done, total });
  };
}

function summarise(
  file: { readonly name: string; readonly bytes: number; readonly sha256: string },
  layer: string,
  features: readonly GeoFeature[],
  rest: Pick<GeoImportSummary, 'crs' | 'encoding' | 'warnings' | 'datumHint'>,
  problems: readonly GeometryProblem[],
  workerMs: number,
): GeoImportSummary {
  const fields = new Set<string>();
  const geometryTypes: Record<string, number> = {};
  for (const feature of features) {
    for (const key in feature.properties) fields.add(key);
    const type = feature.geometry?.type ?? 'null';
    geometryTypes[type] = (geometryTypes[type] ?? 0) + 1;
  }
  const problemsByKey: Record<string, number> = {};
  for (const p of problems) problemsByKey[p.key] = (problemsByKey[p.key] ?? 0) + 1;
  const stride = Math.max(1, Math.ceil(features.length / PREVIEW_FEATURES));
  const previewIndex: number[] = [];
  for (let i = 0; i < features.length; i += stride) previewIndex.push(i);
  const extent = extentOf(features.map((f) => f.geometry));
  return {
    file: file.name,
    bytes: file.bytes,
    sha256: file.sha256,
    layer,
    featureCount: features.length,
    fields: [...fields],
    geometryTypes,
    extent: extent === null ? null : [extent[0], extent[1], extent[2], extent[3]],
    crs: rest.crs,
    ...(rest.encoding === undefined ? {} : { encoding: rest.encoding }),
    warnings: rest.warnings,
    ...(rest.datumHint === undefined ? {} : { datumHint: rest.datumHint }),
    problemCount: problems.length,
    problemsByKey,
    problems: problems.slice(0, SUMMARY_PROBLEMS),
    preview: previewIndex.map((i) => features[i] as GeoFeature),
    previewIndex,
    workerMs,
  };
}

function page<T>(items: readonly T[], from: number, to: number): T[] {
  return items.slice(Math.max(0, from), Math.min(items.length, to, from + FEATURE_PAGE));
}

/** One import's worker state: the features and problems of the file read last. */
export interface GeoImportServiceOptions {
  /** Loads sql.js for a GeoPackage (the worker's loads its WebAssembly; Node tests read it from disk). */
  readonly loadSqlite?: () => Promise<SqlJsStatic>;
}

export function createGeoImportService(service: GeoImportServiceOptions = {}) {
  let features: readonly GeoFeature[] = [];
  let problems: readonly GeometryProblem[] = [];
  /** The file read last: its name, size and digest. */
  let lastRead: { readonly name: string; readonly bytes: number; readonly sha256: string } | null = null;
  /** The dataset built last (and the files it came from), until it is written or the file read again. */
  let built: { readonly dataset: TownshipDataset; readonly files: readonly ImportedFile[] } | null = null;
  return {
    /**
     * Reads `file` (named `name` in messages): refuses it by size before reading a byte
     * (`geoImport.file.tooBig`), then reads, parses, converts (from `options.datum` too, for GCJ-02
     * or BD-09 lon/lat) and checks it, reporting each phase, and keeps its features. Replaces the features of any earlier file.
     */
    async read(
      file: Blob,
      name: string,
      options: GeoReadOptions = {},
      onProgress?: GeoProgress,
    ): Promise<GeoImportOutcome> {
      features = [];
      problems = [];
      lastRead = null;
      built = null;
      const tooBig = checkGeoFileSize(name, file.size);
      if (tooBig !== null) return { ok: false, errors: [tooBig] };
      const started = performance.now();
      const report = onProgress === undefined ? undefined : throttleProgress(onProgress);
      const bytes = await readBlobBytes(file, report);
      const gpkg = name.toLowerCase().endsWith('.gpkg') && service.loadSqlite !== undefined;
      const read = gpkg && service.loadSqlite ? { ...options, sqlite: await service.loadSqlite() } : options;
      const result = readGeoFile(name, bytes, read, report);
      if (!result.ok) return result;
      const found = checkGeometries(result.features, name, report);
      features = result.features;
      problems = found;
      lastRead = { name, bytes: bytes.length, sha256: await sha256OfBytes(bytes) };
      return {
        ok: true,
        summary: summarise(
          lastRead,
          result.layer,
          result.features,
          result,
          found,
          performance.now() - started,
        ),
      };
    },
    /**
     * A new centre's dataset from the features read last and the picked sheets (centreFromFiles),
     * built here, where the features are, and kept here for {@link commitCentre}: the UI thread only
     * gets the report and the counts.
     */
    async build(input: CentreFromFiles): Promise<CentreBuild> {
      built = null;
      const result = centreFromFiles(features, input);
      if (!result.ok) return result;
      if (lastRead === null) throw new Error('no file was read to build from');
      const tables = await Promise.all(
        pickedTables(input).map(async ([role, table]): Promise<ImportedFile> => ({
          role,
          name: table.name,
          bytes: table.bytes.length,
          sha256: await sha256OfBytes(table.bytes),
        })),
      );
      const grids: ImportedFile = {
        role: 'grids',
        name: input.gridsFile,
        bytes: lastRead.bytes,
        sha256: lastRead.sha256,
      };
      const files = [grids, ...tables];
      const { dataset, ...report } = result;
      built = { dataset, files };
      return { ...report, files };
    },
    /**
     * Writes the dataset built last into the centre's database `dbName`, opened here, as the leader
     * `grant` stands for (setUpCentreDataset: one transaction, the role checked in it, the 导入 event
     * naming the built files and `layerFiles`, the patrol-area and boundary files read in workers of
     * their own). `onProgress` is told the grids written. Written, the dataset is dropped here;
     * refused, it is kept for another try.
     */
    async commitCentre(
      dbName: string,
      grant: SessionGrant,
      layerFiles: readonly ImportedFile[],
      now: number,
      onProgress?: (progress: CentreCommitProgress) => void,
    ): Promise<CentreCommit> {
      if (built === null) throw new Error('nothing built to write');
      const db = openDb(dbName);
      try {
        const files = [...built.files, ...layerFiles];
        const report = onProgress && throttleCommit(onProgress);
        const written = await setUpCentreDataset(db, grant, built.dataset, files, now, report);
        if (!written.ok) return written;
        built = null;
        return { ok: true, eventSeq: written.event.seq };
      } finally {
        db.close();
      }
    },
    /** 替换网格: the features read last as the centre's new grids, planned where they are. */
    planReplacement(input: GridReplacementInput, current: GridReplacementCurrent): GridReplacement {
      return planGridReplacement(features, input, current);
    },
    /** 导入地名: the features read last as the centre's places, planned where they are. */
    planPlaces(input: PlacesInput, current: PlacesCurrent): PlacesPlan {
      return planPlaces(features, input, current);
    },
    /** Features [from, to) of the file read last, at most {@link FEATURE_PAGE} of them. */
    features(from: number, to: number): GeoFeature[] {
      return page(features, from, to);
    },
    /** Problems [from, to) of the file read last, at most {@link FEATURE_PAGE} of them. */
    problems(from: number, to: number): GeometryProblem[] {
      return page(problems, from, to);
    },
  };
}

export type GeoImportService = ReturnType<typeof createGeoImportService>;

/** The pages a remote service answers (the worker's, through comlink; the service itself in tests). */
export interface GeoImportPages {
  features(from: number, to: number): PromiseLike<GeoFeature[]> | GeoFeature[];
  problems(from: number, to: number): PromiseLike<GeometryProblem[]> | GeometryProblem[];
}

/** Every feature (`count` of them) of the file the worker read last, brought over page by page. */
export async function allFeatures(service: GeoImportPages, count: number): Promise<GeoFeature[]> {
  const out: GeoFeature[] = [];
  for (let from = 0; from < count; from += FEATURE_PAGE) {
    for (const f of await service.features(from, from + FEATURE_PAGE)) out.push(f);
  }
  return out;
}

/** Every problem (`count` of them) of the file the worker read last, page by page. */
export async function allProblems(service: GeoImportPages, count: number): Promise<GeometryProblem[]> {
  const out: GeometryProblem[] = [];
  for (let from = 0; from < count; from += FEATURE_PAGE) {
    for (const p of await service.problems(from, from + FEATURE_PAGE)) out.push(p);
  }
  return out;
}
