/**
 * Password hashing with PBKDF2-HMAC-SHA256 through WebCrypto (`globalThis.crypto.subtle`, present in
 * Node 20, browsers and web workers), so the same code runs in tests, the renderer and the main
 * process. WebCrypto has no memory-hard KDF (scrypt, Argon2), so PBKDF2 it is; OWASP's Password
 * Storage Cheat Sheet (2023) asks for 600,000 iterations of PBKDF2-HMAC-SHA256.
 */
import { PASSWORD_ALGORITHM, passwordHashSchema, type PasswordHash } from './account';
import { base64ToBytes, bytesToBase64 } from './base64';

/** Iterations written by {@link hashPassword} by default (OWASP 2023 for PBKDF2-HMAC-SHA256). */
export const PBKDF2_DEFAULT_ITERATIONS = 600_000;
/** Salt length in bytes. */
export const SALT_BYTES = 16;
/** Derived key length in bytes (the SHA-256 output size). */
export const KEY_BYTES = 32;

export interface HashOptions {
  /** PBKDF2 iterations; defaults to {@link PBKDF2_DEFAULT_ITERATIONS}. Tests pass a low count. */
  readonly iterations?: number;
}

async function derive(
  password: string,
  salt: Uint8Array<ArrayBuffer>,
  iterations: number,
  bytes: number,
): Promise<Uint8Array<ArrayBuffer>> {
  const subtle = globalThis.crypto.subtle;
  const key = await subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, key, bytes * 8);
  return new Uint8Array(bits);
}

/**
 * Hashes a password with a fresh 16-byte random salt. The password is used as typed after Unicode
 * NFC normalisation, so the same Chinese or accented text typed with another input method matches.
 * Throws a RangeError for an iteration count that is not a positive whole number.
 */
export async function hashPassword(password: string, options: HashOptions = {}): Promise<PasswordHash> {
  const iterations = options.iterations ?? PBKDF2_DEFAULT_ITERATIONS;
  if (!Number.isSafeInteger(iterations) || iterations < 1) {
    throw new RangeError(`PBKDF2 iterations ${iterations} is not a positive whole number`);
  }
  const salt = globalThis.crypto.getRandomValues(new Uint8Array(new ArrayBuffer(SALT_BYTES)));
  const hash = await derive(password.normalize('NFC'), salt, iterations, KEY_BYTES);
  return {
    algorithm: PASSWORD_ALGORITHM,
    iterations,
    salt: bytesToBase64(salt),
    hash: bytesToBase64(hash),
  };
}

/** Compares two byte arrays in time that depends only on their lengths, not on where they differ. */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  let diff = a.length ^ b.length;
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) diff |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return diff === 0;
}

/**
 * Whether `password` matches a stored hash. A stored value that is malformed (wrong algorithm, bad
 * base64, a salt or key of the wrong length, a non-integer or absurd iteration count) never matches:
 * the function returns false instead of throwing, so a damaged account row cannot crash sign-in
 * nor be bypassed.
 */
export async function verifyPassword(password: string, stored: unknown): Promise<boolean> {
  const parsed = passwordHashSchema.safeParse(stored);
  if (!parsed.success) return false;
  const salt = base64ToBytes(parsed.data.salt);
  const expected = base64ToBytes(parsed.data.hash);
  if (salt === null || expected === null) return false;
  if (salt.length < SALT_BYTES || expected.length !== KEY_BYTES) return false;
  let actual: Uint8Array;
  try {
    actual = await derive(password.normalize('NFC'), salt, parsed.data.iterations, expected.length);
  } catch {
    // WebCrypto refused the parameters (e.g. an iteration count the platform will not run): no match.
    return false;
  }
  return constantTimeEqual(actual, expected);
}

/**
 * Whether a stored hash should be recomputed at the next successful sign-in: it was made with fewer
 * iterations than `current` (the default today), or is not a hash this version can read.
 */
export function needsRehash(stored: unknown, current: number = PBKDF2_DEFAULT_ITERATIONS): boolean {
  const parsed = passwordHashSchema.safeParse(stored);
  return !parsed.success || parsed.data.iterations < current;
}
