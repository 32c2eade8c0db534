/**
 * Just enough XML reading for the parts of an XLSX file: a pull scanner over tags and text. There is no
 * DOMParser in shared/, and the SpreadsheetML we read is machine-written, so this skips what those files
 * never need (DTDs, entity declarations) and handles what they do: attributes in either quote, the five
 * named entities and numeric character references, CDATA, comments, processing instructions, and
 * namespace prefixes (`<x:c>` as some writers emit it is reported as `c`).
 */

export type XmlToken =
  | {
      readonly kind: 'open' | 'empty';
      /** Local name, prefix removed. */
      readonly name: string;
      readonly attrs: Readonly<Record<string, string>>;
    }
  | { readonly kind: 'close'; readonly name: string }
  | { readonly kind: 'text'; readonly text: string };

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

/** Replaces `&amp; &lt; &gt; &quot; &apos; &#NNN; &#xHH;`; an unknown or broken reference stays as written. */
export function decodeXmlEntities(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, body: string) => {
    if (body.startsWith('#')) {
      const code =
        body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[body] ?? whole;
  });
}

function localName(qualified: string): string {
  const colon = qualified.indexOf(':');
  return colon < 0 ? qualified : qualified.slice(colon + 1);
}

/** Parses `a="1" b='x &amp; y'` into a record; attribute names keep their prefix (`r:id`). */
function parseAttributes(source: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const pattern = /([^\s=/]+)\s*=\s*("([^"]*)"|'([^']*)')/g;
  for (let m = pattern.exec(source); m !== null; m = pattern.exec(source)) {
    attrs[m[1] as string] = decodeXmlEntities(m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Finds the `>` that ends a tag starting at `from`, skipping `>` inside quoted attribute values. */
function tagEnd(xml: string, from: number): number {
  let quote = '';
  for (let k = from; k < xml.length; k++) {
    const ch = xml[k];
    if (quote !== '') {
      if (ch === quote) quote = '';
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === '>') return k;
  }
  return -1;
}

/** Yields the tags and text of an XML document in order. Malformed trailing input ends the scan. */
export function* scanXml(xml: string): Generator<XmlToken> {
  let k = 0;
  const n = xml.length;
  while (k < n) {
    const lt = xml.indexOf('<', k);
    const textEnd = lt < 0 ? n : lt;
    if (textEnd > k) yield { kind: 'text', text: decodeXmlEntities(xml.slice(k, textEnd)) };
    if (lt < 0) return;
    if (xml.startsWith('<!--', lt)) {
      const end = xml.indexOf('-->', lt + 4);
      if (end < 0) return;
      k = end + 3;
      continue;
    }
    if (xml.startsWith('<![CDATA[', lt)) {
      const end = xml.indexOf(']]>', lt + 9);
      if (end < 0) return;
      yield { kind: 'text', text: xml.slice(lt + 9, end) };
      k = end + 3;
      continue;
    }
    if (xml[lt + 1] === '?' || xml[lt + 1] === '!') {
      const end = xml.indexOf('>', lt + 2);
      if (end < 0) return;
      k = end + 1;
      continue;
    }
    const end = tagEnd(xml, lt + 1);
    if (end < 0) return;
    const inner = xml.slice(lt + 1, end);
    k = end + 1;
    if (inner.startsWith('/')) {
      yield { kind: 'close', name: localName(inner.slice(1).trim()) };
      continue;
    }
    const selfClosing = inner.endsWith('/');
    const body = selfClosing ? inner.slice(0, -1) : inner;
    const nameMatch = /^[^\s/>]+/.exec(body);
    if (nameMatch === null) continue;
    const name = localName(nameMatch[0]);
    const attrs = parseAttributes(body.slice(nameMatch[0].length));
    yield { kind: selfClosing ? 'empty' : 'open', name, attrs };
  }
}
