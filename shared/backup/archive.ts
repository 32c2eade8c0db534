/**
 * The backup archive: one ZIP with `backup.json` (see backup.ts) and the attachments' bytes beside it,
 * named `attachments/<id>/file` and `attachments/<id>/thumbnail` (see attachmentPath). Pure: bytes in,
 * bytes out (fflate). Unpacking goes through the ZIP guard: the archive's size, then its directory
 * (only those names, each within its cap, all within the total), then the real output while inflating.
 */
import { strToU8, zipSync } from 'fflate';
import { openGuardedZip, type ZipEntryRule, type ZipPolicy, type ZipRefusal } from '../zip/guard';
import type { BackupFile } from './backup';

export const BACKUP_JSON = 'backup.json';

const MiB = 1024 * 1024;

/**
 * What a backup may be: an archive of at most 1 GB, backup.json of at most 256 MB, each attachment
 * (or thumbnail) at most 64 MB (attachments are taken at 20 MB), 1.5 GB unpacked in all, 100,000 entries.
 */
export const BACKUP_LIMITS = {
  maxArchiveBytes: 1024 * MiB,
  maxJsonBytes: 256 * MiB,
  maxAttachmentBytes: 64 * MiB,
  maxTotalBytes: 1536 * MiB,
  maxEntries: 100_000,
} as const;

const ATTACHMENT_ENTRY = /^attachments\/[A-Za-z0-9_-][A-Za-z0-9._-]{0,127}\/(file|thumbnail)$/;

/** backup.json and attachment entries as the backup writer names them; nothing else. */
export function backupEntryRule(name: string): ZipEntryRule {
  if (name === BACKUP_JSON) return { kind: 'read', maxBytes: BACKUP_LIMITS.maxJsonBytes };
  if (ATTACHMENT_ENTRY.test(name)) return { kind: 'read', maxBytes: BACKUP_LIMITS.maxAttachmentBytes };
  return { kind: 'refuse' };
}

export const BACKUP_POLICY: ZipPolicy = {
  maxArchiveBytes: BACKUP_LIMITS.maxArchiveBytes,
  maxEntries: BACKUP_LIMITS.maxEntries,
  maxTotalBytes: BACKUP_LIMITS.maxTotalBytes,
  rule: backupEntryRule,
};

/** Packs the backup and its attachment bytes (path → bytes). Already-compressed photos are stored as is. */
export function packBackup(backup: BackupFile, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    [BACKUP_JSON]: strToU8(JSON.stringify(backup)),
  };
  for (const [path, bytes] of files) entries[path] = [bytes, { level: 0 }];
  return zipSync(entries, { level: 6 });
}

/** Why an archive cannot be unpacked: the guard's refusal, or no (readable) backup.json in it. */
export type UnpackProblem =
  ZipRefusal | { readonly key: 'backup.notBackup'; readonly params: { readonly file: string } };

export type UnpackResult =
  | { readonly ok: true; readonly json: unknown; readonly files: ReadonlyMap<string, Uint8Array> }
  | { readonly ok: false; readonly problem: UnpackProblem };

/**
 * Unpacks a backup archive named `file` through the ZIP guard: the parsed backup.json and every
 * attachment entry, or the problem naming the file and the entry. `onProgress` gets bytes inflated so
 * far of the declared total.
 */
export function unpackBackupChecked(
  bytes: Uint8Array,
  file: string,
  onProgress?: (done: number, total: number) => void,
): UnpackResult {
  const opened = openGuardedZip(bytes, file, BACKUP_POLICY);
  if (!opened.ok) return { ok: false, problem: opened.refusal };
  const { zip } = opened;
  const notBackup = { ok: false, problem: { key: 'backup.notBackup', params: { file } } } as const;
  if (!zip.has(BACKUP_JSON)) return notBackup;
  let done = 0;
  const read = (name: string) => {
    const before = done;
    const result = zip.read(name, (n) => onProgress?.(before + n, zip.declaredTotal));
    if (result.ok) done += result.bytes.length;
    return result;
  };
  const text = read(BACKUP_JSON);
  if (!text.ok) return { ok: false, problem: text.refusal };
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8').decode(text.bytes));
  } catch {
    return notBackup;
  }
  const files = new Map<string, Uint8Array>();
  for (const entry of zip.entries) {
    if (entry.name === BACKUP_JSON) continue;
    const data = read(entry.name);
    if (!data.ok) return { ok: false, problem: data.refusal };
    files.set(entry.name, data.bytes);
  }
  return { ok: true, json, files };
}

/** {@link unpackBackupChecked} without the reason: null when the archive is refused or is not a backup. */
export function unpackBackup(
  bytes: Uint8Array,
): { readonly json: unknown; readonly files: ReadonlyMap<string, Uint8Array> } | null {
  const result = unpackBackupChecked(bytes, 'backup.zip');
  return result.ok ? { json: result.json, files: result.files } : null;
}
