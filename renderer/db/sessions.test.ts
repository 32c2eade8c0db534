import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openDb, type GridDeskDb } from './database';
import { closeSession, openSession, sessionAccount, type SessionToken } from './sessions';
import { FAST, TEST_PASSWORD, addAccount, signInAs } from './test-accounts';

let db: GridDeskDb;

beforeEach(async () => {
  db = openDb(`sessions-${Math.random()}`);
  await addAccount(db, 'lead', 'leader');
  await addAccount(db, 'op', 'operator');
});
afterEach(async () => {
  await db.delete();
});

describe('sessions', () => {
  it('hand out a fresh random 128-bit token at each sign-in, resolving to the stored account', async () => {
    const a = await signInAs(db, 'lead');
    const b = await signInAs(db, 'lead');
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(b).not.toBe(a);
    expect(await sessionAccount(db, a)).toMatchObject({ ok: true, account: { id: 'lead', role: 'leader' } });
  });

  it('give no token for a wrong password', async () => {
    const result = await openSession(db, 'lead', 'wrong-password', {
      decoyIterations: FAST.iterations,
      hash: FAST,
    });
    expect(result).toMatchObject({ ok: false, key: 'auth.invalidCredentials' });
    expect(result).not.toHaveProperty('token');
  });

  it('do not take an account id for a token', async () => {
    await signInAs(db, 'lead');
    expect(await sessionAccount(db, 'lead' as SessionToken)).toEqual({
      ok: false,
      refusal: { key: 'auth.notSignedIn', params: {} },
    });
    expect(await sessionAccount(db, null)).toMatchObject({ ok: false, refusal: { key: 'auth.notSignedIn' } });
  });

  it('refuse a token after sign-out', async () => {
    const token = await signInAs(db, 'op');
    closeSession(token);
    expect(await sessionAccount(db, token)).toMatchObject({
      ok: false,
      refusal: { key: 'auth.notSignedIn' },
    });
  });

  it('refuse the token of an account disabled after it signed in, and follow its stored role', async () => {
    const token = await signInAs(db, 'op');
    await db.accounts.update('op', { role: 'leader' });
    expect(await sessionAccount(db, token)).toMatchObject({ ok: true, account: { role: 'leader' } });
    await db.accounts.update('op', { disabled: true });
    expect(await sessionAccount(db, token)).toEqual({
      ok: false,
      refusal: { key: 'auth.disabled', params: { username: 'op' } },
    });
  });

  it('do not open another database', async () => {
    const token = await signInAs(db, 'lead');
    const other = openDb(`sessions-other-${Math.random()}`);
    await addAccount(other, 'lead', 'leader');
    expect(await sessionAccount(other, token)).toMatchObject({
      ok: false,
      refusal: { key: 'auth.notSignedIn' },
    });
    await other.delete();
  });

  it('replace a weaker stored hash after a correct password, and only then', async () => {
    await openSession(db, 'op', 'not-it', { decoyIterations: FAST.iterations });
    expect((await db.accounts.get('op'))?.password.iterations).toBe(FAST.iterations);
    const stronger = { iterations: 2000 };
    const result = await openSession(db, 'op', TEST_PASSWORD, {
      decoyIterations: FAST.iterations,
      hash: stronger,
    });
    expect(result.ok).toBe(true);
    expect((await db.accounts.get('op'))?.password.iterations).toBe(2000);
  });
});
