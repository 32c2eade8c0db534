/**
 * Opening a ZIP archive that came from outside (a backup, an XLSX workbook) without letting it blow up
 * memory: the archive's size is checked first, then its central directory is read and every entry is
 * judged by name (a whitelist) and by declared size (a cap per entry and one for all of them) before
 * anything is inflated. Inflating then streams through fflate's `Inflate` in small slices and counts the
 * real output, because a declared size can lie: the moment an entry yields more than it declared (or
 * than the caps allow), inflation stops and the archive is refused, naming the file and the entry.
 */
import { Inflate } from 'fflate';
import { entryDataStart, readCentralDirectory, type ZipEntry } from './directory';

const MiB = 1024 * 1024;

/** What to do with an entry, decided from its name. */
export type ZipEntryRule =
  /** Inflate on request, at most `maxBytes` bytes. */
  | { readonly kind: 'read'; readonly maxBytes: number }
  /** A part the reader does not need: never inflated, not counted. */
  | { readonly kind: 'skip' }
  /** Not something this kind of archive holds: the whole archive is refused. */
  | { readonly kind: 'refuse' };

/** The limits for one kind of archive. Sizes are bytes. */
export interface ZipPolicy {
  /** The archive file itself, checked before it is read. */
  readonly maxArchiveBytes: number;
  readonly maxEntries: number;
  /** All `read` entries together, declared and real. */
  readonly maxTotalBytes: number;
  readonly rule: (name: string) => ZipEntryRule;
}

/** Why an archive was refused; `file` is the archive's name, `entry` the entry's path inside it. */
export type ZipRefusal =
  | { readonly key: 'zip.notZip'; readonly params: { readonly file: string } }
  | {
      readonly key: 'zip.archiveTooBig';
      readonly params: { readonly file: string; readonly size: number; readonly limit: number };
    }
  | {
      readonly key: 'zip.tooManyEntries';
      readonly params: { readonly file: string; readonly count: number; readonly limit: number };
    }
  | {
      readonly key: 'zip.entryNotAllowed';
      readonly params: { readonly file: string; readonly entry: string };
    }
  | { readonly key: 'zip.duplicateEntry'; readonly params: { readonly file: string; readonly entry: string } }
  | { readonly key: 'zip.unsupported'; readonly params: { readonly file: string; readonly entry: string } }
  | {
      readonly key: 'zip.entryTooBig';
      readonly params: {
        readonly file: string;
        readonly entry: string;
        readonly size: number;
        readonly limit: number;
      };
    }
  | {
      readonly key: 'zip.totalTooBig';
      readonly params: { readonly file: string; readonly entry: string; readonly limit: number };
    }
  | {
      /** The entry inflates to more (or less) than its header declares: a forged header. */
      readonly key: 'zip.sizeMismatch';
      readonly params: { readonly file: string; readonly entry: string; readonly declared: number };
    }
  | { readonly key: 'zip.corrupt'; readonly params: { readonly file: string; readonly entry: string } };

/** Sizes in messages are MB (1 MB = 1024 × 1024 bytes, as Windows Explorer shows them), one decimal. */
export function megabytes(bytes: number): number {
  return Math.round((bytes / MiB) * 10) / 10;
}

/** Compressed bytes pushed to the inflater at a time: one push yields at most ~1032 × this. */
const SLICE = 16 * 1024;

export type ZipRead =
  | { readonly ok: true; readonly bytes: Uint8Array }
  | {
      readonly ok: false;
      readonly refusal: ZipRefusal;
      /** Bytes the entry had yielded when inflation stopped (how early it stopped). */
      readonly inflated: number;
    };

/** An archive whose directory passed the checks; entries are inflated one by one, on request. */
export interface GuardedZip {
  /** The `read` entries, in directory order. */
  readonly entries: readonly ZipEntry[];
  /** Declared uncompressed bytes of all `read` entries. */
  readonly declaredTotal: number;
  has(name: string): boolean;
  /**
   * Inflates one `read` entry, checking its real output against its declared size, its cap and what
   * is left of the total; `onBytes(n)` reports bytes as they come. A name not in `entries` is refused.
   */
  read(name: string, onBytes?: (inflated: number) => void): ZipRead;
}

function refuse<K extends ZipRefusal['key']>(
  key: K,
  params: Extract<ZipRefusal, { key: K }>['params'],
): { ok: false; refusal: ZipRefusal } {
  return { ok: false, refusal: { key, params } as ZipRefusal };
}

/**
 * Checks an archive's size, then its central directory, against a policy, without inflating anything:
 * the archive within `maxArchiveBytes`, at most `maxEntries` entries, no entry the policy refuses, no
 * name twice, only stored or deflated unencrypted `read` entries, each declared within its cap and all
 * of them within `maxTotalBytes`. `file` names the archive in refusals.
 */
