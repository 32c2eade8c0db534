/**
 * What the history worker does, as plain functions (no DOM, no worker globals): read an old system's
 * case export (CSV or XLSX, size-checked before it is read, streaming) into a table that stays here,
 * check every row with the mapping and the centre's grids, matters and zone (readHistoryRows), and
 * write the accepted rows into the centre's database from here (importCaseHistory, as the leader the
 * UI thread granted: the account is read again in the write's transaction). Only the header, the
 * report and the counts cross to the UI thread: 200,000 rows in one message would block it for
 * seconds, and so would their write.
 */
import type { CoordSystem } from '../../shared/geo/coord-systems';
import type { Matter } from '../../shared/model/matter';
import type { Grid, PatrolArea } from '../../shared/model/organisation';
import { createGridLocator, type GridLocator } from '../../shared/spatial/grid-locator';
import { blobSource, readImportSource, type ReadProgress } from '../../shared/import/stream-read';
import type { ImportTable } from '../../shared/import/table-types';
import { checkHistoryMapping, type HistoryMapping } from '../../shared/history/history-mapping';
import type { ImportedFile } from '../../shared/cases/data-events';
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
import { openDb } from '../db/database';
import { importCaseHistory, listHistoryCaseNos } from '../db/history-repo';
import type { ImportRefusal } from '../db/imports-repo';
import type { SessionGrant } from '../db/sessions';

/** The centre a file is checked against. */
export interface HistoryCentre {
  readonly matters: readonly Matter[];
  readonly grids: readonly Grid[];
  readonly patrolAreas: readonly PatrolArea[];
  /** UTC offset of the centre's zone, ms. */
  readonly zoneOffsetMs: number;
  /** The centre's database: the 案件编号 already in its history are read from it here. */
  readonly dbName: string;
}

/** How far the write has got: rows written of all. */
export interface HistoryWriteProgress {
  readonly done: number;
  readonly total: number;
}

/** What the write answers: how many rows were written and the event's seq, or why nothing was. */
export type HistoryWrite =
  | { readonly ok: true; readonly written: number; readonly eventSeq: number }
  | { readonly ok: false; readonly refusal: ImportRefusal };

/** Least time between two write progress reports (the first and the last always go), milliseconds. */
export const WRITE_PROGRESS_MS = 100;

/** `onProgress` at most every {@link WRITE_PROGRESS_MS}, and at the start and the end. */
function throttled(
  onProgress: (progress: HistoryWriteProgress) => void,
): (done: number, total: number) => void {
  let last = -Infinity;
  return (done, total) => {
    const t = performance.now();
    if (done !== 0 && done < total && t - last < WRITE_PROGRESS_MS) return;
    last = t;
    onProgress({ done, total });
  };
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
  /** Checks started: a check that a later one overtook while it read the database gives up. */
  let checks = 0;
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

    /**
     * Checks every row of the file read last against the centre (its stored 案件编号 read from its
     * database); keeps the accepted rows here for {@link write}. A mapping checkHistoryMapping refuses
     * is a caller's mistake (the dialog checks before it asks) and throws, and so does a check that a
     * later one overtook.
     */
    async check(
      mapping: HistoryMapping,
      coordSystem: CoordSystem,
      centre: HistoryCentre,
    ): Promise<HistoryPreview> {
      if (table === null) throw new Error('history worker: no file has been read');
      checked = null;
      const run = ++checks;
      const wrong = checkHistoryMapping(mapping, table.headers, table.fileName);
      if (wrong.length > 0) throw new Error(`history worker: the mapping is not usable (${wrong[0]?.key})`);
      const db = openDb(centre.dbName);
      let existing: Set<string>;
      try {
        existing = await listHistoryCaseNos(db);
      } finally {
        db.close();
      }
      // Only the last check's rows may be written.
      if (run !== checks) throw new Error('history worker: a later check replaced this one');
      if (locator?.grids !== centre.grids || locator === null)
        locator = { grids: centre.grids, locator: createGridLocator(centre.grids) };
      checked = readHistoryRows(table, mapping, {
        coordSystem,
        matters: centre.matters,
        grids: centre.grids,
        patrolAreas: centre.patrolAreas,
        locator: locator.locator,
        zoneOffsetMs: centre.zoneOffsetMs,
        existingCaseNos: existing,
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

    /**
     * Writes the rows the last check accepted into the centre's database `dbName`, opened here, as the
     * leader `grant` stands for, with the 导入 event naming `file` (importCaseHistory: one transaction,
     * the role checked in it). `onProgress` is told the rows written. Written, the file and its rows
     * are dropped here; refused, they are kept for another try.
     */
    async write(
      dbName: string,
      grant: SessionGrant,
      file: ImportedFile,
      now: number,
      onProgress?: (progress: HistoryWriteProgress) => void,
    ): Promise<HistoryWrite> {
      if (checked === null) throw new Error('history worker: nothing checked to write');
      const db = openDb(dbName);
      try {
        const rows = checked.accepted;
        const written = await importCaseHistory(
          db,
          grant,
          rows,
          file,
          now,
          onProgress && throttled(onProgress),
        );
        if (!written.ok) return written;
        table = null;
        checked = null;
        return { ok: true, written: rows.length, eventSeq: written.event.seq };
      } finally {
        db.close();
      }
    },
  };
}

export type HistoryService = ReturnType<typeof createHistoryService>;
