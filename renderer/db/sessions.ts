/**
 * Signed-in sessions of this window (会话). Sign-in checks the password and hands out a random 128-bit
 * token; every repository write takes that token, not an account id, resolves it here to the account
 * behind it and reads that account again from the database (disabled or gone: refused), so its
 * stored role decides. Tokens live only in this module's memory: a reload or sign-out ends them, and
 * an account id that some script passes in is not a token.
 */
import type { Account, PasswordHash, SignedInAccount } from '../../shared/accounts/account';
import { normalizeUsername, withoutPassword } from '../../shared/accounts/account';
import { hashPassword, needsRehash, type HashOptions } from '../../shared/accounts/password';
import { signIn, type SignInRefusalKey, type SignInRefusalReason } from '../../shared/accounts/sign-in';
import type { GridDeskDb } from './database';

declare const sessionBrand: unique symbol;
/** What sign-in hands out: 32 hex digits, meaningful only to this module while the session lasts. */
export type SessionToken = string & { readonly [sessionBrand]: true };

interface Session {
  readonly accountId: string;
  /** The database the account was signed in to: a token is no key to another one. */
  readonly dbName: string;
}

declare const grantBrand: unique symbol;
/**
 * A session handed to a worker this window started (会话委托): the account and database its token
 * stood for when {@link grantSession} resolved it. Tokens live in this module's memory on the UI
 * thread, which a worker does not share; a dedicated worker receives messages only from the window
 * that started it, so the window resolves the token and the worker's write reads the account again
 * inside its own transaction ({@link sessionAccount} takes a grant too): disabled, gone or of another
 * role there, it is refused as a token would be. A plain object, so it can be posted to the worker.
 */
export type SessionGrant = Session & { readonly [grantBrand]: true };

const sessions = new Map<string, Session>();

function newToken(): SessionToken {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('') as SessionToken;
}

export type OpenSessionResult =
  | { readonly ok: true; readonly token: SessionToken; readonly account: SignedInAccount }
  | { readonly ok: false; readonly key: SignInRefusalKey; readonly reason: SignInRefusalReason };

export interface OpenSessionOptions {
  /** Cost of the decoy hash for unknown names (see shared/accounts/sign-in); tests lower it. */
  readonly decoyIterations?: number;
  /** How a weaker stored hash is replaced after a good password; tests lower the iterations. */
  readonly hash?: HashOptions;
}

/**
 * Signs in (登录) with a username and password against the stored accounts (see shared/accounts
 * signIn: an unknown name and a wrong password get the same answer) and, on success, opens a session:
 * the token to pass to every write. A stored hash weaker than today's is replaced on the way, which
 * is a write only a correct password can cause.
 */
export async function openSession(
  db: GridDeskDb,
  username: string,
  password: string,
  options: OpenSessionOptions = {},
): Promise<OpenSessionResult> {
  let stored: Account | undefined;
  const lookup = async (name: string): Promise<Account | undefined> => {
    stored = await db.accounts.where('username').equals(normalizeUsername(name)).first();
    return stored;
  };
  const signInOptions =
    options.decoyIterations === undefined ? {} : { decoyIterations: options.decoyIterations };
  const result = await signIn(lookup, username, password, signInOptions);
  if (!result.ok) return result;
  const account = stored;
  if (account === undefined) return { ok: false, key: 'auth.invalidCredentials', reason: 'auth.unknownUser' };
  if (needsRehash(account.password, options.hash?.iterations)) {
    const next: PasswordHash = await hashPassword(password, options.hash);
    await db.accounts.update(account.id, { password: next });
  }
  const token = newToken();
  sessions.set(token, { accountId: account.id, dbName: db.name });
  return { ok: true, token, account: withoutPassword(account) };
}

/** Signs out: the token is refused from now on. Unknown tokens are ignored. */
export function closeSession(token: SessionToken | null): void {
  if (token !== null) sessions.delete(token);
}

/** Ends every session on `db` (after a restore replaced its accounts). */
export function closeSessionsOn(db: GridDeskDb): void {
  for (const [token, session] of sessions) if (session.dbName === db.name) sessions.delete(token);
}

/**
 * Moves every session on the database named `from` to the one named `to`: a reset to the sample
 * copied the accounts into a new database and switched the centre to it, so whoever was signed in
 * stays signed in there (and no longer on the old one).
 */
export function moveSessions(from: string, to: string): void {
  for (const [token, session] of sessions)
    if (session.dbName === from) sessions.set(token, { ...session, dbName: to });
}

/** Why a session may not act: not (or no longer) signed in, or its account is disabled. */
export interface SessionRefusal {
  readonly key: 'auth.notSignedIn' | 'auth.disabled';
  readonly params: Readonly<Record<string, string>>;
}

export type SessionAccountResult =
  { readonly ok: true; readonly account: Account } | { readonly ok: false; readonly refusal: SessionRefusal };

/**
 * The grant of a signed-in session for a worker to write with (see {@link SessionGrant}), or the
 * refusal when the token is not (or no longer) one of `db`'s sessions or its account is gone or
 * disabled now. The worker's transaction checks the account again.
 */
export async function grantSession(
  db: GridDeskDb,
  token: SessionToken | null | undefined,
): Promise<
  | { readonly ok: true; readonly grant: SessionGrant }
  | { readonly ok: false; readonly refusal: SessionRefusal }
> {
  const found = await sessionAccount(db, token);
  if (!found.ok) return found;
  const grant = { accountId: found.account.id, dbName: db.name } as SessionGrant;
  return { ok: true, grant };
}

/**
 * The stored account behind a session (its token, or a worker's grant), read from `db` now: refused
 * when the token was never handed out, was closed, belongs to another database, or its account is
 * gone or disabled. Reads only `db.accounts`, so it runs inside any transaction that includes that
 * table (check where you write).
 */
export async function sessionAccount(
  db: GridDeskDb,
  token: SessionToken | SessionGrant | null | undefined,
): Promise<SessionAccountResult> {
  const session =
    typeof token === 'string'
      ? sessions.get(token)
      : token === null || token === undefined
        ? undefined
        : token;
  if (session === undefined || session.dbName !== db.name) {
    return { ok: false, refusal: { key: 'auth.notSignedIn', params: {} } };
  }
  const account = await db.accounts.get(session.accountId);
  if (account === undefined) return { ok: false, refusal: { key: 'auth.notSignedIn', params: {} } };
  if (account.disabled) {
    return { ok: false, refusal: { key: 'auth.disabled', params: { username: account.username } } };
  }
  return { ok: true, account };
}

/**
 * The stored account behind a session when it is an enabled shift leader (带班领导), else the refusal:
 * the session's own, or `{ key: leaderOnly }` for another role. Reads only `db.accounts`, so every
 * leader-only write calls it inside its own transaction.
 */
export async function sessionLeader<K extends string>(
  db: GridDeskDb,
  token: SessionToken | SessionGrant | null | undefined,
  leaderOnly: K,
): Promise<
  | { readonly ok: true; readonly account: Account }
  | {
      readonly ok: false;
      readonly refusal: SessionRefusal | { readonly key: K; readonly params: Record<string, never> };
    }
> {
  const found = await sessionAccount(db, token);
  if (!found.ok || found.account.role === 'leader') return found;
  return { ok: false, refusal: { key: leaderOnly, params: {} } };
}
