/**
 * Strict standard base64 (RFC 4648 §4, with padding) for password salts and hashes. Written out here
 * because `Buffer` is Node-only and `atob` accepts sloppy input; a stored hash that is not canonical
 * base64 is refused rather than read leniently.
 */

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LOOKUP = new Map([...ALPHABET].map((c, i) => [c, i]));
const CANONICAL = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** Encodes bytes as padded standard base64. */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i] ?? 0;
    const b = bytes[i + 1];
    const c = bytes[i + 2];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += ALPHABET[(n >> 18) & 63];
    out += ALPHABET[(n >> 12) & 63];
    out += b === undefined ? '=' : ALPHABET[(n >> 6) & 63];
    out += c === undefined ? '=' : ALPHABET[n & 63];
  }
  return out;
}

/**
 * Decodes padded standard base64; null when the text is not canonical base64 (wrong alphabet,
 * missing padding, whitespace, or non-zero trailing bits), so a tampered value cannot slip through
 * as a different but "equivalent" spelling.
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> | null {
  if (!CANONICAL.test(text)) return null;
  const padding = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array(new ArrayBuffer((text.length / 4) * 3 - padding));
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    const s = [0, 1, 2, 3].map((k) => LOOKUP.get(text[i + k] ?? '=') ?? 0);
    const n = ((s[0] ?? 0) << 18) | ((s[1] ?? 0) << 12) | ((s[2] ?? 0) << 6) | (s[3] ?? 0);
    const bytes = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
    for (const byte of bytes) if (o < out.length) out[o++] = byte;
  }
  if (bytesToBase64(out) !== text) return null;
  return out;
}
