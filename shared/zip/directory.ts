/**
 * Reading a ZIP archive's central directory (PKWARE APPNOTE 4.3.12–4.3.16, with the ZIP64 records of
 * 4.3.14–4.3.15 and the ZIP64 extra field of 4.5.3) without inflating anything: the names, methods and
 * declared sizes of the entries, and where each entry's data lies. The guard (guard.ts) decides from
 * this what may be inflated before a single byte is.
 */

/** One entry as the central directory declares it. Sizes are bytes; the uncompressed one may lie. */
export interface ZipEntry {
  readonly name: string;
  /** 0 = stored, 8 = deflated; others are refused by the guard. */
  readonly method: number;
  readonly encrypted: boolean;
  readonly compressedSize: number;
  /** The uncompressed size the directory declares: checked again against the real output. */
  readonly size: number;
  /** Offset of the entry's local header in the archive. */
  readonly localOffset: number;
}

export type DirectoryResult =
  | { readonly ok: true; readonly entries: readonly ZipEntry[] }
  | { readonly ok: false; readonly reason: 'notZip' }
  | { readonly ok: false; readonly reason: 'tooManyEntries'; readonly count: number };

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const U32_MAX = 0xffffffff;
const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const gb18030 = new TextDecoder('gb18030');

/**
 * An entry's name. Zips from Chinese Windows ("发送到 → 压缩文件夹", WinRAR, 360压缩) store names in the
 * system code page (GBK) without the UTF-8 flag; names that are not valid UTF-8 are read as GB18030, a
 * superset of GBK (valid UTF-8 is practically never GBK text of any length). Local headers are read
 * the same way, so the two still match.
 */
function entryName(bytes: Uint8Array): string {
  try {
    return strictUtf8.decode(bytes);
  } catch {
    return gb18030.decode(bytes);
  }
}

function u64(view: DataView, at: number): number {
  return view.getUint32(at, true) + view.getUint32(at + 4, true) * 0x1_0000_0000;
}

function findEocd(view: DataView): number {
  const last = view.byteLength - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) if (view.getUint32(at, true) === EOCD) return at;
  return -1;
}

/** Replaces the 0xFFFFFFFF placeholders of an entry by the 64-bit values of its ZIP64 extra field. */
function zip64Sizes(
  view: DataView,
  extraStart: number,
  extraEnd: number,
  sizes: { size: number; compressedSize: number; localOffset: number },
): void {
  for (let at = extraStart; at + 4 <= extraEnd;) {
    const id = view.getUint16(at, true);
    const length = view.getUint16(at + 2, true);
    if (id === 0x0001) {
      let field = at + 4;
      const take = (): number => {
        if (field + 8 > at + 4 + length) return U32_MAX;
        const value = u64(view, field);
        field += 8;
        return value;
      };
      if (sizes.size === U32_MAX) sizes.size = take();
      if (sizes.compressedSize === U32_MAX) sizes.compressedSize = take();
      if (sizes.localOffset === U32_MAX) sizes.localOffset = take();
      return;
    }
    at += 4 + length;
  }
}

/**
 * The entries of the central directory, in directory order; `notZip` when there is no end record or
 * the directory does not lie inside the bytes; `tooManyEntries` when the end record declares more
 * than `maxEntries` (checked before the directory is walked).
 */
export function readCentralDirectory(bytes: Uint8Array, maxEntries: number): DirectoryResult {
  if (bytes.length < 22) return { ok: false, reason: 'notZip' };
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEocd(view);
  if (eocd < 0) return { ok: false, reason: 'notZip' };
  let count = view.getUint16(eocd + 10, true);
  let size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (count === 0xffff || size === U32_MAX || offset === U32_MAX) {
    const locator = eocd - 20;
    if (locator < 0 || view.getUint32(locator, true) !== ZIP64_LOCATOR)
      return { ok: false, reason: 'notZip' };
    const record = u64(view, locator + 8);
    if (record + 56 > bytes.length || view.getUint32(record, true) !== ZIP64_EOCD) {
      return { ok: false, reason: 'notZip' };
    }
    count = u64(view, record + 32);
    size = u64(view, record + 40);
    offset = u64(view, record + 48);
  }
  if (count > maxEntries) return { ok: false, reason: 'tooManyEntries', count };
  if (offset + size > bytes.length) return { ok: false, reason: 'notZip' };
  const entries: ZipEntry[] = [];
  let at = offset;
  for (let k = 0; k < count; k++) {
    if (at + 46 > offset + size || view.getUint32(at, true) !== CENTRAL)
      return { ok: false, reason: 'notZip' };
    const flags = view.getUint16(at + 8, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const nameStart = at + 46;
    if (nameStart + nameLength + extraLength > bytes.length) return { ok: false, reason: 'notZip' };
    const sizes = {
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      localOffset: view.getUint32(at + 42, true),
    };
    zip64Sizes(view, nameStart + nameLength, nameStart + nameLength + extraLength, sizes);
    entries.push({
      name: entryName(bytes.subarray(nameStart, nameStart + nameLength)),
      method: view.getUint16(at + 10, true),
      encrypted: (flags & 1) !== 0,
      ...sizes,
    });
    at = nameStart + nameLength + extraLength + commentLength;
  }
  return { ok: true, entries };
}

/**
 * Where an entry's compressed bytes start, from its local header; null when the local header is
 * missing, names another file, or the data would run past the end of the archive.
 */
export function entryDataStart(bytes: Uint8Array, entry: ZipEntry): number | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== 0x04034b50) return null;
  const nameLength = view.getUint16(at + 26, true);
  const extraLength = view.getUint16(at + 28, true);
  const start = at + 30 + nameLength + extraLength;
  if (start + entry.compressedSize > bytes.length) return null;
  if (entryName(bytes.subarray(at + 30, at + 30 + nameLength)) !== entry.name) return null;
  return start;
}
