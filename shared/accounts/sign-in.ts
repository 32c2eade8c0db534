/**
 * Sign-in (登录) as a pure check over an account lookup. The answer never tells a stranger whether a
 * username exists: an unknown name and a wrong password give the same user-facing key,
 * `auth.invalidCredentials`, and take about the same time (an unknown name still runs one PBKDF2 of
 * the same cost). A disabled account is only reported as disabled to someone who knows its password.
 */
import {
  normalizeUsername,
  USERNAME_PATTERN,
  withoutPassword,
  type Account,
  type SignedInAccount,
} from './account';
import { needsRehash, PBKDF2_DEFAULT_ITERATIONS, verifyPassword } from './password';

/** Finds a stored account by normalised username; may read the database. */
export type AccountLookup = (username: string) => Account | undefined | Promise<Account | undefined>;

/** User-facing refusal keys: the only thing the sign-in form may show. */
export type SignInRefusalKey = 'auth.invalidCredentials' | 'auth.disabled';
/** Why, for the local audit log only; never shown on the sign-in form. */
export type SignInRefusalReason = 'auth.unknownUser' | 'auth.wrongPassword' | 'auth.disabled';

export type SignInResult =
  | {
      readonly ok: true;
      readonly account: SignedInAccount;
      /** The stored hash is weaker than today's default: hash the password again and save it. */
      readonly rehash: boolean;
    }
  | { readonly ok: false; readonly key: SignInRefusalKey; readonly reason: SignInRefusalReason };

export interface SignInOptions {
  /**
   * Iterations of the decoy PBKDF2 run for an unknown username, so that it costs as much as a known
   * one; defaults to {@link PBKDF2_DEFAULT_ITERATIONS}. Tests that hash with few iterations pass the same.
   */
  readonly decoyIterations?: number;
}

/** A fixed, well-formed hash that no password is expected to match; only its cost matters. */
function decoyHash(iterations: number): Account['password'] {
  return {
    algorithm: 'PBKDF2-SHA256',
    iterations,
    salt: 'R3JpZERlc2sgZGVjb3kgc2E=',
    hash: 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=',
  };
}

/**
 * Checks a username and password against the stored accounts. Username matching is
 * case-insensitive and ignores full-width/half-width differences (see {@link normalizeUsername}).
 * On success returns the account without its password hash, plus whether the hash should be
 * recomputed with today's iteration count.
 */
export async function signIn(
  lookup: AccountLookup,
  username: string,
  password: string,
  options: SignInOptions = {},
): Promise<SignInResult> {
  const name = normalizeUsername(username);
  const account = USERNAME_PATTERN.test(name) ? await lookup(name) : undefined;
  if (account === undefined || account.username !== name) {
    await verifyPassword(password, decoyHash(options.decoyIterations ?? PBKDF2_DEFAULT_ITERATIONS));
    return { ok: false, key: 'auth.invalidCredentials', reason: 'auth.unknownUser' };
  }
  if (!(await verifyPassword(password, account.password))) {
    return { ok: false, key: 'auth.invalidCredentials', reason: 'auth.wrongPassword' };
  }
  if (account.disabled) return { ok: false, key: 'auth.disabled', reason: 'auth.disabled' };
  return { ok: true, account: withoutPassword(account), rehash: needsRehash(account.password) };
}
