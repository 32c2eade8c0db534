import { describe, expect, it } from 'vitest';
import { bytesToBase64, base64ToBytes } from './base64';
import { hashPassword, needsRehash, PBKDF2_DEFAULT_ITERATIONS, verifyPassword } from './password';
import type { PasswordHash } from './account';

/** Few iterations keep the tests fast; the algorithm is the same. */
const FAST = { iterations: 1000 };

/** Flips one bit of a base64 value, keeping it valid base64 of the same length. */
function flipBit(value: string): string {
  const bytes = base64ToBytes(value)!;
  bytes[0] = bytes[0]! ^ 1;
  return bytesToBase64(bytes);
}

describe('hashPassword and verifyPassword', () => {
  it('accepts the right password and refuses a wrong one', async () => {
    const stored = await hashPassword('zhiban2026', FAST);
    expect(await verifyPassword('zhiban2026', stored)).toBe(true);
    expect(await verifyPassword('zhiban2027', stored)).toBe(false);
    expect(await verifyPassword('Zhiban2026', stored)).toBe(false);
    expect(await verifyPassword('', stored)).toBe(false);
  });

  it('writes PBKDF2-SHA256 with a 16-byte salt, a 32-byte key and 600,000 iterations by default', async () => {
    expect(PBKDF2_DEFAULT_ITERATIONS).toBe(600_000);
    const stored = await hashPassword('daiban2026');
    expect(stored.algorithm).toBe('PBKDF2-SHA256');
    expect(stored.iterations).toBe(600_000);
    expect(base64ToBytes(stored.salt)).toHaveLength(16);
    expect(base64ToBytes(stored.hash)).toHaveLength(32);
    expect(await verifyPassword('daiban2026', stored)).toBe(true);
  });

  it('salts every hash afresh, so one password hashes differently twice', async () => {
    const a = await hashPassword('wall2026', FAST);
    const b = await hashPassword('wall2026', FAST);
    expect(a.salt).not.toBe(b.salt);
    expect(a.hash).not.toBe(b.hash);
  });

  it('agrees with an independent PBKDF2 implementation (Python hashlib.pbkdf2_hmac)', async () => {
    // python3: base64(hashlib.pbkdf2_hmac('sha256', pw.encode(), bytes(range(16)), iterations, 32))
    const salt = 'AAECAwQFBgcICQoLDA0ODw==';
    const known: [string, number, string][] = [
      ['zhiban2026', 1000, '4OQLGxjslpCZYtd5+AFc0PSpJFcxsrESCAA7EiVaN9Q='],
      ['口令Pass1', 1, 'cjfJVR9/n+jq5R+XImbourMK5x2l0m2qryut0nXwnP8='],
    ];
    for (const [password, iterations, hash] of known) {
      const stored: PasswordHash = { algorithm: 'PBKDF2-SHA256', iterations, salt, hash };
      expect(await verifyPassword(password, stored), password).toBe(true);
    }
  });

  it('matches a password typed in another Unicode normalisation form', async () => {
    const stored = await hashPassword('Café-2026', FAST);
    expect(await verifyPassword('Cafe\u0301-2026', stored)).toBe(true);
  });

  it('refuses the right password once the salt, the hash or the iteration count is tampered with', async () => {
    const stored = await hashPassword('zhiban2026', FAST);
    expect(await verifyPassword('zhiban2026', { ...stored, salt: flipBit(stored.salt) })).toBe(false);
    expect(await verifyPassword('zhiban2026', { ...stored, hash: flipBit(stored.hash) })).toBe(false);
    expect(await verifyPassword('zhiban2026', { ...stored, iterations: 999 })).toBe(false);
    expect(await verifyPassword('zhiban2026', { ...stored, iterations: 1001 })).toBe(false);
  });

  it('refuses malformed stored data without throwing', async () => {
    const stored = await hashPassword('zhiban2026', FAST);
    const malformed: unknown[] = [
      undefined,
      null,
      'zhiban2026',
      {},
      { ...stored, algorithm: 'SHA-256' },
      { ...stored, algorithm: undefined },
      { ...stored, iterations: 0 },
      { ...stored, iterations: -5 },
      { ...stored, iterations: 1.5 },
      { ...stored, iterations: '1000' },
      { ...stored, iterations: Number.NaN },
      { ...stored, iterations: 1_000_000_000 },
      { ...stored, salt: 'not base64!' },
      { ...stored, salt: '' },
      { ...stored, salt: bytesToBase64(new Uint8Array(8)) },
      { ...stored, hash: stored.hash.slice(0, -4) },
      { ...stored, hash: bytesToBase64(new Uint8Array(64)) },
      { ...stored, hash: 42 },
      { ...stored, extra: true },
    ];
    for (const value of malformed) {
      await expect(verifyPassword('zhiban2026', value), JSON.stringify(value)).resolves.toBe(false);
    }
  });

  it('refuses to hash with an iteration count that is not a positive whole number', async () => {
    await expect(hashPassword('x', { iterations: 0 })).rejects.toThrow(RangeError);
    await expect(hashPassword('x', { iterations: 2.5 })).rejects.toThrow(RangeError);
  });
});

describe('needsRehash', () => {
  it('asks for a new hash when the iterations are below the current default or the hash is unreadable', async () => {
    const weak = await hashPassword('zhiban2026', FAST);
    expect(needsRehash(weak)).toBe(true);
    expect(needsRehash({ ...weak, iterations: PBKDF2_DEFAULT_ITERATIONS })).toBe(false);
    expect(needsRehash({ ...weak, iterations: PBKDF2_DEFAULT_ITERATIONS + 1 })).toBe(false);
    expect(needsRehash(weak, 1000)).toBe(false);
    expect(needsRehash({ nonsense: true })).toBe(true);
  });
});
