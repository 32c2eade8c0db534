/** 网格员 sheets: name, phone and, optionally, the codes of the grids the worker answers for. */
import { parseGridCode, type GridCode } from '../../grid/code';
import type { GridWorker } from '../../model/organisation';
import type { ImportTable } from '../table-types';
import { gridWorkerId } from './ids';
import { parsePhone } from './phone';
import type { TableProblem, TableRead } from './problems';
import { FirstSeen, prepareTable } from './rows';
import { normaliseWord } from './vocabulary';

export interface GridWorkerRow {
  readonly row: number;
  readonly gridWorker: GridWorker;
  /**
   * The grids the sheet gives the worker (several separated by 、 , ; or spaces), for the grids
   * import to fill `Grid.gridWorkerId` from; empty when the column is absent or empty.
   */
  readonly gridCodes: readonly GridCode[];
  /** The header the file gives the grids column (the template's when the file has none). */
  readonly gridsColumn: string;
}

/**
 * Reads a grid workers sheet. Problems: a missing name or phone, a bad phone, a grid code that is not
 * a valid 15-digit code (the value names the code), the same name and phone on an earlier row. The id
 * derives from name and phone (ids.ts).
 */
export function readGridWorkers(table: ImportTable): TableRead<GridWorkerRow> {
  const prepared = prepareTable('gridWorkers', table);
  const problems: TableProblem[] = [...prepared.problems];
  const people = new FirstSeen();
  const rows: GridWorkerRow[] = [];
  for (const cells of prepared.rows) {
    const before = problems.length;
    for (const key of ['name', 'phone']) {
      if (cells.text(key) === '') problems.push(cells.error('centreTables.missingValue', key));
    }
    const phone = cells.text('phone') === '' ? null : parsePhone(cells.text('phone'));
    if (cells.text('phone') !== '' && phone === null)
      problems.push(cells.error('centreTables.badPhone', 'phone'));
    const gridCodes: GridCode[] = [];
    for (const code of cells
      .text('grids')
      .split(/[、,，;；\s]+/)
      .filter((c) => c !== '')) {
      const parsed = parseGridCode(code);
      if (parsed.ok) gridCodes.push(parsed.code);
      else problems.push(cells.error('centreTables.badGridCode', 'grids', { value: code }));
    }
    if (problems.length > before || phone === null) continue;
    const name = cells.text('name');
    const first = people.check(`${normaliseWord(name)}|${phone}`, cells.row);
    if (first !== null) {
      problems.push(cells.error('centreTables.duplicatePerson', undefined, { name, phone, firstRow: first }));
      continue;
    }
    rows.push({
      row: cells.row,
      gridWorker: { id: gridWorkerId(name, phone), name, phone },
      gridCodes,
      gridsColumn: cells.header('grids'),
    });
  }
  return { rows, problems };
}
