import { proxy } from 'comlink';
import type { DuplicateCase } from '../../shared/cases/duplicates';
import type { ConvertOptions } from '../../shared/import/convert';
import type { ImportResult } from '../../shared/import/intake-draft';
import type { ColumnMapping } from '../../shared/import/mapping';
import type { ImportReviewFacts } from '../../shared/import/import-review';
import type { Matter } from '../../shared/model/matter';
import type { AreaGeometry } from '../../shared/model/geo';
import type { ReadProgress } from '../../shared/import/stream-read';
import { convertInPages, type ImportService, type ReadOutcome } from './import-service';
import { workerJob } from './worker-job';

export { WorkCancelled } from './worker-job';

/** One file's import, in its own worker: read it, then convert with each mapping the operator tries. */
export interface ImportJob {
  read(file: File, onProgress: (progress: ReadProgress) => void): Promise<ReadOutcome>;
  convert(mapping: ColumnMapping, options: ConvertOptions): Promise<ImportResult>;
  /** What the dialog asks about the file, over all its rows (coordinate system, categories). */
  review(
    mapping: ColumnMapping,
    matters: readonly Matter[],
    boundary: AreaGeometry | undefined,
  ): Promise<ImportReviewFacts>;
  /** Of the last conversion's located drafts, how many may repeat `existing` or each other. */
  duplicates(existing: readonly DuplicateCase[]): Promise<number>;
  /** Terminates the worker: what is pending rejects with WorkCancelled; the table is gone. */
  cancel(): void;
}

/** Starts an import worker. Cancel (or a new file) ends it. */
export function startImportJob(): ImportJob {
  const job = workerJob<ImportService>(
    new Worker(new URL('./import.worker.ts', import.meta.url), { type: 'module' }),
    'import',
  );
  return {
    read: (file, onProgress) => job.run<ReadOutcome>((s) => s.read(file, file.name, proxy(onProgress))),
    // Plain copies: the options may hold reactive proxies, which cannot be cloned to a worker.
    convert: (mapping, options) =>
      job.run<ImportResult>((s) =>
        convertInPages(
          s,
          { ...mapping },
          {
            ...options,
            matters: [...options.matters],
            ...(options.existingRefs === undefined ? {} : { existingRefs: new Set(options.existingRefs) }),
          },
        ),
      ),
    review: (mapping, matters, boundary) =>
      job.run<ImportReviewFacts>((s) => s.review({ ...mapping }, [...matters], boundary)),
    duplicates: (existing) =>
      job.run<number>((s) =>
        s.duplicates(
          existing.map((c) => ({
            id: c.id,
            matterCode: c.matterCode,
            location: [c.location[0], c.location[1]] as const,
            reportedAt: c.reportedAt,
            stage: c.stage,
          })),
        ),
      ),
    cancel: () => job.cancel(),
  };
}
