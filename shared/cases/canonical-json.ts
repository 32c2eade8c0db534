/**
 * Canonical JSON for hashing the case record: object keys sorted recursively (by UTF-16 code units, as
 * `Array.prototype.sort` does and RFC 8785 prescribes), no whitespace, numbers and strings as
 * `JSON.stringify` prints them. Two values that are equal as data give the same text whatever the
 * order their keys were written in.
 */

/** Values canonicalJson accepts: what survives a JSON or IndexedDB round trip. */
export type JsonValue =
  null | boolean | number | string | readonly JsonValue[] | { readonly [key: string]: JsonValue | undefined };

/**
 * The canonical text of a JSON value. Object properties whose value is `undefined` are left out (as
 * `JSON.stringify` does), `undefined` in arrays becomes `null`. Throws a TypeError for values that have
 * no JSON form (NaN, ±Infinity, bigint, functions, symbols): they are programming errors, not input.
 */
export function canonicalJson(value: unknown): string {
  if (value === null) return 'null';
  switch (typeof value) {
    case 'boolean':
      return value ? 'true' : 'false';
    case 'string':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonicalJson: non-finite number ${String(value)}`);
      return JSON.stringify(value);
    case 'object': {
      if (Array.isArray(value)) {
        const items: unknown[] = value;
        return `[${items.map((item) => (item === undefined ? 'null' : canonicalJson(item))).join(',')}]`;
      }
      const record = value as Record<string, unknown>;
      const keys = Object.keys(record)
        .filter((key) => record[key] !== undefined)
        .sort();
      return `{${keys.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key])}`).join(',')}}`;
    }
    default:
      throw new TypeError(`canonicalJson: ${typeof value} has no JSON form`);
  }
}
