/**
 * A small RFC 4180 CSV reader: quoted fields, doubled quotes inside quotes, CRLF or LF line ends,
 * line breaks inside quoted fields, and a trailing line break. The delimiter (comma, tab or semicolon)
 * is detected from the first record unless given.
 */

export const CSV_DELIMITERS = [',', '\t', ';'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

/**
 * Picks the delimiter that occurs most often outside quotes in the first record (the header).
 * Ties and a header with none of them fall back to the comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const counts = new Map<CsvDelimiter, number>(CSV_DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && (ch === ',' || ch === '\t' || ch === ';')) counts.set(ch, (counts.get(ch) ?? 0) + 1);
  }
  let best: CsvDelimiter = ',';
  for (const d of CSV_DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d;
  return best;
}

/**
 * Parses CSV text into records of fields. A leading BOM is ignored. Lenient where Excel is: a quote in
 * the middle of an unquoted field is kept as a character, and text after a closing quote is appended.
 * An unterminated quoted field runs to the end of the text.
 * A line break at the very end does not make an extra empty record; blank lines elsewhere become
 * records with one empty field (callers skip them but keep counting, so row numbers match Excel).
 */
export function parseCsv(text: string, delimiter: CsvDelimiter = detectDelimiter(text)): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  let k = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const n = text.length;
  let atFieldStart = true;
  while (k < n) {
    const ch = text[k] as string;
    if (quoted) {
      if (ch === '"') {
        if (text[k + 1] === '"') {
          field += '"';
          k += 2;
          continue;
        }
        quoted = false;
        k++;
        continue;
      }
      field += ch;
      k++;
      continue;
    }
    if (ch === '"' && atFieldStart) {
      quoted = true;
      atFieldStart = false;
      k++;
      continue;
    }
    if (ch === delimiter) {
      record.push(field);
      field = '';
      atFieldStart = true;
      k++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      atFieldStart = true;
      k += ch === '\r' && text[k + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    atFieldStart = false;
    k++;
  }
  if (!atFieldStart || field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}
