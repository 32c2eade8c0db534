/**
 * The text encoding of a Shapefile's attribute table (.dbf). ArcGIS writes the code page into `.cpg`
 * as Windows numbers it (`936`, `ANSI 936`) and GDAL writes `CP936`; `TextDecoder` knows neither, and
 * readers that pass the value on unchecked fall back to UTF-8 and garble every Chinese name. So the
 * `.cpg` is mapped here to a label TextDecoder accepts, and without one the bytes decide (strict UTF-8,
 * else GB18030, as for CSV: see ../decode.ts).
 */
import { decodeText } from '../decode';

export type DbfEncoding = 'utf-8' | 'gbk' | 'gb18030';

/**
 * The TextDecoder label for a `.cpg` value: `936`, `ANSI 936`, `CP936`, `MS936`, `Windows-936`, `GBK`,
 * `GB2312`, `EUC-CN` → gbk; `GB18030`, `54936` → gb18030; `UTF-8`, `UTF8`, `65001` → utf-8 (any case,
 * spaces and line ends around it ignored). Null for anything else.
 */
export function cpgEncoding(cpg: string): DbfEncoding | null {
  const text = cpg
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/^(ansi|oem)\s*/, '')
    .replace(/^(cp|ms|windows|x-mac-)/, '')
    .replace(/[\s_-]/g, '');
  if (/^(936|gbk|gb2312|gb231280|euccn|chinese|xgbk)$/.test(text)) return 'gbk';
  if (/^(gb18030|54936)$/.test(text)) return 'gb18030';
  if (/^(utf8|65001)$/.test(text)) return 'utf-8';
  return null;
}

/** Whether the bytes are valid UTF-8. */
export function isUtf8(bytes: Uint8Array): boolean {
  return decodeText(bytes).encoding === 'utf-8';
}

/**
 * The text parts of a .dbf: its field names and its records (binary header bytes such as field
 * lengths above 127 are left out, since they would make any table look like non-UTF-8).
 */
export function dbfTextBytes(dbf: Uint8Array): Uint8Array {
  if (dbf.length < 32) return new Uint8Array(0);
  const view = new DataView(dbf.buffer, dbf.byteOffset, dbf.byteLength);
  const headerLength = Math.min(view.getUint16(8, true), dbf.length);
  const parts: Uint8Array[] = [];
  for (let at = 32; at + 32 <= headerLength && dbf[at] !== 0x0d; at += 32) {
    const name = dbf.subarray(at, at + 11);
    const end = name.indexOf(0);
    parts.push(end === -1 ? name : name.subarray(0, end), new Uint8Array([0x20]));
  }
  parts.push(dbf.subarray(headerLength));
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** The encoding of a .dbf with no `.cpg`: UTF-8 if its text is valid UTF-8, else GB18030. */
export function detectDbfEncoding(dbf: Uint8Array): DbfEncoding {
  return isUtf8(dbfTextBytes(dbf)) ? 'utf-8' : 'gb18030';
}

const NAME_FIELD = /name|名称|mc|名/i;

/**
 * Up to `count` decoded text values for the operator to judge the encoding by: values of a name-like
 * field first, else of any field, those with non-ASCII characters preferred.
 */
export function textSample(records: readonly Readonly<Record<string, unknown>>[], count = 5): string[] {
  const fields = records[0] === undefined ? [] : Object.keys(records[0]);
  const ordered = [...fields.filter((f) => NAME_FIELD.test(f)), ...fields.filter((f) => !NAME_FIELD.test(f))];
  const sample: string[] = [];
  for (const wide of [true, false]) {
    for (const field of ordered) {
      for (const record of records) {
        const value = record[field];
        if (typeof value !== 'string' || value.trim() === '') continue;
        // eslint-disable-next-line no-control-regex
        if (wide !== /[^\u0000-\u007f]/.test(value) || sample.includes(value)) continue;
        sample.push(value);
        if (sample.length >= count) return sample;
      }
    }
  }
  return sample;
}
