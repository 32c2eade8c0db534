import { describe, expect, it } from 'vitest';
import { accountSchema, type Account } from './account';
import { hashPassword } from './password';
import { SAMPLE_ACCOUNT_CREDENTIALS, sampleAccounts } from './sample';
import { signIn, type AccountLookup } from './sign-in';

const FAST = 1000;
const fastHash = (password: string) => hashPassword(password, { iterations: FAST });
const options = { decoyIterations: FAST };

async function accounts(): Promise<Account[]> {
  const list = [...(await sampleAccounts(fastHash, 1_790_000_000_000))];
  list.push({
    id: 'account-retired',
    username: 'retired',
    displayName: '已停用 张三',
    role: 'operator',
    password: await fastHash('retired2026'),
    disabled: true,
    createdAt: 1_790_000_000_000,
  });
  return list;
}

function lookupIn(list: readonly Account[]): AccountLookup {
  return (username) => list.find((a) => a.username === username);
}

describe('signIn', () => {
  it('signs in each sample account with its documented password and drops the hash', async () => {
    const lookup = lookupIn(await accounts());
    for (const c of SAMPLE_ACCOUNT_CREDENTIALS) {
      const result = await signIn(lookup, c.username, c.password, options);
      expect(result.ok, c.username).toBe(true);
      if (!result.ok) continue;
      expect(result.account.role).toBe(c.role);
      expect(result.account.displayName).toBe(c.displayName);
      expect('password' in result.account).toBe(false);
    }
  });

  it('matches the username whatever its case, width or surrounding spaces', async () => {
    const lookup = lookupIn(await accounts());
    for (const typed of ['ZhiBan', ' zhiban ', 'ｚｈｉｂａｎ']) {
      expect((await signIn(lookup, typed, 'zhiban2026', options)).ok, typed).toBe(true);
    }
  });

  it('gives an unknown user and a wrong password the same user-facing key', async () => {
    const lookup = lookupIn(await accounts());
    const unknown = await signIn(lookup, 'nobody', 'zhiban2026', options);
    const wrong = await signIn(lookup, 'zhiban', 'daiban2026', options);
    expect(unknown).toEqual({ ok: false, key: 'auth.invalidCredentials', reason: 'auth.unknownUser' });
    expect(wrong).toEqual({ ok: false, key: 'auth.invalidCredentials', reason: 'auth.wrongPassword' });
    const invalidName = await signIn(lookup, '', 'x', options);
    expect(invalidName.ok === false && invalidName.key).toBe('auth.invalidCredentials');
  });

  it('reports a disabled account only to someone who knows its password', async () => {
    const lookup = lookupIn(await accounts());
    expect(await signIn(lookup, 'retired', 'retired2026', options)).toEqual({
      ok: false,
      key: 'auth.disabled',
      reason: 'auth.disabled',
    });
    const guess = await signIn(lookup, 'retired', 'guess12345', options);
    expect(guess.ok === false && guess.key).toBe('auth.invalidCredentials');
  });

  it('refuses an account the lookup returns under another name', async () => {
    const list = await accounts();
    const sloppy: AccountLookup = () => list[0];
    const result = await signIn(sloppy, 'daiban', 'zhiban2026', options);
    expect(result.ok === false && result.reason).toBe('auth.unknownUser');
  });

  it('asks for a rehash when the stored hash has fewer iterations than the default', async () => {
    const result = await signIn(lookupIn(await accounts()), 'wall', 'wall2026', options);
    expect(result.ok && result.rehash).toBe(true);
  });

  it('works with an asynchronous lookup such as a database read', async () => {
    const list = await accounts();
    const lookup: AccountLookup = async (username) => list.find((a) => a.username === username);
    expect((await signIn(lookup, 'daiban', 'daiban2026', options)).ok).toBe(true);
  });

  it('refuses a damaged stored hash as a wrong password instead of throwing', async () => {
    const list = (await accounts()).map((a) =>
      a.username === 'zhiban' ? { ...a, password: { ...a.password, hash: '%%%' } } : a,
    );
    const result = await signIn(lookupIn(list), 'zhiban', 'zhiban2026', options);
    expect(result).toEqual({ ok: false, key: 'auth.invalidCredentials', reason: 'auth.wrongPassword' });
  });
});

describe('sample accounts', () => {
  it('are one operator, one leader and one viewer, valid against the stored schema', async () => {
    const list = await sampleAccounts(fastHash, 1_790_000_000_000);
    expect(list.map((a) => [a.username, a.role])).toEqual([
      ['zhiban', 'operator'],
      ['daiban', 'leader'],
      ['wall', 'viewer'],
    ]);
    for (const account of list) {
      const parsed: Account = accountSchema.parse(account);
      expect(parsed).toEqual(account);
    }
  });

  it('hash with the default 600,000 iterations when seeded with hashPassword as is', async () => {
    const list = await sampleAccounts((p) => hashPassword(p));
    expect(list.map((a) => a.password.iterations)).toEqual([600_000, 600_000, 600_000]);
  });
});
