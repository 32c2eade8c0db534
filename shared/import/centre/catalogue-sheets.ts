/**
 * A centre's matters and county departments from the built-in catalogue, its own sheets, or both: the
 * sheets complete and correct the catalogue rather than sit beside it.
 */
import type { Matter } from '../../model/matter';
import type { Department } from '../../model/organisation';
import type { DepartmentRow, MatterRow } from '../centre-tables';
import { normaliseWord } from '../centre-tables/vocabulary';
import type { CentreIssue } from './report';

/** How many replaced codes a warning names (the count says how many there are in all). */
const CODES_NAMED = 10;

/**
 * The departments: the catalogue's (their phones empty, as the catalogue knows none) with each one
 * the sheet names by its name or short name taken from the sheet (name, short name, phone) under the
 * catalogue's id, so the catalogue's matters keep naming it; then the sheet's other departments.
 */
export function mergeDepartments(
  catalogue: readonly Pick<Department, 'id' | 'name' | 'shortName'>[],
  sheet: readonly DepartmentRow[],
): Department[] {
  const byWord = new Map<string, DepartmentRow>();
  for (const row of sheet)
    for (const word of [row.department.name, row.department.shortName]) {
      const key = normaliseWord(word);
      if (!byWord.has(key)) byWord.set(key, row);
    }
  const used = new Set<DepartmentRow>();
  const merged = catalogue.map((d): Department => {
    const row = byWord.get(normaliseWord(d.name)) ?? byWord.get(normaliseWord(d.shortName));
    if (row === undefined || used.has(row)) return { ...d, phone: '' };
    used.add(row);
    return { ...row.department, id: d.id };
  });
  return [...merged, ...sheet.filter((r) => !used.has(r)).map((r) => r.department)];
}

export interface MergedMatters {
  readonly matters: readonly Matter[];
  readonly issues: readonly CentreIssue[];
}

/**
 * The matters: the catalogue's in its order, a code the sheet also has replaced by the sheet's row
 * (the township's own power list wins: its limits, its legal basis), then the sheet's other matters.
 * One warning names the sheet, how many catalogue matters it replaced and the first codes.
 */
export function mergeMatters(
  file: string,
  catalogue: readonly Matter[],
  sheet: readonly MatterRow[],
): MergedMatters {
  const byCode = new Map(sheet.map((r) => [normaliseWord(r.matter.code), r]));
  const replaced: string[] = [];
  const used = new Set<MatterRow>();
  const matters = catalogue.map((m) => {
    const row = byCode.get(normaliseWord(m.code));
    if (row === undefined) return m;
    used.add(row);
    replaced.push(row.matter.code);
    return row.matter;
  });
  const issues: CentreIssue[] =
    replaced.length === 0
      ? []
      : [
          {
            severity: 'warning',
            key: 'centreImport.matter.replacesCatalogue',
            params: {
              file,
              count: replaced.length,
              codes: replaced.slice(0, CODES_NAMED).join('、') + (replaced.length > CODES_NAMED ? '…' : ''),
            },
            features: [],
          },
        ];
  return { matters: [...matters, ...sheet.filter((r) => !used.has(r)).map((r) => r.matter)], issues };
}
