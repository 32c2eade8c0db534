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
 * Reads CSV text that arrives in pieces (a file streamed through a TextDecoder) into records, one at a
 * time, with exactly the rules of {@link parseCsv}: quoted fields, doubled quotes, CRLF or LF, line
 * breaks inside quotes, Excel's leniency about stray quotes. A piece may end anywhere, even between
 * the two characters of a CRLF or of a doubled quote. The delimiter is detected from the first record
 * unless given, so nothing is emitted before the header's line break has arrived.
 */
export class CsvRecordReader {
  private delimiter: number | null;
  private pending = '';
  private started = false;
  private record: string[] = [];
  private field = '';
  private quoted = false;
  private atFieldStart = true;
  /** A CR ended the previous piece: a LF starting the next one belongs to it. */
  private skipLf = false;

  constructor(delimiter?: CsvDelimiter) {
    this.delimiter = delimiter === undefined ? null : delimiter.charCodeAt(0);
  }

  /** Feeds the next piece of text; `onRecord` gets every record completed by it. */
  push(text: string, onRecord: (fields: string[]) => void): void {
    if (this.delimiter === null) {
      this.pending += text;
      if (!hasRecordEnd(this.pending)) return;
      text = this.pending;
      this.pending = '';
      this.delimiter = detectDelimiter(text.replace(/^\uFEFF/, '')).charCodeAt(0);
    }
    this.scan(text, onRecord);
  }

  /** Ends the text: the last record, if the text did not end with a line break. */
  end(onRecord: (fields: string[]) => void): void {
    if (this.delimiter === null) {
      const text = this.pending;
      this.pending = '';
      this.delimiter = detectDelimiter(text.replace(/^\uFEFF/, '')).charCodeAt(0);
      this.scan(text, onRecord);
    }
    if (this.pending === '"') {
      // A quote that ended the last piece inside a quoted field closes it.
      this.pending = '';
      this.quoted = false;
    }
    if (!this.atFieldStart || this.field !== '' || this.record.length > 0) {
      this.record.push(this.field);
      onRecord(this.record);
    }
    this.record = [];
    this.field = '';
    this.atFieldStart = true;
  }

  private scan(piece: string, onRecord: (fields: string[]) => void): void {
    const text = this.pending + piece;
    this.pending = '';
    const delimiter = this.delimiter as number;
    const n = text.length;
    let k = 0;
    if (!this.started && n > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) k = 1;
    }
    if (this.skipLf && k < n) {
      this.skipLf = false;
      if (text.charCodeAt(k) === 10) k++;
    }
    while (k < n) {
      if (this.quoted) {
        const q = text.indexOf('"', k);
        if (q < 0) {
          this.field += text.slice(k);
          return;
        }
        this.field += text.slice(k, q);
        if (q + 1 === n) {
          this.pending = '"';
          return;
        }
        if (text.charCodeAt(q + 1) === 34) {
          this.field += '"';
          k = q + 2;
        } else {
          this.quoted = false;
          k = q + 1;
        }
        continue;
      }
      if (this.atFieldStart && text.charCodeAt(k) === 34) {
        this.quoted = true;
        this.atFieldStart = false;
        k++;
        continue;
      }
      let j = k;
      let c = 0;
      while (j < n) {
        c = text.charCodeAt(j);
        if (c === delimiter || c === 13 || c === 10) break;
        j++;
      }
      if (j > k) {
        this.field += text.slice(k, j);
        this.atFieldStart = false;
      }
      if (j === n) return;
      this.record.push(this.field);
      this.field = '';
      this.atFieldStart = true;
      if (c === delimiter) {
        k = j + 1;
        continue;
      }
      onRecord(this.record);
      this.record = [];
      if (c === 13) {
        if (j + 1 === n) {
          this.skipLf = true;
          return;
        }
        k = text.charCodeAt(j + 1) === 10 ? j + 2 : j + 1;
      } else k = j + 1;
    }
  }
}

/** Whether the text holds a line break outside quotes (the header record is complete). */
function hasRecordEnd(text: string): boolean {
  let quoted = false;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 34) quoted = !quoted;
    else if (!quoted && (c === 10 || c === 13)) return true;
  }
  return false;
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
  const reader = new CsvRecordReader(delimiter);
  const take = (fields: string[]): void => {
    records.push(fields);
  };
  reader.push(text, take);
  reader.end(take);
  return records;
}
