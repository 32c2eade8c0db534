import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { categoryKey } from '../../shared/import/category-match';
import { findSource, sourceKey } from '../../shared/import/import-source';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { loadImportSources, rememberImportSource } from './import-sources-repo';
import type { SessionToken } from './sessions';
import { addAccount, signInAs } from './test-accounts';

let db: GridDeskDb;
const key = sourceKey(['工单编号', '受理时间', '诉求类型', '诉求内容', '经度', '纬度']);
const choices = {
  key,
  label: '11月.csv',
  coordSystem: 'gcj02' as const,
  categories: { 环境脏乱差: 'M-1' },
  at: 1_800_000_000_000,
};

let tokens: Record<'op' | 'lead' | 'wall' | 'gone', SessionToken>;

beforeEach(async () => {
  db = openDb(`import-sources-${Math.random()}`);
  await replaceDataset(db, makeFixtureDataset());
  await addAccount(db, 'op', 'operator');
  await addAccount(db, 'lead', 'leader');
  await addAccount(db, 'wall', 'viewer');
  await addAccount(db, 'gone', 'operator');
  tokens = {
    op: await signInAs(db, 'op'),
    lead: await signInAs(db, 'lead'),
    wall: await signInAs(db, 'wall'),
    gone: await signInAs(db, 'gone'),
  };
  // Disabled after signing in: the session outlives the account's permission, the write must not.
  await db.accounts.update('gone', { disabled: true });
});
afterEach(async () => {
  await db.delete();
});

describe('the import source memory', () => {
  it('starts empty and remembers an operator’s choices for the source, across a reopen', async () => {
    expect((await loadImportSources(db)).sources).toEqual([]);
    expect((await rememberImportSource(db, choices, tokens.op)).ok).toBe(true);
    const name = db.name;
    db.close();
    db = openDb(name);
    const source = findSource(await loadImportSources(db), key);
    expect(source).toMatchObject({
      coordSystem: 'gcj02',
      categories: { [categoryKey('环境脏乱差')]: 'M-1' },
    });
  });

  it('lets a leader write it too', async () => {
    expect((await rememberImportSource(db, choices, tokens.lead)).ok).toBe(true);
  });

  it('refuses the viewer, a disabled account and an account id passed as a session, writing nothing', async () => {
    for (const session of [tokens.wall, tokens.gone, 'op' as unknown as SessionToken]) {
      expect(await rememberImportSource(db, choices, session)).toEqual({
        ok: false,
        key: 'importSources.notAllowed',
      });
    }
    expect(await db.meta.get('importSources')).toBeUndefined();
  });

  it('ignores a stored value that does not validate', async () => {
    await db.meta.put({ key: 'importSources', value: { version: 9 } as never });
    expect((await loadImportSources(db)).sources).toEqual([]);
  });
});
