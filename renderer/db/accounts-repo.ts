import type { Account, PasswordHash } from '../../shared/accounts/account';
import { normalizeUsername, USERNAME_PATTERN } from '../../shared/accounts/account';
import { hashPassword, verifyPassword } from '../../shared/accounts/password';
import { passwordProblems } from '../../shared/accounts/policy';
import type { Role } from '../../shared/cases/loop-types';
import { sampleAccounts } from '../../shared/accounts/sample';
import type { GridDeskDb } from './database';
import { sessionAccount, type SessionToken } from './sessions';

/** The stored account with this sign-in name (normalised), if any. */
export async function findAccountByUsername(db: GridDeskDb, username: string): Promise<Account | undefined> {
  return db.accounts.where('username').equals(normalizeUsername(username)).first();
}

/** Whether the stored dataset is the synthetic sample township (its meta says `synthetic: true`). */
async function isSampleCentre(db: GridDeskDb): Promise<boolean> {
  const row = await db.meta.get('dataset');
  return row?.key === 'dataset' && row.value.synthetic === true;
}

/** Every local account, by username (the accounts dialog lists them). */
export async function listAccounts(db: GridDeskDb): Promise<Account[]> {
  return db.accounts.orderBy('username').toArray();
}

/**
 * On the sample township with no accounts yet, creates its three sample accounts (operator, leader,
 * wall), hashing their published sample passwords with `hash`. Returns whether it created them. A
 * real centre (a dataset that is not synthetic) never gets them, even with an empty accounts table:
 * published passwords would open it to anyone. The hashing runs before the write transaction, which
 * re-checks both conditions; `hashed`: the sample accounts hashed already (started while the sample
 * was being seeded, so the first start does not wait for them after the write).
 */
export async function ensureSampleAccounts(
  db: GridDeskDb,
  hash: (password: string) => Promise<PasswordHash>,
  now: number,
  hashed?: Promise<readonly Account[]>,
): Promise<boolean> {
  const wanted = async (): Promise<boolean> =>
    (await db.accounts.count()) === 0 && (await isSampleCentre(db));
  if (!(await db.transaction('r', db.accounts, db.meta, wanted))) return false;
  const accounts = await (hashed ?? sampleAccounts(hash, now));
  return db.transaction('rw', db.accounts, db.meta, async () => {
    if (!(await wanted())) return false;
    await db.accounts.bulkAdd([...accounts]);
    return true;
  });
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

type Refused = Extract<AccountChangeResult, { readonly ok: false }>;
type Acting = { readonly ok: true; readonly account: Account } | Refused;

/**
 * The stored account behind the session, if it may act: any enabled account when `leader` is false,
 * else only an enabled shift leader. Reads `db.accounts` only, so it runs inside a write transaction.
 */
async function acting(db: GridDeskDb, session: SessionToken, leader: boolean): Promise<Acting> {
  const found = await sessionAccount(db, session);
  if (!found.ok) return { ok: false, issues: [{ field: 'account', ...found.refusal }] };
  if (leader && found.account.role !== 'leader')
    return { ok: false, issues: [{ field: 'account', key: 'accounts.leaderOnly', params: {} }] };
  return found;
}

/** Null if the session's stored account is an enabled shift leader, else the refusal. */
async function leaderOnly(db: GridDeskDb, session: SessionToken): Promise<Refused | null> {
  const found = await acting(db, session, true);
  return found.ok ? null : found;
}

/**
 * Creates a local account (shift leader only, checked again in the write transaction). The sign-in
 * name must be valid and free, the display name given, and the password must pass the policy; each
 * problem names its field.
 */
export async function createAccount(
  db: GridDeskDb,
  session: SessionToken,
  input: {
    readonly username: string;
    readonly displayName: string;
    readonly role: Role;
    readonly password: string;
  },
  now: number,
  options: AccountOptions = {},
): Promise<AccountChangeResult> {
  const denied = await leaderOnly(db, session);
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
    return await db.transaction('rw', db.accounts, async () => {
      const stillLeader = await leaderOnly(db, session);
      if (stillLeader) return stillLeader;
      await db.accounts.add(account);
      return { ok: true } as const;
    });
  } catch {
    return refusedBy({ field: 'username', key: 'accounts.usernameTaken', params: { username } });
  }
}

/**
 * Disables or enables an account (shift leader only, checked in the write transaction). A leader
 * cannot disable their own account, and the last enabled shift leader cannot be disabled. A disabled
 * account's past actions stay in the record, and its open sessions are refused from then on.
 */
export async function setAccountDisabled(
  db: GridDeskDb,
  session: SessionToken,
  targetId: string,
  disabled: boolean,
): Promise<AccountChangeResult> {
  return db.transaction('rw', db.accounts, async () => {
    const leader = await acting(db, session, true);
    if (!leader.ok) return leader;
    if (disabled && targetId === leader.account.id)
      return refusedBy({ field: 'account', key: 'accounts.notSelf', params: {} });
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
 * Changes a password: one's own (any role), with the current password, or (shift leader) anyone's
 * reset without it. The new password must pass the policy. Hashing is slow WebCrypto and runs outside
 * the write transaction, which checks again that the session may still do it and that the target's
 * hash is still the one checked (no other change came in between).
 */
export async function changePassword(
  db: GridDeskDb,
  session: SessionToken,
  targetId: string,
  currentPassword: string | null,
  newPassword: string,
  options: AccountOptions = {},
): Promise<AccountChangeResult> {
  /** Anyone may change their own password; only a leader someone else's. */
  const allowed = async (): Promise<Acting> => {
    const me = await acting(db, session, false);
    return me.ok && me.account.id !== targetId ? acting(db, session, true) : me;
  };
  const before = await allowed();
  if (!before.ok) return before;
  const target = await db.accounts.get(targetId);
  if (target === undefined)
    return refusedBy({ field: 'account', key: 'accounts.unknown', params: { id: targetId } });
  if (before.account.id === targetId) {
    if (currentPassword === null || !(await verifyPassword(currentPassword, target.password))) {
      return refusedBy({ field: 'currentPassword', key: 'accounts.wrongPassword', params: {} });
    }
  }
  const problems = passwordProblems(newPassword, target.username);
  if (problems.length > 0) {
    return { ok: false, issues: problems.map((p) => ({ field: 'password', key: p.key, params: p.params })) };
  }
  const password = await hashPassword(newPassword, options);
  return db.transaction('rw', db.accounts, async () => {
    const still = await allowed();
    if (!still.ok) return still;
    const current = await db.accounts.get(targetId);
    if (current?.password.hash !== target.password.hash)
      return refusedBy({ field: 'account', key: 'accounts.changedMeanwhile', params: {} });
    await db.accounts.update(targetId, { password });
    return { ok: true } as const;
  });
}
