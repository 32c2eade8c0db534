/**
 * 执法事项 sheets (the power list, 权力清单/赋权清单): code, name, domain, legal basis, who holds the power
 * (the township by law, by grant or by delegation, or a county department named in its own column),
 * the four stage limits in working hours, and whether two certified officers are needed.
 */
import type { Matter, MatterAuthority, StageLimits } from '../../model/matter';
import type { Department } from '../../model/organisation';
import type { ImportTable } from '../table-types';
import type { TableProblem, TableRead } from './problems';
import { FirstSeen, prepareTable } from './rows';
import { normaliseWord, parseAuthorityWord, parseDomain, parseYesNo } from './vocabulary';

export interface MatterRow {
  readonly row: number;
  readonly matter: Matter;
}

export interface MatterContext {
  /** The centre's county departments; a matter names its department by name, short name or id. */
  readonly departments: readonly Pick<Department, 'id' | 'name' | 'shortName'>[];
}

const LIMIT_KEYS = ['register', 'dispatch', 'handle', 'verify'] as const;

/**
 * The limits a county department's matter gets when its row gives none (the township only registers,
 * whistles and verifies; the department keeps its own clock): the sample's normal profile, in working
 * hours. The reader says so with a `defaultLimits` warning.
 */
export const DEFAULT_DEPARTMENT_LIMITS: StageLimits = { register: 2, dispatch: 2, handle: 40, verify: 8 };

/** Working hours as a sheet writes them: `8`, `0.5`, `8小时`, `8 h`; null for anything else. */
export function parseHours(text: string): number | null {
  const match = /^(\d+(?:\.\d+)?)\s*(?:个?工作小时|小时|h|hours?)?$/i.exec(text.normalize('NFKC').trim());
  if (match === null) return null;
  const hours = Number(match[1]);
  return Number.isFinite(hours) ? hours : null;
}

/**
 * Reads a matters sheet. A township matter (法定, 赋权, 委托) needs all four limits; a county
 * department's matter names its department and may leave all four limits empty (then
 * {@link DEFAULT_DEPARTMENT_LIMITS}, with a warning) but not only some. The two-certified-officers
 * column, when empty or absent, means yes (a penalty needs two enforcement officers, 行政处罚法 第四十二条).
 * Problems: a missing code, name, domain, legal basis or power; a domain or power the reader does not
 * know (the 说明 sheet lists them); a department matter without its department or naming one not among
 * `ctx.departments`; a missing or unreadable limit; a code already on an earlier row.
 */
export function readMatters(table: ImportTable, ctx: MatterContext): TableRead<MatterRow> {
  const prepared = prepareTable('matters', table);
  const problems: TableProblem[] = [...prepared.problems];
  const departments = new Map<string, string>();
  for (const d of ctx.departments) {
    for (const word of [d.id, d.name, d.shortName])
      if (word !== '') departments.set(normaliseWord(word), d.id);
  }
  const codes = new FirstSeen();
  const rows: MatterRow[] = [];
  for (const cells of prepared.rows) {
    const before = problems.length;
    for (const key of ['code', 'name', 'domain', 'legalBasis', 'authority']) {
      if (cells.text(key) === '') problems.push(cells.error('centreTables.missingValue', key));
    }
    const domainText = cells.text('domain');
    const domain = domainText === '' ? null : parseDomain(domainText);
    if (domainText !== '' && domain === null) problems.push(cells.error('centreTables.badDomain', 'domain'));
    const authorityText = cells.text('authority');
    const power = authorityText === '' ? null : parseAuthorityWord(authorityText);
    if (authorityText !== '' && power === null)
      problems.push(cells.error('centreTables.badAuthority', 'authority'));
    let authority: MatterAuthority | null = null;
    const departmentText = cells.text('department');
    if (power === 'department') {
      const id = departmentText === '' ? null : (departments.get(normaliseWord(departmentText)) ?? null);
      if (departmentText === '') problems.push(cells.error('centreTables.missingValue', 'department'));
      else if (id === null) problems.push(cells.error('centreTables.unknownDepartment', 'department'));
      else authority = { kind: 'department', departmentId: id };
    } else if (power !== null) {
      authority = { kind: 'township', basis: power };
      if (departmentText !== '') problems.push(cells.warning('centreTables.departmentIgnored', 'department'));
    }
    const hours: Partial<Record<(typeof LIMIT_KEYS)[number], number>> = {};
    const empty = LIMIT_KEYS.filter((key) => cells.text(key) === '');
    for (const key of LIMIT_KEYS) {
      if (cells.text(key) === '') continue;
      const value = parseHours(cells.text(key));
      if (value === null) problems.push(cells.error('centreTables.badHours', key));
      else hours[key] = value;
    }
    let limits: StageLimits | null = null;
    if (empty.length === LIMIT_KEYS.length && power === 'department') {
      limits = DEFAULT_DEPARTMENT_LIMITS;
      problems.push(cells.warning('centreTables.defaultLimits', undefined, { ...DEFAULT_DEPARTMENT_LIMITS }));
    } else if (empty.length > 0) {
      // A township matter is timed by the township itself: each limit must be given.
      if (power !== null)
        for (const key of empty) problems.push(cells.error('centreTables.missingLimit', key));
    } else {
      const { register, dispatch, handle, verify } = hours;
      if (register !== undefined && dispatch !== undefined && handle !== undefined && verify !== undefined) {
        limits = { register, dispatch, handle, verify };
      }
    }
    const certifiedText = cells.text('needsCertified');
    const needsCertified = certifiedText === '' ? true : parseYesNo(certifiedText);
    if (needsCertified === null) problems.push(cells.error('centreTables.badYesNo', 'needsCertified'));
    if (problems.some((p, k) => k >= before && p.severity === 'error')) continue;
    if (domain === null || authority === null || limits === null || needsCertified === null) continue;
    const code = cells.text('code').normalize('NFKC');
    const first = codes.check(normaliseWord(code), cells.row);
    if (first !== null) {
      problems.push(cells.error('centreTables.duplicateCode', 'code', { firstRow: first }));
      continue;
    }
    rows.push({
      row: cells.row,
      matter: {
        code,
        name: cells.text('name'),
        domain,
        legalBasis: cells.text('legalBasis'),
        authority,
        limits,
        needsCertified,
      },
    });
  }
  return { rows, problems };
}
