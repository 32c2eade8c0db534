/**
 * The backup archive: one ZIP with `backup.json` (see backup.ts) and the attachments' bytes beside it.
 * Pure: bytes in, bytes out (fflate).
 */
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { BackupFile } from './backup';

export const BACKUP_JSON = 'backup.json';

/** Packs the backup and its attachment bytes (path → bytes). Already-compressed photos are stored as is. */
export function packBackup(backup: BackupFile, files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  const entries: Record<string, Uint8Array | [Uint8Array, { level: 0 }]> = {
    [BACKUP_JSON]: strToU8(JSON.stringify(backup)),
  };
  for (const [path, bytes] of files) entries[path] = [bytes, { level: 0 }];
  return zipSync(entries, { level: 6 });
}

/** Unpacks an archive: the parsed `backup.json` and every other entry, or null when it is not one. */
export function unpackBackup(
  bytes: Uint8Array,
): { readonly json: unknown; readonly files: ReadonlyMap<string, Uint8Array> } | null {
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes);
  } catch {
    return null;
  }
  const text = entries[BACKUP_JSON];
  if (text === undefined) return null;
  let json: unknown;
  try {
    json = JSON.parse(strFromU8(text));
  } catch {
    return null;
  }
  const files = new Map<string, Uint8Array>();
  for (const [path, data] of Object.entries(entries)) if (path !== BACKUP_JSON) files.set(path, data);
  return { json, files };
}
