/**
 * Local accounts (本机账号) of a workstation: who may sign in and in which role. Passwords are never
 * stored, only a PBKDF2-SHA256 hash with its own salt and iteration count (see password.ts).
 */
import { z } from 'zod';
import { ROLES, type Role } from '../cases/loop-types';

/** The only key-derivation algorithm GridDesk writes and reads. */
export const PASSWORD_ALGORITHM = 'PBKDF2-SHA256';

/** A stored password hash: enough to check a password again, never to recover it. */
export interface PasswordHash {
  readonly algorithm: typeof PASSWORD_ALGORITHM;
  /** PBKDF2 iteration count. */
  readonly iterations: number;
  /** Random salt, standard base64 (16 bytes when written by {@link hashPassword}). */
  readonly salt: string;
  /** Derived key, standard base64 (32 bytes). */
  readonly hash: string;
}

/** 本机账号: 值班员 operator, 带班领导 leader or 只读 viewer (the display wall). */
export interface Account {
  readonly id: string;
  /** Sign-in name: lower-case ASCII letters, digits, `.`, `_`, `-`; 2–32 characters. */
  readonly username: string;
  /** Name shown in the top bar and written into the case record, e.g. "值班员 王丽". */
  readonly displayName: string;
  readonly role: Role;
  readonly password: PasswordHash;
  /** A disabled account cannot sign in; its past actions stay in the record. */
  readonly disabled: boolean;
  /** Epoch milliseconds. */
  readonly createdAt: number;
}

/** An account as the app holds it once signed in: everything but the password hash. */
export type SignedInAccount = Omit<Account, 'password'>;

/** Sign-in names: what {@link normalizeUsername} produces for a valid name. */
export const USERNAME_PATTERN = /^[a-z0-9._-]{2,32}$/;

/**
 * Folds what a user types into the stored form of a username: Unicode NFKC (full-width letters
 * become ASCII), trimmed, lower case. The result may still be invalid; check it with
 * {@link USERNAME_PATTERN}.
 */
export function normalizeUsername(typed: string): string {
  return typed.normalize('NFKC').trim().toLowerCase();
}

const base64 = z.string().regex(/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/, 'base64');

/**
 * Most iterations a stored hash may ask for: about ten seconds of PBKDF2 on an office PC. A tampered
 * row asking for more is refused rather than left to freeze sign-in.
 */
export const MAX_PASSWORD_ITERATIONS = 10_000_000;

export const passwordHashSchema = z.strictObject({
  algorithm: z.literal(PASSWORD_ALGORITHM),
  iterations: z.number().int().min(1).max(MAX_PASSWORD_ITERATIONS),
  salt: base64.min(4),
  hash: base64.min(4),
});

/** Schema of an account as stored (Dexie table, backup); strict, so unknown fields are reported. */
export const accountSchema = z.strictObject({
  id: z.string().min(1),
  username: z.string().regex(USERNAME_PATTERN),
  displayName: z.string().trim().min(1).max(64),
  role: z.enum(ROLES),
  password: passwordHashSchema,
  disabled: z.boolean(),
  createdAt: z.number().int().nonnegative(),
});

/** Schema version of the stored account layout; bump it and add a migration when the layout changes. */
export const ACCOUNT_SCHEMA_VERSION = 1;

/** Drops the password hash: what the rest of the app may see of a signed-in account. */
export function withoutPassword(account: Account): SignedInAccount {
  const { password, ...rest } = account;
  return rest;
}
