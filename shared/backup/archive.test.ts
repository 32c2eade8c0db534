import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { deflatedEntry, deflatedZeros, writeForgedZip } from '../zip/test-zip';
import { BACKUP_LIMITS, packBackup, unpackBackup, unpackBackupChecked } from './archive';
import { attachmentPath, type BackupFile } from './backup';

const GiB = 2 ** 30;
const json = strToU8(JSON.stringify({ format: 'griddesk-backup', version: 1 }));
const photo = new Uint8Array([0xff, 0xd8, 0xff, 0xd9]);

describe('unpackBackupChecked', () => {
  it('unpacks what packBackup writes: backup.json and the attachments by their paths', () => {
    const backup = { format: 'griddesk-backup', version: 1 } as unknown as BackupFile;
    const files = new Map([
      [attachmentPath('att-1f2e', 'file'), photo],
      [attachmentPath('att-1f2e', 'thumbnail'), photo],
    ]);
    const progress: number[] = [];
    const result = unpackBackupChecked(packBackup(backup, files), 'b.zip', (done) => progress.push(done));
    expect(result).toEqual({ ok: true, json: backup, files });
    expect(progress.at(-1)).toBe(json.length + 8);
  });

  it('refuses a 7 MB archive whose backup.json declares 1 GiB, naming the file and entry', () => {
    const bomb = writeForgedZip([
      { name: 'backup.json', data: deflatedZeros(GiB), method: 8, declaredSize: GiB },
    ]);
    expect(bomb.length).toBeLessThan(8 * 2 ** 20);
    expect(unpackBackupChecked(bomb, 'griddesk-backup.zip')).toEqual({
      ok: false,
      problem: {
        key: 'zip.entryTooBig',
        params: { file: 'griddesk-backup.zip', entry: 'backup.json', size: 1024, limit: 256 },
      },
    });
    expect(unpackBackup(bomb)).toBeNull();
  });

  it('stops inflating an attachment whose header says 4 bytes but which holds 1 GiB', () => {
    const liar = writeForgedZip([
      deflatedEntry('backup.json', json),
      { name: 'attachments/att-1/file', data: deflatedZeros(GiB), method: 8, declaredSize: 4 },
    ]);
    expect(unpackBackupChecked(liar, 'b.zip')).toEqual({
      ok: false,
      problem: {
        key: 'zip.sizeMismatch',
        params: { file: 'b.zip', entry: 'attachments/att-1/file', declared: 4 },
      },
    });
  });

  it('refuses an entry the backup writer never writes, naming it', () => {
    for (const stray of ['notes.txt', 'attachments/att-1/file.exe', 'attachments/../file', '/backup.json']) {
      const bytes = zipSync({ 'backup.json': json, [stray]: photo });
      expect(unpackBackupChecked(bytes, 'b.zip'), stray).toEqual({
        ok: false,
        problem: { key: 'zip.entryNotAllowed', params: { file: 'b.zip', entry: stray } },
      });
    }
  });

  it('refuses an attachment over its cap and an archive without backup.json', () => {
    const big = BACKUP_LIMITS.maxAttachmentBytes + 1;
    const bytes = writeForgedZip([
      deflatedEntry('backup.json', json),
      { name: 'attachments/att-2/file', data: deflatedZeros(big), method: 8, declaredSize: big },
    ]);
    expect(unpackBackupChecked(bytes, 'b.zip')).toMatchObject({
      ok: false,
      problem: { key: 'zip.entryTooBig', params: { entry: 'attachments/att-2/file', limit: 64 } },
    });
    expect(unpackBackupChecked(zipSync({ [attachmentPath('a', 'file')]: photo }), 'b.zip')).toEqual({
      ok: false,
      problem: { key: 'backup.notBackup', params: { file: 'b.zip' } },
    });
  });
});
