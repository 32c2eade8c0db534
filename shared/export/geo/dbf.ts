/**
 * The attribute table of a Shapefile: a dBASE III file (.dbf) as the ESRI Shapefile Technical
 * Description requires it, with 'C' (character) and 'N' (numeric) fields only, which every GIS reads.
 *
 * - Character fields are as wide as their longest value in bytes of the chosen encoding, at least 1
 *   and at most 254 bytes (a longer value is an error naming the field and the feature, never cut).
 * - Numeric fields hold integers, or decimals with as many places as the most precise value needs (up
 *   to 8), right-aligned, at most 19 characters wide; empty values are blank.
 * - Field names are at most 10 bytes in the chosen encoding (`网格编码` is 8 bytes in GBK but 12 in
 *   UTF-8) and unique ignoring case; a longer or colliding name is shortened at a character boundary
 *   and numbered (`_1`, `_2`, …) deterministically, and every rename is reported.
 */
import { encodeGbk } from './gbk';

export type DbfTextEncoding = 'gbk' | 'utf-8';

/** A column of the table: its key in the features' properties and the name to write. */
export interface DbfColumn {
  readonly key: string;
  readonly name: string;
  /** 'N' for numbers (blank for null), 'C' for text; found from the values when absent. */
  readonly type?: 'C' | 'N';
  /** Free text (a case's description): cut at 254 bytes on a character boundary instead of refused. */
  readonly truncate?: boolean;
}

export interface DbfRename {
  readonly from: string;
  readonly to: string;
}

export type DbfProblem =
  /** A character GBK cannot hold: its feature (1-based) and field. */
  | {
      readonly key: 'geoExport.dbf.notEncodable';
      readonly feature: number;
      readonly field: string;
      readonly char: string;
    }
  /** A value over 254 bytes. */
  | {
      readonly key: 'geoExport.dbf.valueTooLong';
      readonly feature: number;
      readonly field: string;
      readonly bytes: number;
    }
  /** A number too wide for 19 characters, or not finite. */
  | {
      readonly key: 'geoExport.dbf.badNumber';
      readonly feature: number;
      readonly field: string;
      readonly value: string;
    };

export type DbfResult =
  | {
      readonly ok: true;
      readonly bytes: Uint8Array;
      readonly renamed: readonly DbfRename[];
      /** Values of `truncate` columns cut to 254 bytes: feature (1-based) and field. */
      readonly truncated: readonly { readonly feature: number; readonly field: string }[];
    }
  | { readonly ok: false; readonly problems: readonly DbfProblem[] };

export const MAX_CHAR_BYTES = 254;
const MAX_NUMBER_WIDTH = 19;
const MAX_DECIMALS = 8;
const NAME_BYTES = 10;

/** The bytes of `text` in `encoding`, or null for a character GBK cannot hold. */
export function encodeText(text: string, encoding: DbfTextEncoding): Uint8Array | null {
  return encoding === 'utf-8' ? new TextEncoder().encode(text) : encodeGbk(text);
}

function bytesOf(text: string, encoding: DbfTextEncoding): Uint8Array {
  // Field names are checked for GBK before this is called; '?' never appears in practice.
  return encodeText(text, encoding) ?? new TextEncoder().encode(text.replace(/[^ -~]/g, '?'));
}

/** The longest start of `text` whose bytes fit in `max`, cut at a character boundary. */
function fitName(text: string, max: number, encoding: DbfTextEncoding): string {
  let out = '';
  for (const char of text) {
    if (bytesOf(out + char, encoding).length > max) break;
    out += char;
  }
  return out;
}

/**
 * Field names of at most 10 bytes, unique ignoring case, in column order: a name that fits and is new
 * stays; otherwise it is shortened and, if still taken, numbered. Names with characters the encoding
 * cannot hold are replaced by `FIELD<n>`.
 */
export function dbfFieldNames(
  names: readonly string[],
  encoding: DbfTextEncoding,
): { names: string[]; renamed: DbfRename[] } {
  const taken = new Set<string>();
  const out: string[] = [];
  const renamed: DbfRename[] = [];
  names.forEach((original, i) => {
    const base =
      encodeText(original, encoding) === null || original.trim() === '' ? `FIELD${i + 1}` : original;
    let name = fitName(base, NAME_BYTES, encoding);
    for (let n = 1; taken.has(name.toLowerCase()); n++) {
      const suffix = `_${n}`;
      name = fitName(base, NAME_BYTES - suffix.length, encoding) + suffix;
    }
    taken.add(name.toLowerCase());
    out.push(name);
    if (name !== original) renamed.push({ from: original, to: name });
  });
  return { names: out, renamed };
}

interface Field {
  readonly name: Uint8Array;
  readonly type: 'C' | 'N';
  readonly length: number;
  readonly decimals: number;
}

