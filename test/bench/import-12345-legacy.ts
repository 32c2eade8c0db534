// The CSV parser as it was before it streamed (char by char, whole text): the import-12345 bench's
// baseline, kept verbatim so the old path is measured, not a re-creation of it.
import type { CsvDelimiter } from '../../shared/import/csv';

export function legacyParseCsv(text: string, delimiter: CsvDelimiter): string[][] {
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
