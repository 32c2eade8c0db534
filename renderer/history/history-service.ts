/**
 * What the history worker does, as plain functions (no DOM, no worker globals): read an old system's
 * case export (CSV or XLSX, size-checked before it is read, streaming) into a table that stays here,
 * then check every row with the mapping and the centre's grids, matters and zone (readHistoryRows).
 * Only the header, the counts, the problems and the rows to write cross to the UI thread.
 */
import type { CoordSystem } from '../../shared/geo/coord-systems';
import type { Matter } from '../../shared/model/matter';
import type { Grid, PatrolArea } from '../../shared/model/organisation';
import { createGridLocator, type GridLocator } from '../../shared/spatial/grid-locator';
import { blobSource, readImportSource, type ReadProgress } from '../../shared/import/stream-read';
import type { ImportTable } from '../../shared/import/table-types';
import type { HistoryMapping } from '../../shared/history/history-mapping';
import { crsFit, type CrsFit } from '../../shared/import/crs-guess';
import type { AreaGeometry } from '../../shared/model/geo';
import {
  plainPoint,
  readHistoryRows,
  type HistoryProblem,
  type HistoryReadResult,
  type HistoryRow,
} from '../../shared/history/read-history';
import type { ReadOutcome } from '../import/import-service';
import { sha256OfBytes } from '../import/digest';

/** The centre a file is checked against. */
export interface HistoryCentre {
  readonly matters: readonly Matter[];
  readonly grids: readonly Grid[];
  readonly patrolAreas: readonly PatrolArea[];
  /** UTC offset of the centre's zone, ms. */
  readonly zoneOffsetMs: number;
  /** 案件编号 already in the centre's history. */
  readonly existingCaseNos: readonly string[];
}

/** What the dialog shows of a check: counts, the problems (the first {@link SHOWN_PROBLEMS}) and the first rows. */
export interface HistoryPreview {
  readonly rows: number;
  readonly accepted: number;
  /** Rows kept out by an error. */
  readonly rejectedRows: number;
  readonly errors: number;
  readonly warnings: number;
  readonly problems: readonly HistoryProblem[];
  readonly first: readonly HistoryRow[];
  readonly byStatus: Readonly<Record<HistoryRow['status'], number>>;
}

export const SHOWN_PROBLEMS = 500;

/** A read file's header (or why it cannot be read), with the SHA-256 of its bytes when read. */
export type HistoryReadOutcome = ReadOutcome & { readonly sha256?: string };
const FIRST_ROWS = 10;

export function createHistoryService() {
  let table: ImportTable | null = null;
  let checked: HistoryReadResult | null = null;
  let locator: { readonly grids: readonly Grid[]; readonly locator: GridLocator } | null = null;
  return {
    /** Reads `file` (named `name` in messages) and its SHA-256; replaces any earlier file. */
    async read(
      file: Blob,
      name: string,
      onProgress?: (progress: ReadProgress) => void,
    ): Promise<HistoryReadOutcome> {
      table = null;
      checked = null;
      const result = await readImportSource(blobSource(file, name), onProgress);
      if (!result.ok) return result;
      table = result.table;
      const sha256 = await sha256OfBytes(new Uint8Array(await file.arrayBuffer()));
      const { rows, ...header } = result.table;
      return {
        ok: true,
        table: { ...header, rowCount: rows.length, sample: rows.slice(0, 5) },
        sha256,
      };
    },

    /**
     * How many of the file's points land inside the township read as each coordinate system (crsFit):
     * what the dialog's coordinate-system choice shows.
     */
    fit(mapping: HistoryMapping, boundary: AreaGeometry | undefined): CrsFit {
      if (table === null) throw new Error('history worker: no file has been read');
      const points = table.rows.flatMap((record) => {
        const p = plainPoint(record.cells, mapping);
        return p === null ? [] : [p];
      });
      return boundary === undefined
        ? { total: 0, inside: { wgs84: 0, gcj02: 0, bd09: 0 } }
        : crsFit(points, boundary);
    },

    /** Checks every row of the file read last; keeps the rows to write here until `rows` is called. */
    check(mapping: HistoryMapping, coordSystem: CoordSystem, centre: HistoryCentre): HistoryPreview {
      if (table === null) throw new Error('history worker: no file has been read');
      if (locator?.grids !== centre.grids || locator === null)
        locator = { grids: centre.grids, locator: createGridLocator(centre.grids) };
      checked = readHistoryRows(table, mapping, {
        coordSystem,
        matters: centre.matters,
        grids: centre.grids,
        patrolAreas: centre.patrolAreas,
        locator: locator.locator,
        zoneOffsetMs: centre.zoneOffsetMs,
        existingCaseNos: new Set(centre.existingCaseNos),
      });
      const errors = checked.problems.filter((p) => p.severity === 'error');
      const byStatus = { closed: 0, voided: 0, open: 0 };
      for (const row of checked.accepted) byStatus[row.status] += 1;
      return {
        rows: table.rows.length,
        accepted: checked.accepted.length,
        rejectedRows: table.rows.length - checked.accepted.length,
        errors: errors.length,
        warnings: checked.problems.length - errors.length,
        problems: checked.problems.slice(0, SHOWN_PROBLEMS),
        first: checked.accepted.slice(0, FIRST_ROWS),
        byStatus,
      };
    },

    /** The rows the last check accepted, to write. */
    rows(): readonly HistoryRow[] {
      if (checked === null) throw new Error('history worker: nothing checked');
      return checked.accepted;
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
