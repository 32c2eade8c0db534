import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { hashPassword } from '../../shared/accounts/password';
import { parseBackup } from '../../shared/backup/backup';
import { packBackup, unpackBackup } from '../../shared/backup/archive';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { createCase } from './case-actions';
import { exportBackup, restoreBackup } from './backup-repo';
import { readChainHead, verifyStoredRecord } from './record-repo';

let db: GridDeskDb;
let other: GridDeskDb;
const dataset = makeFixtureDataset();
const NOW = Date.UTC(2025, 5, 20, 2, 0);

beforeEach(async () => {
  db = openDb(`backup-${Math.random()}`);
  other = openDb(`restore-${Math.random()}`);
  await replaceDataset(db, dataset);
  await db.accounts.add({
    id: 'op',
    username: 'op',
    displayName: '值班员 王丽',
    role: 'operator',
    password: await hashPassword('op-password-1', { iterations: 1000 }),
    disabled: false,
    createdAt: NOW,
  });
  const created = await createCase(
    db,
    {
      source: 'hotline',
      matterCode: dataset.matters[0]!.code,
      urgency: 'normal',
      description: '占道经营',
      address: '新安街道 8 号',
      location: dataset.cases[0]!.location,
      gridCode: dataset.grids[0]!.code,
      teamId: 'team-1',
    },
    [{ type: 'register', payload: {} }],
    'op',
    NOW,
  );
  if (!created.ok) throw new Error('create failed');
  await db.attachments.add({
    id: 'att-1',
    caseId: created.kase.id,
    name: '现场.jpg',
    type: 'image/jpeg',
    size: 4,
    blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }),
    thumbnail: null,
    addedAt: NOW,
    addedBy: 'op',
  });
});
afterEach(async () => {
  await db.delete();
  await other.delete();
});

/** A backup as it travels: packed into a ZIP and unpacked again. */
async function travelled(): Promise<{
  json: Record<string, unknown>;
  files: ReadonlyMap<string, Uint8Array>;
}> {
  const { backup, files } = await exportBackup(db, '值班员 王丽', NOW);
  const unpacked = unpackBackup(packBackup(backup, files))!;
  return { json: unpacked.json as Record<string, unknown>, files: unpacked.files };
}
const sizes = (files: ReadonlyMap<string, Uint8Array>) => new Map([...files].map(([p, b]) => [p, b.length]));
async function backupJson(): Promise<Record<string, unknown>> {
  return (await travelled()).json;
}

describe('backups', () => {
  it('carry the chain head and restore to the same record, loop states rebuilt from it, photos included', async () => {
    const { json, files } = await travelled();
    expect(json.chainHead).toEqual(await readChainHead(db));
    const parsed = await parseBackup(json, 'backup.zip', sizes(files));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    await restoreBackup(other, parsed.backup, files);
    const photo = await other.attachments.get('att-1');
    expect(photo?.name).toBe('现场.jpg');
    expect([...new Uint8Array(await photo!.blob.arrayBuffer())]).toEqual([0xff, 0xd8, 0xff, 0xd9]);
    expect(await readChainHead(other)).toEqual(await readChainHead(db));
    expect((await verifyStoredRecord(other)).result).toEqual({ ok: true });
    expect(await other.caseLoops.toArray()).toEqual(await db.caseLoops.toArray());
    expect(await other.accounts.toArray()).toEqual(await db.accounts.toArray());
  });

  it('refuse a backup whose newest event was cut off, naming the truncation', async () => {
    const json = await backupJson();
    const events = json.events as unknown[];
    const parsed = await parseBackup({ ...json, events: events.slice(0, -1) }, 'backup.json');
    expect(parsed).toMatchObject({
      ok: false,
      problem: { key: 'backup.record', record: { kind: 'truncated', actualCount: events.length - 1 } },
    });
  });

  it('refuse a backup whose case was moved along the loop without an event', async () => {
    const json = await backupJson();
    const data = json.dataset as { cases: { id: string; stage: string }[] };
    const kase = data.cases.find((c) => c.stage === 'registered')!;
    kase.stage = 'dispatched';
    const parsed = await parseBackup(json, 'backup.json');
    expect(parsed).toMatchObject({
      ok: false,
      problem: { key: 'backup.loops', params: { caseId: kase.id } },
    });
  });

  it('refuse a backup whose photo bytes are missing from the archive', async () => {
    const { json } = await travelled();
    expect(await parseBackup(json, 'backup.zip', new Map())).toMatchObject({
      ok: false,
      problem: { key: 'backup.attachment', params: { id: 'att-1' } },
    });
  });

  it('refuse what is not a backup at all', async () => {
    expect(await parseBackup({ hello: 1 }, 'x.json')).toEqual({
      ok: false,
      problem: { key: 'backup.notBackup', params: { file: 'x.json' } },
    });
  });
});