export function openGuardedZip(
  bytes: Uint8Array,
  file: string,
  policy: ZipPolicy,
): { readonly ok: true; readonly zip: GuardedZip } | { readonly ok: false; readonly refusal: ZipRefusal } {
  const archiveCheck = checkArchiveSize(bytes.length, file, policy);
  if (archiveCheck !== null) return { ok: false, refusal: archiveCheck };
  const directory = readCentralDirectory(bytes, policy.maxEntries);
  if (!directory.ok) {
    if (directory.reason === 'tooManyEntries') {
      return refuse('zip.tooManyEntries', { file, count: directory.count, limit: policy.maxEntries });
    }
    return refuse('zip.notZip', { file });
  }
  const seen = new Set<string>();
  const wanted: { entry: ZipEntry; maxBytes: number }[] = [];
  let declaredTotal = 0;
  for (const entry of directory.entries) {
    if (seen.has(entry.name)) return refuse('zip.duplicateEntry', { file, entry: entry.name });
    seen.add(entry.name);
    const rule = policy.rule(entry.name);
    if (rule.kind === 'refuse') return refuse('zip.entryNotAllowed', { file, entry: entry.name });
    if (rule.kind === 'skip') continue;
    if (entry.encrypted || (entry.method !== 0 && entry.method !== 8)) {
      return refuse('zip.unsupported', { file, entry: entry.name });
    }
    if (entry.size > rule.maxBytes) {
      return refuse('zip.entryTooBig', {
        file,
        entry: entry.name,
        size: megabytes(entry.size),
        limit: megabytes(rule.maxBytes),
      });
    }
    declaredTotal += entry.size;
    if (declaredTotal > policy.maxTotalBytes) {
      return refuse('zip.totalTooBig', { file, entry: entry.name, limit: megabytes(policy.maxTotalBytes) });
    }
    wanted.push({ entry, maxBytes: rule.maxBytes });
  }
  const byName = new Map(wanted.map((w) => [w.entry.name, w]));
  let inflatedTotal = 0;
  const zip: GuardedZip = {
    entries: wanted.map((w) => w.entry),
    declaredTotal,
    has: (name) => byName.has(name),
    read(name, onBytes) {
      const found = byName.get(name);
      if (found === undefined)
        return { ...refuse('zip.entryNotAllowed', { file, entry: name }), inflated: 0 };
      const result = inflateEntry(bytes, found.entry, file, {
        maxBytes: Math.min(found.maxBytes, found.entry.size),
        totalLeft: policy.maxTotalBytes - inflatedTotal,
        totalLimit: policy.maxTotalBytes,
        ...(onBytes === undefined ? {} : { onBytes }),
      });
      inflatedTotal += result.ok ? result.bytes.length : result.inflated;
      return result;
    },
  };
  return { ok: true, zip };
}

/** The size check made before an archive is read at all; null when it is within the policy. */
export function checkArchiveSize(size: number, file: string, policy: ZipPolicy): ZipRefusal | null {
  if (size <= policy.maxArchiveBytes) return null;
  return {
    key: 'zip.archiveTooBig',
    params: { file, size: megabytes(size), limit: megabytes(policy.maxArchiveBytes) },
  };
}

interface InflateLimits {
  /** The entry's declared size (already within its cap). */
  readonly maxBytes: number;
  readonly totalLeft: number;
  readonly totalLimit: number;
  readonly onBytes?: (inflated: number) => void;
}

function inflateEntry(bytes: Uint8Array, entry: ZipEntry, file: string, limits: InflateLimits): ZipRead {
  const start = entryDataStart(bytes, entry);
  if (start === null) return { ...refuse('zip.corrupt', { file, entry: entry.name }), inflated: 0 };
  const data = bytes.subarray(start, start + entry.compressedSize);
  // More than declared is a forged header; within it but past what the total leaves is the total.
  const tooMuch = (inflated: number): ZipRead =>
    inflated > entry.size
      ? { ...refuse('zip.sizeMismatch', { file, entry: entry.name, declared: entry.size }), inflated }
      : {
          ...refuse('zip.totalTooBig', { file, entry: entry.name, limit: megabytes(limits.totalLimit) }),
          inflated,
        };
  if (entry.method === 0) {
    if (data.length > entry.size || data.length > limits.totalLeft) return tooMuch(data.length);
    if (data.length < entry.size) {
      return {
        ...refuse('zip.sizeMismatch', { file, entry: entry.name, declared: entry.size }),
        inflated: 0,
      };
    }
    limits.onBytes?.(data.length);
    return { ok: true, bytes: data.slice() };
  }
  // The output buffer is the declared size (within the cap), so a lying entry cannot grow it.
  const out = new Uint8Array(entry.size);
  const cap = Math.min(limits.maxBytes, limits.totalLeft);
  let written = 0;
  let over = 0;
  const inflater = new Inflate((chunk) => {
    if (over > 0 || written + chunk.length > cap) {
      over = written + chunk.length;
      return;
    }
    out.set(chunk, written);
    written += chunk.length;
  });
  try {
    for (let at = 0; at < data.length && over === 0; at += SLICE) {
      const end = Math.min(at + SLICE, data.length);
      inflater.push(data.subarray(at, end), end === data.length);
      if (over === 0) limits.onBytes?.(written);
    }
    if (data.length === 0) inflater.push(new Uint8Array(0), true);
  } catch {
    return { ...refuse('zip.corrupt', { file, entry: entry.name }), inflated: written };
  }
  if (over > 0) return tooMuch(over);
  if (written !== entry.size) {
    return {
      ...refuse('zip.sizeMismatch', { file, entry: entry.name, declared: entry.size }),
      inflated: written,
    };
  }
  return { ok: true, bytes: out };
}
