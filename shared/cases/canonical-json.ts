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
      // Built by concatenation, not map and join: the record of a reset hashes tens of thousands of
      // events, and the intermediate arrays were most of its cost.
      if (Array.isArray(value)) {
        const items: readonly unknown[] = value;
        let text = '[';
        for (let i = 0; i < items.length; i += 1) {
          const item = items[i];
          text += (i === 0 ? '' : ',') + (item === undefined ? 'null' : canonicalJson(item));
        }
        return `${text}]`;
      }
      const record = value as Record<string, unknown>;
      let text = '{';
      for (const key of Object.keys(record).sort()) {
        const item = record[key];
        if (item === undefined) continue;
        text += `${text.length === 1 ? '' : ','}${JSON.stringify(key)}:${canonicalJson(item)}`;
      }
      return `${text}}`;
    }
    default:
      throw new TypeError(`canonicalJson: ${typeof value} has no JSON form`);
  }
}
