/** Test helpers: local accounts hashed at a low cost, and signing in as one of them for a session token. */
import type { Account } from '../../shared/accounts/account';
import { hashPassword } from '../../shared/accounts/password';
import type { Role } from '../../shared/cases/loop-types';
import type { GridDeskDb } from './database';
import { openSession, type SessionToken } from './sessions';

/** PBKDF2 cost for test accounts: low, and the same for sign-in's decoy and rehash. */
export const FAST = { iterations: 1000 } as const;
export const TEST_PASSWORD = 'Correct-horse-1';

/** Stores an account `id` (also its username) in `role`, with {@link TEST_PASSWORD}. */
export async function addAccount(
  db: GridDeskDb,
  id: string,
  role: Role,
  options: { readonly disabled?: boolean; readonly displayName?: string; readonly createdAt?: number } = {},
): Promise<Account> {
  const account: Account = {
    id,
    username: id,
    displayName: options.displayName ?? `${role} ${id}`,
    role,
    password: await hashPassword(TEST_PASSWORD, FAST),
    disabled: options.disabled ?? false,
    createdAt: options.createdAt ?? 0,
  };
  await db.accounts.add(account);
  return account;
}

/** Signs in as `username` the way the sign-in screen does, and returns the session token. */
export async function signInAs(
  db: GridDeskDb,
  username: string,
  password = TEST_PASSWORD,
): Promise<SessionToken> {
  const result = await openSession(db, username, password, { decoyIterations: FAST.iterations, hash: FAST });
  if (!result.ok) throw new Error(`sign-in as ${username} refused: ${result.reason}`);
  return result.token;
}
