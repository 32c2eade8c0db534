import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { packBackup } from './archive';
import { BACKUP_FORMAT, BACKUP_VERSION, type BackupFile } from './backup';
import {
  BACKUP_HEAD_MAX_FILE_BYTES,
  headFromBackupPrefix,
  readBackupHead,
  type ReadSlice,
} from './backup-head';
import { appendEventSync, EMPTY_HEAD } from '../cases/record';
import type { StoredCaseEvent } from '../cases/history';
import { makeFixtureDataset } from '../schema/test-fixture';
import { DEFAULT_CENTRE_SETTINGS } from '../settings/centre-settings';

/** A backup with `n` events (of made-up content) and a photo of 200 kB beside it. */
function archive(n: number): { bytes: Uint8Array; backup: BackupFile } {
  let head = EMPTY_HEAD;
  const events: StoredCaseEvent[] = [];
  for (let i = 0; i < n; i += 1) {
    const appended = appendEventSync(head, {
      caseId: `case-${i}`,
      at: 1000 + i,
      from: 'reported',
      to: 'reported',
      actor: { id: 'op', role: 'operator' },
      action: { type: 'report', payload: { source: 'hotline' } },
    } as unknown as Omit<StoredCaseEvent, 'seq' | 'prevHash' | 'hash'>);
    events.push(appended.event as StoredCaseEvent);
    head = appended.head;
  }
  const backup: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    workstationId: 'k3m9q2x7ab',
    createdAt: 1_700_000_000_000,
    createdBy: '带班领导 张伟',
    chainHead: head,
    dataset: makeFixtureDataset(),
    events,
    accounts: [],
    settings: DEFAULT_CENTRE_SETTINGS,
    attachments: [],
  };
  const photo = new Uint8Array(200_000).map((_, i) => (i * 7919) % 251);
  return { bytes: packBackup(backup, new Map([['attachments/a-1/file', photo]])), backup };
}

/** Reads slices of `bytes`, counting how many bytes were read. */
function reader(bytes: Uint8Array): ReadSlice & { bytesRead: number } {
  const read = Object.assign(
    async (offset: number, length: number) => {
      const slice = bytes.slice(offset, offset + length);
      read.bytesRead += slice.length;
      return slice;
    },
    { bytesRead: 0 },
  );
  return read;
}

describe('readBackupHead', () => {
  it('reads the head of a backup archive from its first slice only', async () => {
    const { bytes, backup } = archive(3000);
    expect(bytes.length).toBeGreaterThan(300_000);
    const read = reader(bytes);
    expect(await readBackupHead('griddesk-backup.zip', bytes.length, read)).toEqual({
      ok: true,
      head: backup.chainHead,
    });
    expect(read.bytesRead).toBeLessThanOrEqual(64 * 1024);
  });

  it('refuses a file over the size limit without reading it', async () => {
    const read = reader(new Uint8Array(0));
    expect(await readBackupHead('huge.zip', BACKUP_HEAD_MAX_FILE_BYTES + 1, read)).toEqual({
      ok: false,
      key: 'backupHead.tooLarge',
      params: { file: 'huge.zip', limit: 2048 },
    });
    expect(read.bytesRead).toBe(0);
  });

  it('refuses a file that is not a ZIP, a ZIP without backup.json, and another program’s backup.json', async () => {
    const notZip = strToU8('这不是压缩包');
    expect(await readBackupHead('a.zip', notZip.length, reader(notZip))).toMatchObject({
      ok: false,
      key: 'backupHead.notBackup',
    });
    const other = zipSync({ 'photo.jpg': new Uint8Array([1, 2, 3]) });
    expect(await readBackupHead('b.zip', other.length, reader(other))).toMatchObject({
      key: 'backupHead.notBackup',
    });
    const foreign = zipSync({
      'backup.json': strToU8(
        JSON.stringify({ format: 'other-app', chainHead: { count: 1, lastHash: 'a'.repeat(64) } }),
      ),
    });
    expect(await readBackupHead('c.zip', foreign.length, reader(foreign))).toMatchObject({
      key: 'backupHead.notBackup',
    });
  });

  it('says there is no head when backup.json starts without one', async () => {
    const noHead = zipSync({ 'backup.json': strToU8(JSON.stringify({ format: BACKUP_FORMAT, events: [] })) });
    expect(await readBackupHead('d.zip', noHead.length, reader(noHead))).toEqual({
      ok: false,
      key: 'backupHead.noHead',
      params: { file: 'd.zip' },
    });
  });
});

describe('headFromBackupPrefix', () => {
  it('waits for the whole head, then validates it', () => {
    const hash = 'c'.repeat(64);
    const text = `{"format":"${BACKUP_FORMAT}","version":1,"chainHead":{"lastHash":"${hash}","count":12},"dataset":{`;
    expect(headFromBackupPrefix(text.slice(0, 60))).toBeNull();
    expect(headFromBackupPrefix(text)).toEqual({ count: 12, lastHash: hash });
    expect(headFromBackupPrefix(text.replace('12', '-1'))).toBe('notBackup');
  });
});
