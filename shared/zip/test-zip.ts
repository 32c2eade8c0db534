/**
 * Test support: ZIP archives written byte by byte, so a test can forge what real writers never do —
 * an entry whose header lies about its size, or a 1 GiB entry of zeros in a few megabytes. Not used by
 * the app. The layout follows PKWARE APPNOTE 4.3.7 (local header), 4.3.12 (central directory) and
 * 4.3.16 (end record); CRC fields are left 0 (the guard does not read them).
 */
import { deflateSync } from 'fflate';

export interface ForgedEntry {
  readonly name: string;
  /** The entry's data as stored in the archive: raw DEFLATE for method 8, the bytes for method 0. */
  readonly data: Uint8Array;
  readonly method: 0 | 8;
  /** The uncompressed size written in both headers: the truth, or a lie. */
  readonly declaredSize: number;
}

/** An entry compressed by fflate, declaring its true size unless `declaredSize` says otherwise. */
export function deflatedEntry(name: string, content: Uint8Array, declaredSize = content.length): ForgedEntry {
  return { name, data: deflateSync(content), method: 8, declaredSize };
}

/** Writes the archive: local headers with data, the central directory, the end record. */
export function writeForgedZip(entries: readonly ForgedEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const names = entries.map((e) => encoder.encode(e.name));
  const localSize = entries.reduce((sum, e, k) => sum + 30 + (names[k]?.length ?? 0) + e.data.length, 0);
  const centralSize = names.reduce((sum, n) => sum + 46 + n.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  const offsets: number[] = [];
  let at = 0;
  entries.forEach((entry, k) => {
    const name = names[k] as Uint8Array;
    offsets.push(at);
    view.setUint32(at, 0x04034b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 0x0800, true); // UTF-8 names
    view.setUint16(at + 8, entry.method, true);
    view.setUint32(at + 18, entry.data.length, true);
    view.setUint32(at + 22, entry.declaredSize, true);
    view.setUint16(at + 26, name.length, true);
    out.set(name, at + 30);
    out.set(entry.data, at + 30 + name.length);
    at += 30 + name.length + entry.data.length;
  });
  const central = at;
  entries.forEach((entry, k) => {
    const name = names[k] as Uint8Array;
    view.setUint32(at, 0x02014b50, true);
    view.setUint16(at + 4, 20, true);
    view.setUint16(at + 6, 20, true);
    view.setUint16(at + 8, 0x0800, true);
    view.setUint16(at + 10, entry.method, true);
    view.setUint32(at + 20, entry.data.length, true);
    view.setUint32(at + 24, entry.declaredSize, true);
    view.setUint16(at + 28, name.length, true);
    view.setUint32(at + 42, offsets[k] as number, true);
    out.set(name, at + 46);
    at += 46 + name.length;
  });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, entries.length, true);
  view.setUint16(at + 10, entries.length, true);
  view.setUint32(at + 12, at - central, true);
  view.setUint32(at + 16, central, true);
  return out;
}

/** Writes DEFLATE bits: values LSB first, Huffman codes MSB first (RFC 1951 3.1.1). */
class BitWriter {
  readonly bytes: number[] = [];
  private current = 0;
  private used = 0;
  bit(b: number): void {
    this.current |= b << this.used;
    if (++this.used === 8) {
      this.bytes.push(this.current);
      this.current = 0;
      this.used = 0;
    }
  }
  code(code: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) this.bit((code >> i) & 1);
  }
  flush(): Uint8Array {
    if (this.used > 0) this.bytes.push(this.current);
    return Uint8Array.from(this.bytes);
  }
}

/** One fixed-Huffman match of length 258 at distance 1: symbol 285 (8 bits) and distance code 0 (5 bits). */
function match258(w: BitWriter): void {
  w.code(0xc5, 8);
  w.code(0, 5);
}

/**
 * A raw DEFLATE stream of `size` zero bytes (size ≥ 259), about 1/1270 of the size: one literal zero,
 * then copies of 258 bytes at distance 1 in one fixed-Huffman block (RFC 1951 3.2.6). Header, literal
 * and the first copy make 24 bits, so every further 8 copies are the same 13 bytes.
 */
export function deflatedZeros(size: number): Uint8Array {
  if (size < 259) throw new Error('deflatedZeros needs at least 259 bytes');
  const copies = Math.floor((size - 1) / 258);
  const literals = size - 1 - copies * 258;
  const head = new BitWriter();
  head.code(1, 1); // BFINAL
  head.bit(1); // BTYPE = 01 (fixed Huffman), LSB first
  head.bit(0);
  head.code(0x30, 8); // literal 0
  match258(head);
  const groupWriter = new BitWriter();
  for (let i = 0; i < 8; i++) match258(groupWriter);
  const group = groupWriter.flush();
  const groups = Math.floor((copies - 1) / 8);
  const tail = new BitWriter();
  for (let i = 0; i < copies - 1 - groups * 8; i++) match258(tail);
  for (let i = 0; i < literals; i++) tail.code(0x30, 8);
  tail.code(0, 7); // end of block
  const headBytes = head.flush();
  const tailBytes = tail.flush();
  const out = new Uint8Array(headBytes.length + groups * group.length + tailBytes.length);
  out.set(headBytes, 0);
  for (let g = 0; g < groups; g++) out.set(group, headBytes.length + g * group.length);
  out.set(tailBytes, headBytes.length + groups * group.length);
  return out;
}
