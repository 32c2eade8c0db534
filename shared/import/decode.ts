/**
 * Turning the bytes of an exported file into text. 12345 platforms and Excel on Chinese Windows save
 * CSV either as UTF-8 (often with a byte-order mark) or in the legacy GBK / GB18030 code page.
 */

export type TextEncodingName = 'utf-8' | 'gb18030';

export interface DecodedText {
  readonly text: string;
  /** Which encoding was used; GB18030 is a superset of GBK and GB2312. */
  readonly encoding: TextEncodingName;
  readonly hadBom: boolean;
}

/**
 * Decodes file bytes: strict UTF-8 first (with or without a BOM, which is dropped); if the bytes are not
 * valid UTF-8, GB18030. Pure ASCII is valid UTF-8, so it is reported as UTF-8. GBK text that happens to
 * be valid UTF-8 is practically impossible for Chinese content of any length, so the order is safe.
 * Needs `TextDecoder` with GB18030 support: Chromium, and Node built with full ICU (the default).
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  const hadBom = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  try {
    // ignoreBOM: false (the default) makes the decoder drop a leading BOM.
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { text, encoding: 'utf-8', hadBom };
  } catch {
    return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030', hadBom: false };
  }
}
