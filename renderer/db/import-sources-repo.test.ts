import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { hashPassword } from '../../shared/accounts/password';
import { categoryKey } from '../../shared/import/category-match';
import { findSource, sourceKey } from '../../shared/import/import-source';
import type { Role } from '../../shared/cases/loop-types';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { loadImportSources, rememberImportSource } from './import-sources-repo';

let db: GridDeskDb;
const key = sourceKey(['工单编号', '受理时间', '诉求类型', '诉求内容', '经度', '纬度']);
const choices = {
  key,
  label: '11月.csv',
  coordSystem: 'gcj02' as const,
  categories: { 环境脏乱差: 'M-1' },
  at: 1_800_000_000_000,
};

beforeEach(async () => {
  db = openDb(`import-sources-${Math.random()}`);
  await replaceDataset(db, makeFixtureDataset());
  const password = await hashPassword('a-password-1', { iterations: 1000 });
  const account = (id: string, role: Role, disabled = false) => ({
    id,
    username: id,
    displayName: id,
    role,
    password,
    disabled,
    createdAt: 0,
  });
  await db.accounts.bulkAdd([
    account('op', 'operator'),
    account('lead', 'leader'),
    account('wall', 'viewer'),
    account('gone', 'operator', true),
  ]);
});
afterEach(async () => {
  await db.delete();
});

describe('the import source memory', () => {
  it('starts empty and remembers an operator’s choices for the source, across a reopen', async () => {
    expect((await loadImportSources(db)).sources).toEqual([]);
    expect((await rememberImportSource(db, choices, 'op')).ok).toBe(true);
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
    expect((await rememberImportSource(db, choices, 'lead')).ok).toBe(true);
  });

  it('refuses the viewer, a disabled account and an unknown id, writing nothing', async () => {
    for (const id of ['wall', 'gone', 'nobody']) {
      expect(await rememberImportSource(db, choices, id)).toEqual({
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
