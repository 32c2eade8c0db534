import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashPassword } from '../../shared/accounts/password';
import { signIn } from '../../shared/accounts/sign-in';
import { openDb, type GridDeskDb } from './database';
import {
  changePassword,
  createAccount,
  ensureSampleAccounts,
  findAccountByUsername,
  setAccountDisabled,
} from './accounts-repo';
import { replaceDataset } from './dataset-repo';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { SAMPLE_ACCOUNT_CREDENTIALS } from '../../shared/accounts/sample';
import type { SessionToken } from './sessions';
import { signInAs } from './test-accounts';

let db: GridDeskDb;
const FAST = { iterations: 1000 };
const NOW = Date.UTC(2026, 10, 23, 2, 0);
let lead: SessionToken;
let op: SessionToken;

beforeEach(async () => {
  db = openDb(`accounts-${Math.random()}`);
  const password = await hashPassword('Leader-2026', FAST);
  await db.accounts.bulkAdd([
    {
      id: 'lead',
      username: 'lead',
      displayName: '带班领导',
      role: 'leader',
      password,
      disabled: false,
      createdAt: NOW,
    },
    {
      id: 'op',
      username: 'op',
      displayName: '值班员',
      role: 'operator',
      password,
      disabled: false,
      createdAt: NOW,
    },
  ]);
  lead = await signInAs(db, 'lead', 'Leader-2026');
  op = await signInAs(db, 'op', 'Leader-2026');
});
afterEach(async () => {
  await db.delete();
});

const login = (username: string, password: string) =>
  signIn((name) => findAccountByUsername(db, name), username, password, { decoyIterations: 1000 });

describe('account management', () => {
  it('lets a shift leader add an operator who can then sign in', async () => {
    const input = {
      username: 'ZhangWei',
      displayName: '值班员 张伟',
      role: 'operator' as const,
      password: 'Zhang-2026',
    };
    expect(await createAccount(db, lead, input, NOW, FAST)).toEqual({ ok: true });
    expect(await login('zhangwei', 'Zhang-2026')).toMatchObject({
      ok: true,
      account: { displayName: '值班员 张伟' },
    });
  });

  it('names each problem of a new account, and refuses operators', async () => {
    const bad = { username: 'op', displayName: ' ', role: 'operator' as const, password: 'short' };
    const result = await createAccount(db, lead, bad, NOW, FAST);
    expect(result.ok ? [] : result.issues.map((i) => [i.field, i.key])).toEqual([
      ['username', 'accounts.usernameTaken'],
      ['displayName', 'accounts.nameRequired'],
      ['password', 'password.tooShort'],
      ['password', 'password.tooFewClasses'],
    ]);
    const byOperator = await createAccount(db, op, { ...bad, username: 'new' }, NOW, FAST);
    expect(byOperator).toEqual({
      ok: false,
      issues: [{ field: 'account', key: 'accounts.leaderOnly', params: {} }],
    });
  });

  it('disables an account so it can no longer sign in; a leader cannot disable their own account', async () => {
    expect(await setAccountDisabled(db, lead, 'op', true)).toEqual({ ok: true });
    expect(await login('op', 'Leader-2026')).toMatchObject({ ok: false, key: 'auth.disabled' });
    expect(await setAccountDisabled(db, lead, 'lead', true)).toMatchObject({
      issues: [{ key: 'accounts.notSelf' }],
    });
  });

  it('changes one’s own password only with the current one; a leader may reset another’s', async () => {
    expect(await changePassword(db, op, 'op', 'wrong', 'Better-2027', FAST)).toMatchObject({
      issues: [{ field: 'currentPassword', key: 'accounts.wrongPassword' }],
    });
    expect(await changePassword(db, op, 'op', 'Leader-2026', 'Better-2027', FAST)).toEqual({ ok: true });
    expect(await login('op', 'Better-2027')).toMatchObject({ ok: true });
    expect(await changePassword(db, op, 'lead', null, 'Hijack-2027', FAST)).toMatchObject({
      issues: [{ key: 'accounts.leaderOnly' }],
    });
    expect(await changePassword(db, lead, 'op', null, 'Reset-2027', FAST)).toEqual({ ok: true });
    expect(await login('op', 'Reset-2027')).toMatchObject({ ok: true });
  });

  it('takes the session, not an account id: an id, or the session of a disabled leader, changes nothing', async () => {
    const input = {
      username: 'intruder',
      displayName: '某人',
      role: 'leader' as const,
      password: 'Intrude-2026',
    };
    expect(await createAccount(db, 'lead' as SessionToken, input, NOW, FAST)).toMatchObject({
      ok: false,
      issues: [{ key: 'auth.notSignedIn' }],
    });
    expect(await changePassword(db, 'lead' as SessionToken, 'op', null, 'Hijack-2027', FAST)).toMatchObject({
      issues: [{ key: 'auth.notSignedIn' }],
    });
    await db.accounts.update('lead', { disabled: true });
    expect(await setAccountDisabled(db, lead, 'op', true)).toMatchObject({
      issues: [{ key: 'auth.disabled' }],
    });
    expect(await findAccountByUsername(db, 'intruder')).toBeUndefined();
    expect((await db.accounts.get('op'))?.disabled).toBe(false);
  });
});

describe('sample accounts', () => {
  const fastHash = (password: string) => hashPassword(password, FAST);

  it('are created for the sample township when it has no accounts yet, once', async () => {
    await db.accounts.clear();
    await replaceDataset(db, makeFixtureDataset());
    expect(await ensureSampleAccounts(db, fastHash, NOW)).toBe(true);
    expect((await db.accounts.toArray()).map((a) => a.username).sort()).toEqual(
      SAMPLE_ACCOUNT_CREDENTIALS.map((c) => c.username).sort(),
    );
    expect(await ensureSampleAccounts(db, fastHash, NOW)).toBe(false);
  });

  it('are never created for a real centre, even when its accounts table is empty', async () => {
    await db.accounts.clear();
    const real = makeFixtureDataset();
    await replaceDataset(db, { ...real, meta: { ...real.meta, label: '新安街道', synthetic: false } });
    expect(await ensureSampleAccounts(db, fastHash, NOW)).toBe(false);
    expect(await db.accounts.count()).toBe(0);
  });
});
