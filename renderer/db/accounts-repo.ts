import type { Account, PasswordHash } from '../../shared/accounts/account';
import { normalizeUsername, USERNAME_PATTERN } from '../../shared/accounts/account';
import { hashPassword, verifyPassword } from '../../shared/accounts/password';
import { passwordProblems } from '../../shared/accounts/policy';
import type { Role } from '../../shared/cases/loop-types';
import { sampleAccounts } from '../../shared/accounts/sample';
import type { GridDeskDb } from './database';

/** The stored account with this sign-in name (normalised), if any. */
export async function findAccountByUsername(db: GridDeskDb, username: string): Promise<Account | undefined> {
  return db.accounts.where('username').equals(normalizeUsername(username)).first();
}

/**
 * On a PC with no accounts yet, creates the sample township's three accounts (operator, leader,
 * wall), hashing their published sample passwords with `hash`. Returns whether it created them. The
 * hashing runs before the write transaction, which re-checks that the table is still empty.
 */
export async function ensureSampleAccounts(
  db: GridDeskDb,
  hash: (password: string) => Promise<PasswordHash>,
  now: number,
): Promise<boolean> {
  if ((await db.accounts.count()) > 0) return false;
  const accounts = await sampleAccounts(hash, now);
  return db.transaction('rw', db.accounts, async () => {
    if ((await db.accounts.count()) > 0) return false;
    await db.accounts.bulkAdd([...accounts]);
    return true;
  });
}

/** Saves a stronger hash for an account after a successful sign-in with an old one. */
export async function updatePasswordHash(
  db: GridDeskDb,
  accountId: string,
  password: PasswordHash,
): Promise<void> {
  await db.accounts.update(accountId, { password });
}

/** Why an account change was refused; `key` is an i18n key, `field` names the form field. */
export interface AccountIssue {
  readonly field: 'username' | 'displayName' | 'password' | 'currentPassword' | 'account';
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export type AccountChangeResult =
  { readonly ok: true } | { readonly ok: false; readonly issues: readonly AccountIssue[] };

export interface AccountOptions {
  /** PBKDF2 iterations for the new hash; tests lower it, the app uses the default. */
  readonly iterations?: number;
}

const refusedBy = (issue: AccountIssue): AccountChangeResult => ({ ok: false, issues: [issue] });

/** The acting account if it is an enabled shift leader, else a refusal. */
async function leaderOnly(db: GridDeskDb, actingId: string): Promise<AccountChangeResult | null> {
  const acting = await db.accounts.get(actingId);
  return acting !== undefined && !acting.disabled && acting.role === 'leader'
    ? null
    : refusedBy({ field: 'account', key: 'accounts.leaderOnly', params: {} });
}

/**
 * Creates a local account (shift leader only). The sign-in name must be valid and free, the display
 * name given, and the password must pass the policy; each problem names its field.
 */
export async function createAccount(
  db: GridDeskDb,
  actingId: string,
  input: {
    readonly username: string;
    readonly displayName: string;
    readonly role: Role;
    readonly password: string;
  },
  now: number,
  options: AccountOptions = {},
): Promise<AccountChangeResult> {
  const denied = await leaderOnly(db, actingId);
  if (denied) return denied;
  const username = normalizeUsername(input.username);
  const issues: AccountIssue[] = [];
  if (!USERNAME_PATTERN.test(username))
    issues.push({ field: 'username', key: 'accounts.usernameInvalid', params: {} });
  else if ((await findAccountByUsername(db, username)) !== undefined) {
    issues.push({ field: 'username', key: 'accounts.usernameTaken', params: { username } });
  }
  if (input.displayName.trim() === '')
    issues.push({ field: 'displayName', key: 'accounts.nameRequired', params: {} });
  for (const p of passwordProblems(input.password, username)) {
    issues.push({ field: 'password', key: p.key, params: p.params });
  }
  if (issues.length > 0) return { ok: false, issues };
  const account: Account = {
    id: `account-${username}`,
    username,
    displayName: input.displayName.trim(),
    role: input.role,
    password: await hashPassword(input.password, options),
    disabled: false,
    createdAt: now,
  };
  try {
    await db.accounts.add(account);
  } catch {
    return refusedBy({ field: 'username', key: 'accounts.usernameTaken', params: { username } });
  }
  return { ok: true };
}

/**
 * Disables or enables an account (shift leader only). A leader cannot disable their own account, and
 * the last enabled shift leader cannot be disabled. A disabled account's past actions stay in the record.
 */
export async function setAccountDisabled(
  db: GridDeskDb,
  actingId: string,
  targetId: string,
  disabled: boolean,
): Promise<AccountChangeResult> {
  const denied = await leaderOnly(db, actingId);
  if (denied) return denied;
  if (disabled && targetId === actingId)
    return refusedBy({ field: 'account', key: 'accounts.notSelf', params: {} });
  return db.transaction('rw', db.accounts, async () => {
    const target = await db.accounts.get(targetId);
    if (target === undefined)
      return refusedBy({ field: 'account', key: 'accounts.unknown', params: { id: targetId } });
    if (disabled && target.role === 'leader') {
      const leaders = await db.accounts.filter((a) => a.role === 'leader' && !a.disabled).count();
      if (leaders <= 1) return refusedBy({ field: 'account', key: 'accounts.lastLeader', params: {} });
    }
    await db.accounts.update(targetId, { disabled });
    return { ok: true } as const;
  });
}

/**
 * Changes a password: one's own, with the current password, or (shift leader) anyone's reset without
 * it. The new password must pass the policy.
 */
export async function changePassword(
  db: GridDeskDb,
  actingId: string,
  targetId: string,
  currentPassword: string | null,
  newPassword: string,
  options: AccountOptions = {},
): Promise<AccountChangeResult> {
  const target = await db.accounts.get(targetId);
  if (target === undefined)
    return refusedBy({ field: 'account', key: 'accounts.unknown', params: { id: targetId } });
  if (actingId === targetId) {
    if (currentPassword === null || !(await verifyPassword(currentPassword, target.password))) {
      return refusedBy({ field: 'currentPassword', key: 'accounts.wrongPassword', params: {} });
    }
  } else {
    const denied = await leaderOnly(db, actingId);
    if (denied) return denied;
  }
  const problems = passwordProblems(newPassword, target.username);
  if (problems.length > 0) {
    return { ok: false, issues: problems.map((p) => ({ field: 'password', key: p.key, params: p.params })) };
  }
  await db.accounts.update(targetId, { password: await hashPassword(newPassword, options) });
  return { ok: true };
}
