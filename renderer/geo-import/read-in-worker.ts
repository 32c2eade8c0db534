/**
 * The UI thread's side of the geographic import, given a way to start its worker (client.ts gives the
 * browser's geo-import.worker.ts; tests a Node worker thread): check the file's size, start a worker
 * for it, pass progress on and cancel on the signal. What comes back is the summary for the wizard
 * and a handle to fetch the features for the commit, page by page, from the worker that keeps them
 * until `close()`.
 */
import { proxy } from 'comlink';
import {
  checkGeoFileSize,
  type GeoFeature,
  type GeoProgress,
  type GeoReadFailure,
  type GeoReadOptions,
  type GeometryProblem,
} from '../../shared/import/geo';
import { workerJob, WorkCancelled, type JobWorker } from '../import/worker-job';
import type { CentreFromFiles } from '../../shared/import/centre';
import type { ImportedFile } from '../../shared/cases/data-events';
import type { SessionGrant } from '../db/sessions';
import type {
  GridReplacement,
  GridReplacementCurrent,
  GridReplacementInput,
} from '../../shared/import/centre/replace-grids';
import type { PlacesCurrent, PlacesInput, PlacesPlan } from '../../shared/import/centre/places';
import {
  allFeatures,
  allProblems,
  type CentreBuild,
  type CentreCommit,
  type CentreCommitProgress,
  type GeoImportOutcome,
  type GeoImportService,
  type GeoImportSummary,
} from './geo-import-service';

export { WorkCancelled } from '../import/worker-job';

/** A file read in its worker: what it holds, and its features while the worker lives. */
export interface GeoImportHandle {
  readonly summary: GeoImportSummary;
  /** Features [from, to) (at most a page, FEATURE_PAGE). */
  features(from: number, to: number): Promise<GeoFeature[]>;
  /** Every feature, in file order, for the commit. */
  allFeatures(): Promise<GeoFeature[]>;
  /** Every geometry problem, for the full validation report. */
  allProblems(): Promise<GeometryProblem[]>;
  /** A new centre's dataset from these features and the picked sheets, built (and kept) in the worker. */
  buildCentre(input: CentreFromFiles): Promise<CentreBuild>;
  /**
   * Writes the dataset built last into the centre's database `dbName` from the worker, as the leader
   * `grant` stands for, with `layerFiles` named in its event too; progress is the grids written.
   */
  commitCentre(
    dbName: string,
    grant: SessionGrant,
    layerFiles: readonly ImportedFile[],
    now: number,
    onProgress?: (progress: CentreCommitProgress) => void,
  ): Promise<CentreCommit>;
  /** 替换网格: these features as the centre's new grids, planned in the worker against `current`. */
  planReplacement(input: GridReplacementInput, current: GridReplacementCurrent): Promise<GridReplacement>;
  /** 导入地名: these features as the centre's places, planned in the worker against `current`. */
  planPlaces(input: PlacesInput, current: PlacesCurrent): Promise<PlacesPlan>;
  /** Ends the worker: the features are gone. */
  close(): void;
}

export type GeoImportRead = { readonly ok: true; readonly handle: GeoImportHandle } | GeoReadFailure;

export interface ReadInWorkerControl {
  readonly onProgress?: GeoProgress;
  /** Aborting ends the worker at once: the read rejects with WorkCancelled, nothing is returned. */
  readonly signal?: AbortSignal;
}

/**
 * Reads `file` in a worker of its own, made by `start`. A file over its kind's limit is refused from
 * its size alone (`geoImport.file.tooBig`), before any worker starts or any byte is read.
 */
export async function readInWorkerWith(
  start: () => JobWorker,
  file: File,
  options: GeoReadOptions = {},
  control: ReadInWorkerControl = {},
): Promise<GeoImportRead> {
  const tooBig = checkGeoFileSize(file.name, file.size);
  if (tooBig !== null) return { ok: false, errors: [tooBig] };
  const { signal, onProgress } = control;
  if (signal?.aborted === true) throw new WorkCancelled();
  const job = workerJob<GeoImportService>(start(), 'geo-import');
  const cancel = (): void => job.cancel();
  signal?.addEventListener('abort', cancel, { once: true });
  let outcome: GeoImportOutcome;
  try {
    // Plain copies: the options may hold reactive proxies, which cannot be cloned to a worker.
    const plain: GeoReadOptions = JSON.parse(JSON.stringify(options)) as GeoReadOptions;
    outcome = await job.run<GeoImportOutcome>((s) =>
      s.read(file, file.name, plain, onProgress === undefined ? undefined : proxy(onProgress)),
    );
  } catch (error) {
    signal?.removeEventListener('abort', cancel);
    job.cancel();
    throw error;
  }
  if (!outcome.ok) {
    signal?.removeEventListener('abort', cancel);
    job.end();
    return outcome;
  }
  const { summary } = outcome;
  const pages = {
    features: (from: number, to: number) => job.run((s) => s.features(from, to)),
    problems: (from: number, to: number) => job.run((s) => s.problems(from, to)),
  };
  return {
    ok: true,
    handle: {
      summary,
      features: pages.features,
      allFeatures: () => allFeatures(pages, summary.featureCount),
      allProblems: () => allProblems(pages, summary.problemCount),
      buildCentre: (input) => job.run<CentreBuild>((s) => s.build(input)),
      commitCentre: (dbName, grant, layerFiles, now, onCommit) =>
        job.run<CentreCommit>((s) =>
          s.commitCentre(
            dbName,
            // Plain copies: a reactive proxy cannot be cloned to a worker.
            { ...grant },
            layerFiles.map((f) => ({ ...f })),
            now,
            onCommit === undefined ? undefined : proxy(onCommit),
          ),
        ),
      planReplacement: (input, current) => job.run<GridReplacement>((s) => s.planReplacement(input, current)),
      planPlaces: (input, current) => job.run<PlacesPlan>((s) => s.planPlaces(input, current)),
      close() {
        signal?.removeEventListener('abort', cancel);
        job.end();
      },
    },
  };
}
