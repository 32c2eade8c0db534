/**
 * Reads only the chain head out of a backup archive, to check the current record against it (see
 * shared/cases/record-anchor.ts), without unpacking or parsing the whole backup: the archive is read
 * in slices from its start, `backup.json` is inflated only until its `chainHead` appears (export
 * writes it before the dataset and the events), and reading stops there. The file size is checked
 * before anything is read.
 */
import { Unzip, UnzipInflate } from 'fflate';
import { z } from 'zod';
import type { ChainHead } from '../cases/record';
import { BACKUP_JSON } from './archive';
import { BACKUP_FORMAT } from './backup';

/** Largest file taken for a backup, bytes (2 GiB): a browser cannot restore a larger one anyway. */
export const BACKUP_HEAD_MAX_FILE_BYTES = 2 * 1024 ** 3;
/** How much of `backup.json` is inflated looking for the head, bytes. */
export const BACKUP_HEAD_MAX_PREFIX_BYTES = 64 * 1024;
/** How much of the archive is read looking for `backup.json`, bytes. */
export const BACKUP_HEAD_MAX_SCAN_BYTES = 16 * 1024 ** 2;
const SLICE_BYTES = 64 * 1024;

/** Reads `length` bytes of the file from `offset` (fewer at its end). */
export type ReadSlice = (offset: number, length: number) => Promise<Uint8Array>;

export type BackupHeadResult =
  | { readonly ok: true; readonly head: ChainHead }
  | {
      readonly ok: false;
      readonly key: 'backupHead.tooLarge' | 'backupHead.notBackup' | 'backupHead.noHead';
      readonly params: { readonly file: string; readonly limit?: number };
    };

const headSchema = z.strictObject({
  count: z.number().int().nonnegative(),
  lastHash: z.string().regex(/^[0-9a-f]{64}$/),
});

/**
 * Finds the head in the beginning of a backup.json text: the `format` must be GridDesk's and the
 * `chainHead` object complete. Returns null while the text is too short to tell.
 */
export function headFromBackupPrefix(text: string): ChainHead | 'notBackup' | null {
  const format = /"format"\s*:\s*"([^"]*)"/.exec(text);
  if (format !== null && format[1] !== BACKUP_FORMAT) return 'notBackup';
  const start = /"chainHead"\s*:\s*\{/.exec(text);
  if (start === null) return null;
  const end = text.indexOf('}', start.index);
  if (end < 0) return null;
  if (format === null) return 'notBackup';
  let json: unknown;
  try {
    json = JSON.parse(text.slice(start.index + start[0].length - 1, end + 1));
  } catch {
    return 'notBackup';
  }
  const parsed = headSchema.safeParse(json);
  return parsed.success ? parsed.data : 'notBackup';
}

/**
 * The chain head written in the backup archive `file` of `size` bytes, read through `read`. Refuses a
 * file over {@link BACKUP_HEAD_MAX_FILE_BYTES} before reading it, and one whose first
 * {@link BACKUP_HEAD_MAX_SCAN_BYTES} hold no `backup.json`, or whose `backup.json` does not start
 * with a GridDesk backup's head. The head is not checked against the backup's events: that is
 * restore's job; here it is only a head to compare the current record with.
 */
export async function readBackupHead(file: string, size: number, read: ReadSlice): Promise<BackupHeadResult> {
  if (size > BACKUP_HEAD_MAX_FILE_BYTES) {
    return {
      ok: false,
      key: 'backupHead.tooLarge',
      params: { file, limit: BACKUP_HEAD_MAX_FILE_BYTES / 1024 ** 2 },
    };
  }
  let found: ChainHead | 'notBackup' | 'noHead' | null = null;
  let text = '';
  let failed = false;
  const unzip = new Unzip();
  unzip.register(UnzipInflate);
  unzip.onfile = (entry) => {
    if (entry.name !== BACKUP_JSON || found !== null) return;
    const decoder = new TextDecoder();
    entry.ondata = (error, data) => {
      if (found !== null) return;
      if (error !== null) {
        failed = true;
        return;
      }
      text += decoder.decode(data, { stream: true });
      found = headFromBackupPrefix(text);
      if (found === null && text.length > BACKUP_HEAD_MAX_PREFIX_BYTES) found = 'noHead';
      if (found !== null) entry.terminate();
    };
    entry.start();
  };
  const limit = Math.min(size, BACKUP_HEAD_MAX_SCAN_BYTES);
  try {
    for (let offset = 0; offset < limit && found === null && !failed; offset += SLICE_BYTES) {
      const chunk = await read(offset, Math.min(SLICE_BYTES, limit - offset));
      unzip.push(chunk, offset + chunk.length >= size);
    }
  } catch {
    failed = true;
  }
  const result: ChainHead | 'notBackup' | 'noHead' | null = found;
  if (typeof result === 'object' && result !== null) return { ok: true, head: result };
  const noHead = result === 'noHead' || (result === null && !failed && text.length > 0);
  return { ok: false, key: noHead ? 'backupHead.noHead' : 'backupHead.notBackup', params: { file } };
}
