import { USERNAME_PATTERN, normalizeUsername, type Account } from '../../shared/accounts/account';
import { hashPassword } from '../../shared/accounts/password';
import { passwordProblems } from '../../shared/accounts/policy';
import { parseDivisionCode } from '../../shared/grid/code';
import type { WorkstationInfo } from '../../shared/model/ids';
import { newCentreDbName, type CentreRow, type CentresDb } from './centres';
import { openDb } from './database';

/** What 新建中心 asks for: the centre, its township, and its first shift leader's account. */
export interface NewCentreInput {
  readonly name: string;
  readonly townshipName: string;
  /** 6-digit county-level + 3-digit township code (the first 9 digits of its grid codes). */
  readonly divisionCode: string;
  readonly leader: {
    readonly username: string;
    readonly displayName: string;
    readonly password: string;
  };
}

export type NewCentreField =
  'name' | 'townshipName' | 'divisionCode' | 'username' | 'displayName' | 'password';

/** A problem with one field of the form: `key` is an i18n key, `params` what its text shows. */
export interface NewCentreIssue {
  readonly field: NewCentreField;
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export type NewCentreResult =
  | { readonly ok: true; readonly centre: CentreRow }
  | { readonly ok: false; readonly issues: readonly NewCentreIssue[] };

/** Longest centre or township name taken (the top bar and the wall show it). */
export const CENTRE_NAME_MAX = 40;

/** Every problem of the form, each naming its field; empty when it may be created. */
export function newCentreIssues(input: NewCentreInput, taken: readonly CentreRow[]): NewCentreIssue[] {
  const issues: NewCentreIssue[] = [];
  const name = input.name.trim();
  if (name === '') issues.push({ field: 'name', key: 'centres.nameRequired', params: {} });
  else if ([...name].length > CENTRE_NAME_MAX)
    issues.push({ field: 'name', key: 'centres.nameTooLong', params: { max: CENTRE_NAME_MAX } });
  else if (taken.some((c) => c.name === name))
    issues.push({ field: 'name', key: 'centres.nameTaken', params: { name } });
  const township = input.townshipName.trim();
  if (township === '') issues.push({ field: 'townshipName', key: 'centres.townshipRequired', params: {} });
  else if ([...township].length > CENTRE_NAME_MAX)
    issues.push({ field: 'townshipName', key: 'centres.nameTooLong', params: { max: CENTRE_NAME_MAX } });
  const code = parseDivisionCode(input.divisionCode.trim());
  if (!code.ok) {
    const { key, ...params } = code.error;
    issues.push({ field: 'divisionCode', key: key.replace('gridCode.', 'centres.code.'), params });
  }
  const username = normalizeUsername(input.leader.username);
  if (!USERNAME_PATTERN.test(username))
    issues.push({ field: 'username', key: 'accounts.usernameInvalid', params: {} });
  if (input.leader.displayName.trim() === '')
    issues.push({ field: 'displayName', key: 'accounts.nameRequired', params: {} });
  for (const p of passwordProblems(input.leader.password, username))
    issues.push({ field: 'password', key: p.key, params: p.params });
  return issues;
}

/**
 * Sets up a new, empty centre on this PC: a database of its own holding this installation's
 * workstation id and the centre's first shift leader (who signs in to bring in its data), registered
 * and made the open centre. Nothing of any other centre is read or changed, so no sign-in is needed:
 * a PC's first real centre is set up from the start screen. The form's problems come back by field
 * and nothing is created.
 */
export async function createCentre(
  registry: CentresDb,
  workstation: WorkstationInfo,
  input: NewCentreInput,
  now: number,
  options: { readonly iterations?: number } = {},
): Promise<NewCentreResult> {
  const issues = newCentreIssues(input, await registry.centres.toArray());
  if (issues.length > 0) return { ok: false, issues };
  const username = normalizeUsername(input.leader.username);
  const leader: Account = {
    id: `account-${username}`,
    username,
    displayName: input.leader.displayName.trim(),
    role: 'leader',
    password: await hashPassword(input.leader.password, options),
    disabled: false,
    createdAt: now,
  };
  const random = crypto.getRandomValues(new Uint32Array(2));
  const centre: CentreRow = {
    id: `c-${now.toString(36)}-${Array.from(random, (n) => n.toString(36)).join('')}`,
    kind: 'own',
    dbName: newCentreDbName('centre', now),
    name: input.name.trim(),
    townshipName: input.townshipName.trim(),
    divisionCode: input.divisionCode.trim(),
    createdAt: now,
  };
  const db = openDb(centre.dbName);
  try {
    await db.transaction('rw', db.meta, db.accounts, async () => {
      await db.meta.put({ key: 'workstation', value: workstation });
      await db.accounts.add(leader);
    });
  } finally {
    db.close();
  }
  await registry.transaction('rw', registry.centres, registry.state, async () => {
    await registry.centres.add(centre);
    await registry.state.put({ key: 'current', value: centre.id });
  });
  return { ok: true, centre };
}