/** Decimal places of a finite number in its shortest form (`0.1` → 1, `1e-7` → 7). */
function decimalsOf(value: number): number {
  const text = String(Math.abs(value));
  const exp = /e-(\d+)$/.exec(text);
  if (exp !== null) {
    const mantissa = text.slice(0, text.indexOf('e'));
    const dot = mantissa.indexOf('.');
    return Number(exp[1]) + (dot === -1 ? 0 : mantissa.length - dot - 1);
  }
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

const isBlank = (value: unknown): boolean => value === null || value === undefined || value === '';

/**
 * Writes a dBASE III table of `records` with `columns`. `date` is the "last update" of the header,
 * `YYYY-MM-DD`. For GBK the header's language driver byte says code page 936 (0x4D), which readers
 * without a `.cpg` use; for UTF-8 it is left 0 and only the `.cpg` says so.
 */
export function writeDbf(
  records: readonly Readonly<Record<string, unknown>>[],
  columns: readonly DbfColumn[],
  encoding: DbfTextEncoding,
  date: string,
): DbfResult {
  const problems: DbfProblem[] = [];
  const truncated: { feature: number; field: string }[] = [];
  const { names, renamed } = dbfFieldNames(
    columns.map((c) => c.name),
    encoding,
  );
  // Each cell as bytes, left-aligned text or right-aligned number, found column by column.
  const cells: Uint8Array[][] = records.map(() => []);
  const fields: Field[] = columns.map((column, c) => {
    const values = records.map((r) => r[column.key]);
    const numeric =
      column.type === 'N' ||
      (column.type === undefined &&
        values.some((v) => !isBlank(v)) &&
        values.every((v) => isBlank(v) || typeof v === 'number'));
    const name = bytesOf(names[c] ?? '', encoding);
    if (numeric) {
      let decimals = 0;
      for (const v of values) {
        if (typeof v === 'number' && Number.isFinite(v)) decimals = Math.max(decimals, decimalsOf(v));
      }
      decimals = Math.min(decimals, MAX_DECIMALS);
      const texts = values.map((v, r) => {
        if (isBlank(v)) return '';
        const number = typeof v === 'number' ? v : Number(v);
        const text = Number.isFinite(number) ? number.toFixed(decimals) : '';
        if (text === '' || text.length > MAX_NUMBER_WIDTH || /e/.test(text)) {
          problems.push({
            key: 'geoExport.dbf.badNumber',
            feature: r + 1,
            field: column.name,
            value: String(v),
          });
          return '';
        }
        return text;
      });
      const length = texts.reduce(
        (n, t) => Math.max(n, t.length),
        Math.max(1, decimals === 0 ? 1 : decimals + 2),
      );
      texts.forEach((t, r) => cells[r]?.push(new TextEncoder().encode(t.padStart(length, ' '))));
      return { name, type: 'N', length, decimals };
    }
    const encoded = values.map((v, r) => {
      const text = isBlank(v) ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v);
      const bytes = encodeText(text, encoding);
      if (bytes === null) {
        problems.push({
          key: 'geoExport.dbf.notEncodable',
          feature: r + 1,
          field: column.name,
          char: [...text].find((ch) => encodeText(ch, encoding) === null) ?? '',
        });
        return new Uint8Array(0);
      }
      if (bytes.length > MAX_CHAR_BYTES && column.truncate === true) {
        truncated.push({ feature: r + 1, field: column.name });
        return bytesOf(fitName(text, MAX_CHAR_BYTES, encoding), encoding);
      }
      if (bytes.length > MAX_CHAR_BYTES) {
        problems.push({
          key: 'geoExport.dbf.valueTooLong',
          feature: r + 1,
          field: column.name,
          bytes: bytes.length,
        });
        return new Uint8Array(0);
      }
      return bytes;
    });
    // Not Math.max(...spread): a table of 200,000 records would overflow the call stack.
    const length = encoded.reduce((n, b) => Math.max(n, b.length), 1);
    encoded.forEach((b, r) => {
      const cell = new Uint8Array(length).fill(0x20);
      cell.set(b);
      cells[r]?.push(cell);
    });
    return { name, type: 'C', length, decimals: 0 };
  });
  if (problems.length > 0) return { ok: false, problems };

  const headerLength = 32 + 32 * fields.length + 1;
  const recordLength = 1 + fields.reduce((n, f) => n + f.length, 0);
  const bytes = new Uint8Array(headerLength + recordLength * records.length + 1);
  const view = new DataView(bytes.buffer);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  bytes[0] = 0x03;
  bytes[1] = year - 1900;
  bytes[2] = month;
  bytes[3] = day;
  view.setUint32(4, records.length, true);
  view.setUint16(8, headerLength, true);
  view.setUint16(10, recordLength, true);
  bytes[29] = encoding === 'gbk' ? 0x4d : 0;
  fields.forEach((field, f) => {
    const at = 32 + 32 * f;
    bytes.set(field.name.subarray(0, NAME_BYTES), at);
    bytes[at + 11] = field.type.charCodeAt(0);
    bytes[at + 16] = field.length;
    bytes[at + 17] = field.decimals;
  });
  bytes[headerLength - 1] = 0x0d;
  cells.forEach((row, r) => {
    let at = headerLength + r * recordLength;
    bytes[at++] = 0x20; // not deleted
    for (const cell of row) {
      bytes.set(cell, at);
      at += cell.length;
    }
  });
  bytes[bytes.length - 1] = 0x1a;
  return { ok: true, bytes, renamed, truncated };
}
