/**
 * A GBK (code page 936) encoder. `TextEncoder` only writes UTF-8, and the WHATWG Encoding standard
 * gives browsers and Node a GBK *decoder* only; so the encoder is the decoder's inverse: every
 * two-byte GBK sequence (lead 0x81–0xFE, trail 0x40–0xFE except 0x7F) is decoded once, in one
 * `TextDecoder('gbk')` call, and the characters it yields are mapped back to their bytes. Where the
 * decoder maps two sequences to one character, the first (lowest) sequence is kept, as the WHATWG
 * encoder does. The table (23,941 characters: every two-byte sequence decodes to its own character,
 * user-defined areas to private use; and €) is built on first use, in about 20 ms, and kept.
 *
 * Characters GBK cannot hold (those GB18030 writes in four bytes, emoji, many rare name characters)
 * are never replaced silently: {@link encodeGbk} returns null and {@link firstNonGbk} names the first.
 */

let table: Map<number, number> | null = null;

/** The inverse of `TextDecoder('gbk')`: code point → its bytes as `lead << 8 | trail` (or 0x80 for €). */
function gbkTable(): Map<number, number> {
  if (table !== null) return table;
  // Each pair is followed by a line feed, so a pair the decoder rejects (which may come out as U+FFFD
  // and its trail byte as ASCII) cannot shift the pairs after it.
  const pairs: number[] = [];
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pairs.push(lead, trail, 0x0a);
    }
  }
  const decoded = new TextDecoder('gbk').decode(new Uint8Array(pairs)).split('\n');
  const built = new Map<number, number>();
  let at = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const text = decoded[at++] ?? '';
      const code = text.codePointAt(0);
      if (code === undefined || code === 0xfffd || String.fromCodePoint(code) !== text) continue;
      if (!built.has(code)) built.set(code, (lead << 8) | trail);
    }
  }
  // Code page 936 (and the WHATWG decoder) has one single byte beyond ASCII: 0x80, the euro sign.
  built.set(0x20ac, 0x80);
  table = built;
  return built;
}

/** The GBK bytes of `text`, or null when a character is not in GBK (ASCII passes through). */
export function encodeGbk(text: string): Uint8Array | null {
  const out = new Uint8Array(text.length * 2);
  let n = 0;
  const map = gbkTable();
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code < 0x80) {
      out[n++] = code;
      continue;
    }
    const bytes = map.get(code);
    if (bytes === undefined) return null;
    if (bytes > 0xff) out[n++] = bytes >> 8;
    out[n++] = bytes & 0xff;
  }
  return out.slice(0, n);
}

/** Every character the encoder knows (for tests: each must decode back to itself). */
export function gbkCharacters(): string[] {
  return [...gbkTable().keys()].map((code) => String.fromCodePoint(code));
}

/** The first character of `text` that GBK cannot hold, or null when all can. */
export function firstNonGbk(text: string): string | null {
  const map = gbkTable();
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (code >= 0x80 && !map.has(code)) return char;
  }
  return null;
}
