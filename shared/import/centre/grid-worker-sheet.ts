/**
 * A grid workers sheet (网格员表) laid over the grids: each worker the sheet gives grid codes answers
 * for those grids, in place of the worker the grids file names (or the placeholder of a grid whose
 * file names none).
 */
import type { Grid, GridWorker } from '../../model/organisation';
import type { GridWorkerRow } from '../centre-tables';
import type { CentreIssue } from './report';
import { vacantGridWorkerId } from './build-grids';

export interface GridWorkerSheetResult {
  readonly grids: readonly Grid[];
  /** The sheet's workers, then the grids file's workers some grid still names. */
  readonly gridWorkers: readonly GridWorker[];
  /** Grids still with a placeholder worker. */
  readonly vacant: number;
  readonly issues: readonly CentreIssue[];
}

/**
 * Gives each grid the worker the sheet names for it. Errors (each naming the sheet, row and column):
 * a grid code that is not among the grids, a grid given to two workers (the row, the code and the
 * first row). Warnings: a worker the sheet gives no grid (kept: the centre may assign one later), a
 * grid whose file named another worker (the sheet wins). Workers of the grids file no grid names any
 * more are dropped.
 */
export function applyGridWorkerSheet(
  file: string,
  grids: readonly Grid[],
  fileWorkers: readonly GridWorker[],
  rows: readonly GridWorkerRow[],
): GridWorkerSheetResult {
  const issues: CentreIssue[] = [];
  const issue = (severity: CentreIssue['severity'], key: CentreIssue['key'], params: CentreIssue['params']) =>
    issues.push({ severity, key, params: { file, ...params }, features: [] });
  const gridIndex = new Map(grids.map((g, k) => [g.code as string, k]));
  const workerOf = new Map<number, { readonly row: GridWorkerRow }>();
  const fileWorker = new Map(fileWorkers.map((w) => [w.id, w]));
  for (const row of rows) {
    if (row.gridCodes.length === 0)
      issue('warning', 'centreImport.gridWorker.noGrid', { row: row.row, name: row.gridWorker.name });
    for (const code of row.gridCodes) {
      const k = gridIndex.get(code);
      const params = { row: row.row, field: row.gridsColumn, code };
      if (k === undefined) {
        issue('error', 'centreImport.gridWorker.unknownGrid', params);
        continue;
      }
      const first = workerOf.get(k);
      if (first !== undefined) {
        issue('error', 'centreImport.gridWorker.gridTwice', { ...params, firstRow: first.row.row });
        continue;
      }
      workerOf.set(k, { row });
      const grid = grids[k] as Grid;
      const before = fileWorker.get(grid.gridWorkerId);
      if (
        before !== undefined &&
        grid.gridWorkerId !== vacantGridWorkerId(grid.code) &&
        before.name !== row.gridWorker.name
      )
        issue('warning', 'centreImport.gridWorker.replacesFile', {
          ...params,
          name: row.gridWorker.name,
          fileName: before.name,
        });
    }
  }
  const out = grids.map((g, k) => {
    const given = workerOf.get(k);
    return given === undefined ? g : { ...g, gridWorkerId: given.row.gridWorker.id };
  });
  const named = new Set(out.map((g) => g.gridWorkerId));
  const sheetIds = new Set(rows.map((r) => r.gridWorker.id));
  const gridWorkers = [
    ...rows.map((r) => r.gridWorker),
    ...fileWorkers.filter((w) => named.has(w.id) && !sheetIds.has(w.id)),
  ];
  const vacant = out.filter((g) => g.gridWorkerId === vacantGridWorkerId(g.code)).length;
  return { grids: out, gridWorkers, vacant, issues };
}
