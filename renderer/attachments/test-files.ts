/**
 * Leading bytes of real files of each accepted format, for the attachment tests. Headers are written
 * out from each format's specification; the two Office packages are complete ZIPs made with Python's
 * zipfile module (members `[Content_Types].xml`, `_rels/.rels` and `word/document.xml` or
 * `xl/workbook.xml`).
 */

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));
const bytes = (...parts: (number | number[])[]): Uint8Array<ArrayBuffer> =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'number' ? [p] : p)));
const base64 = (text: string): Uint8Array<ArrayBuffer> => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** JPEG/JFIF: SOI, then an APP0 JFIF segment. */
export const JPEG = bytes(
  0xff,
  0xd8,
  0xff,
  0xe0,
  0x00,
  0x10,
  ascii('JFIF'),
  0x00,
  0x01,
  0x01,
  0,
  0,
  1,
  0,
  1,
  0,
  0,
);
/** PNG signature and the start of IHDR. */
export const PNG = bytes(
  0x89,
  ascii('PNG'),
  0x0d,
  0x0a,
  0x1a,
  0x0a,
  0,
  0,
  0,
  13,
  ascii('IHDR'),
  0,
  0,
  0,
  2,
  0,
  0,
  0,
  1,
);
export const GIF = bytes(ascii('GIF89a'), 2, 0, 1, 0, 0x80, 0, 0);
/** RIFF container of type WEBP with a VP8L chunk. */
export const WEBP = bytes(ascii('RIFF'), 0x1a, 0, 0, 0, ascii('WEBP'), ascii('VP8L'), 0x0d, 0, 0, 0);
export const PDF = bytes(ascii('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, 0x0a);
/** ISO base media: a 24-byte ftyp box of brand isom. */
export const MP4 = bytes(0, 0, 0, 0x18, ascii('ftypisom'), 0, 0, 2, 0, ascii('isomiso2'));
/** OLE2 compound file (.doc, .xls) header signature and minor version. */
export const CFB = bytes(
  0xd0,
  0xcf,
  0x11,
  0xe0,
  0xa1,
  0xb1,
  0x1a,
  0xe1,
  new Array<number>(16).fill(0),
  0x3e,
  0,
);
export const DOCX = base64(
  'UEsDBBQAAAAIAPBbd10rhCYSBgAAAAQAAAATAAAAW0NvbnRlbnRfVHlwZXNdLnhtbLOp0LcDAFBLAwQUAAAACADwW3ddK4QmEgYAAAAEAAAACwAAAF9yZWxzLy5yZWxzs6nQtwMAUEsDBBQAAAAIAPBbd10rhCYSBgAAAAQAAAARAAAAd29yZC9kb2N1bWVudC54bWyzqdC3AwBQSwECFAMUAAAACADwW3ddK4QmEgYAAAAEAAAAEwAAAAAAAAAAAAAAgAEAAAAAW0NvbnRlbnRfVHlwZXNdLnhtbFBLAQIUAxQAAAAIAPBbd10rhCYSBgAAAAQAAAALAAAAAAAAAAAAAACAATcAAABfcmVscy8ucmVsc1BLAQIUAxQAAAAIAPBbd10rhCYSBgAAAAQAAAARAAAAAAAAAAAAAACAAWYAAAB3b3JkL2RvY3VtZW50LnhtbFBLBQYAAAAAAwADALkAAACbAAAAAAA=',
);
export const XLSX = base64(
  'UEsDBBQAAAAIAPBbd10rhCYSBgAAAAQAAAATAAAAW0NvbnRlbnRfVHlwZXNdLnhtbLOp0LcDAFBLAwQUAAAACADwW3ddK4QmEgYAAAAEAAAACwAAAF9yZWxzLy5yZWxzs6nQtwMAUEsDBBQAAAAIAPBbd10rhCYSBgAAAAQAAAAPAAAAeGwvd29ya2Jvb2sueG1ss6nQtwMAUEsBAhQDFAAAAAgA8Ft3XSuEJhIGAAAABAAAABMAAAAAAAAAAAAAAIABAAAAAFtDb250ZW50X1R5cGVzXS54bWxQSwECFAMUAAAACADwW3ddK4QmEgYAAAAEAAAACwAAAAAAAAAAAAAAgAE3AAAAX3JlbHMvLnJlbHNQSwECFAMUAAAACADwW3ddK4QmEgYAAAAEAAAADwAAAAAAAAAAAAAAgAFmAAAAeGwvd29ya2Jvb2sueG1sUEsFBgAAAAADAAMAtwAAAJkAAAAAAA==',
);
/** A bare ZIP local header of a member that is not an Office part. */
export const ZIP = bytes(
  0x50,
  0x4b,
  0x03,
  0x04,
  0x14,
  0,
  0,
  0,
  0,
  0,
  new Array<number>(16).fill(0),
  5,
  0,
  0,
  0,
  ascii('a.exe'),
);
/** UTF-8 Chinese text and UTF-16LE text with its byte-order mark. */
export const TEXT_UTF8 = new TextEncoder().encode('群众反映：菜场巷夜间占道经营。\n');
export const TEXT_UTF16 = bytes(0xff, 0xfe, 0x64, 0x7e, 0x3c, 0x68);
/** "占道经营\r\n" in GB18030/GBK, as Chinese Windows Notepad saves it by default before Windows 10 1903. */
export const TEXT_GBK = bytes(0xd5, 0xbc, 0xb5, 0xc0, 0xbe, 0xad, 0xd3, 0xaa, 0x0d, 0x0a);
/** A Windows executable: MZ header. */
export const EXE = bytes(ascii('MZ'), 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, 0xff, 0xff, 0, 0);

/** A File of the given leading bytes, padded with zeros to `size` bytes when larger. */
export function fileOf(name: string, head: Uint8Array<ArrayBuffer>, size = head.length, type = ''): File {
  const parts: BlobPart[] = [head];
  if (size > head.length) parts.push(new Uint8Array(size - head.length));
  return new File(parts, name, { type });
}
