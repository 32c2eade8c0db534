import type { Account, PasswordHash } from '../../shared/accounts/account';
import { normalizeUsername } from '../../shared/accounts/account';
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
