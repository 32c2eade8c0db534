import { describe, expect, it } from 'vitest';
import { accountSchema, normalizeUsername, withoutPassword, type Account } from './account';

const account: Account = {
  id: 'account-zhiban',
  username: 'zhiban',
  displayName: '值班员 王丽',
  role: 'operator',
  password: {
    algorithm: 'PBKDF2-SHA256',
    iterations: 600_000,
    salt: 'AAECAwQFBgcICQoLDA0ODw==',
    hash: '4OQLGxjslpCZYtd5+AFc0PSpJFcxsrESCAA7EiVaN9Q=',
  },
  disabled: false,
  createdAt: 1_790_000_000_000,
};

describe('stored account schema', () => {
  it('accepts a well-formed account', () => {
    expect(accountSchema.safeParse(account).success).toBe(true);
  });

  it('refuses unknown roles, bad usernames, unknown fields and foreign hash algorithms', () => {
    const bad: unknown[] = [
      { ...account, role: 'admin' },
      { ...account, username: 'Zhiban' },
      { ...account, username: 'z' },
      { ...account, username: '值班' },
      { ...account, displayName: '  ' },
      { ...account, isAdmin: true },
      { ...account, password: { ...account.password, algorithm: 'bcrypt' } },
      { ...account, password: 'zhiban2026' },
      { ...account, disabled: 'no' },
    ];
    for (const value of bad)
      expect(accountSchema.safeParse(value).success, JSON.stringify(value)).toBe(false);
  });
});

describe('usernames and signed-in accounts', () => {
  it('folds case, width and surrounding spaces', () => {
    expect(normalizeUsername('  ＺｈｉＢａｎ ')).toBe('zhiban');
  });

  it('hands the app an account without its password hash', () => {
    const signedIn = withoutPassword(account);
    expect(signedIn).not.toHaveProperty('password');
    const { password, ...rest } = account;
    expect(signedIn).toEqual(rest);
    expect(password.hash).not.toBe('');
  });
});
