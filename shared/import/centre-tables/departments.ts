/** 县级部门 sheets: name, short name and phone of the county departments a matter may name. */
import type { Department } from '../../model/organisation';
import type { ImportTable } from '../table-types';
import { departmentId } from './ids';
import { parsePhone } from './phone';
import type { TableProblem, TableRead } from './problems';
import { FirstSeen, prepareTable } from './rows';
import { normaliseWord } from './vocabulary';

export interface DepartmentRow {
  readonly row: number;
  readonly department: Department;
}

/**
 * Reads a departments sheet. The short name, when empty, is the name; the phone may be empty. Problems:
 * a missing name, a bad phone, a name or short name already on an earlier row (a matter names its
 * department by either, so both must be unique). The id derives from the name (ids.ts).
 */
export function readDepartments(table: ImportTable): TableRead<DepartmentRow> {
  const prepared = prepareTable('departments', table);
  const problems: TableProblem[] = [...prepared.problems];
  const names = new FirstSeen();
  const rows: DepartmentRow[] = [];
  for (const cells of prepared.rows) {
    const name = cells.text('name');
    if (name === '') {
      problems.push(cells.error('centreTables.missingValue', 'name'));
      continue;
    }
    const phoneText = cells.text('phone');
    const phone = phoneText === '' ? '' : parsePhone(phoneText);
    if (phone === null) {
      problems.push(cells.error('centreTables.badPhone', 'phone'));
      continue;
    }
    const shortName = cells.text('shortName') === '' ? name : cells.text('shortName');
    const firstName = names.check(normaliseWord(name), cells.row);
    if (firstName !== null) {
      problems.push(cells.error('centreTables.duplicateName', 'name', { firstRow: firstName }));
      continue;
    }
    if (shortName !== name) {
      const firstShort = names.check(normaliseWord(shortName), cells.row);
      if (firstShort !== null) {
        problems.push(cells.error('centreTables.duplicateName', 'shortName', { firstRow: firstShort }));
        continue;
      }
    }
    rows.push({ row: cells.row, department: { id: departmentId(name), name, shortName, phone } });
  }
  return { rows, problems };
}
