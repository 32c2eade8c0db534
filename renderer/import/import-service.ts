/**
 * What the import worker does, as plain functions (no DOM, no worker globals), so the same code runs in
 * the browser's worker (import.worker.ts) and in a Node worker thread (the import-12345 bench): read a
 * chosen file into a table that stays here, then convert its rows with whatever mapping the operator
 * picks. Only the table's header and the conversion's result cross to the UI thread.
 */
import { findBatchDuplicates, type DuplicateCase, type DuplicateProbe } from '../../shared/cases/duplicates';
import { convertRows, type ConvertOptions } from '../../shared/import/convert';
import type { ImportResult } from '../../shared/import/intake-draft';
import type { ColumnMapping } from '../../shared/import/mapping';
import { reviewImportTable, type ImportReviewFacts } from '../../shared/import/import-review';
import type { Matter } from '../../shared/model/matter';
import type { AreaGeometry } from '../../shared/model/geo';
import { blobSource, readImportSource, type ReadProgress } from '../../shared/import/stream-read';
import type { ReadFileProblem } from '../../shared/import/table';
import type { ImportTable } from '../../shared/import/table-types';

/** The table without its rows: what the dialog needs to show the columns and the row count. */
export type ImportTableInfo = Omit<ImportTable, 'rows'> & {
  readonly rowCount: number;
  /** The first data rows, for showing what a column holds. */
  readonly sample: ImportTable['rows'];
};

export type ReadOutcome =
  { readonly ok: true; readonly table: ImportTableInfo } | ({ readonly ok: false } & ReadFileProblem);

const SAMPLE_ROWS = 20;
/**
 * Rows of a conversion's result per message to the UI thread. Unpacking a message is one task on the
 * receiving thread: 200,000 drafts at once block it for seconds, 5,000 for tens of milliseconds.
 */
export const RESULT_PAGE_ROWS = 2_000;

/** One page of a conversion's result: drafts, their rows and rejections of source rows [from, to). */
export interface ResultPage {
  readonly accepted: ImportResult['accepted'];
  readonly acceptedRows: ImportResult['acceptedRows'];
  readonly rejected: ImportResult['rejected'];
}

/** One import's worker state: the table of the file read last. */
export function createImportService() {
  let table: ImportTable | null = null;
  let converted: ImportResult | null = null;
  /** The located drafts of the last conversion, for the duplicate check. */
  let probes: DuplicateProbe[] = [];
  return {
    /**
     * Reads `file` (named `name` in messages) into the worker's table, streaming; `onProgress` gets
     * bytes read and rows so far. Replaces the table of any earlier file.
     */
    async read(
      file: Blob,
      name: string,
      onProgress?: (progress: ReadProgress) => void,
    ): Promise<ReadOutcome> {
      table = null;
      converted = null;
      const result = await readImportSource(blobSource(file, name), onProgress);
      if (!result.ok) return result;
      table = result.table;
      const { rows, ...header } = result.table;
      return { ok: true, table: { ...header, rowCount: rows.length, sample: rows.slice(0, SAMPLE_ROWS) } };
    },

    /**
     * What the dialog asks about the table read last, over all its rows (see reviewImportTable): the
     * stated coordinate system, the township fit of each reading and how each category matched.
     */
    review(
      mapping: ColumnMapping,
      matters: readonly Matter[],
      boundary: AreaGeometry | undefined,
    ): ImportReviewFacts {
      if (table === null) throw new Error('import worker: no file has been read');
      return reviewImportTable(table, mapping, matters, boundary);
    },

    /**
     * Converts every row of the table read last (see convertRows) and keeps the result here; answers
     * how many pages of {@link RESULT_PAGE_ROWS} source rows it takes (fetch them with `page`).
     */
    convert(mapping: ColumnMapping, options: ConvertOptions): number {
      if (table === null) throw new Error('import worker: no file has been read');
      converted = convertRows(table, mapping, options);
      probes = converted.accepted.flatMap((d) =>
        d.location === null
          ? []
          : [{ matterCode: d.matterCode, location: d.location, reportedAt: d.reportedAt }],
      );
      return Math.max(1, Math.ceil(table.rows.length / RESULT_PAGE_ROWS));
    },

    /**
     * How many located drafts of the last conversion may repeat a case of `existing` or an earlier
     * draft (see findBatchDuplicates): seconds of work for a county's file, so it runs here too.
     */
    duplicates(existing: readonly DuplicateCase[]): number {
      return findBatchDuplicates(probes, existing).filter((f) => f.matches.length > 0).length;
    },

    /**
     * Page `k` of the last conversion: what it made of source rows k·RESULT_PAGE_ROWS onwards. Pages
     * are fetched in order; after the last one the result is gone (convert again to fetch it again).
     */
    page(k: number): ResultPage {
      if (table === null || converted === null) throw new Error('import worker: nothing converted');
      const first = table.rows[k * RESULT_PAGE_ROWS]?.rowNumber ?? Infinity;
      const next = table.rows[(k + 1) * RESULT_PAGE_ROWS]?.rowNumber ?? Infinity;
      const inPage = (row: number): boolean => row >= first && row < next;
      const { accepted, acceptedRows, rejected } = converted;
      const from = acceptedRows.findIndex(inPage);
      const to = from < 0 ? -1 : acceptedRows.findIndex((row, i) => i > from && !inPage(row));
      const end = to < 0 ? acceptedRows.length : to;
      // The last page hands the result over for good: the worker need not hold a second copy.
      if ((k + 1) * RESULT_PAGE_ROWS >= table.rows.length) converted = null;
      return {
        accepted: from < 0 ? [] : accepted.slice(from, end),
        acceptedRows: from < 0 ? [] : acceptedRows.slice(from, end),
        rejected: rejected.filter((r) => inPage(r.row)),
      };
    },
  };
}

export type ImportService = ReturnType<typeof createImportService>;

/** The service as the UI thread reaches it: every call answers asynchronously. */
export interface RemoteConvert {
  convert(mapping: ColumnMapping, options: ConvertOptions): PromiseLike<number>;
  page(k: number): PromiseLike<ResultPage>;
}

/**
 * Converts in the worker and brings the result over page by page, each page its own message, so the
 * receiving thread never blocks for long: the same {@link ImportResult} convertRows gives.
 */
export async function convertInPages(
  service: RemoteConvert,
  mapping: ColumnMapping,
  options: ConvertOptions,
): Promise<ImportResult> {
  const pages = await service.convert(mapping, options);
  const accepted: ImportResult['accepted'][number][] = [];
  const acceptedRows: number[] = [];
  const rejected: ImportResult['rejected'][number][] = [];
  for (let k = 0; k < pages; k++) {
    const page = await service.page(k);
    for (const draft of page.accepted) accepted.push(draft);
    for (const row of page.acceptedRows) acceptedRows.push(row);
    for (const rejection of page.rejected) rejected.push(rejection);
  }
  return { accepted, acceptedRows, rejected };
}
