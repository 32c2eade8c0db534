/**
 * The ZIP side of reading an XLSX workbook: what a workbook may hold and how big, checked by the ZIP
 * guard before anything is inflated. Only the parts the reader needs are ever inflated (the workbook,
 * its relationships, shared strings, styles and worksheets); the other parts a workbook carries
 * (content types, document properties, themes, images, drawings, printer settings, custom XML) are
 * left compressed; any other name refuses the file.
 */
import { readCentralDirectory } from '../zip/directory';
import {
  checkArchiveSize,
  openGuardedZip,
  type ZipEntryRule,
  type ZipPolicy,
  type ZipRefusal,
} from '../zip/guard';

const MiB = 1024 * 1024;

/** The XLSX limits: the file, each part, all parts read, and the number of parts. Sizes are bytes. */
export const XLSX_LIMITS = {
  maxFileBytes: 100 * MiB,
  maxPartBytes: 256 * MiB,
  maxTotalBytes: 512 * MiB,
  maxParts: 10_000,
} as const;

const NEEDED = new Set([
  'xl/workbook.xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
]);
const OTHER_PARTS = /^(\[Content_Types\]\.xml|_rels\/[^/]+|docProps\/.+|customXml\/.+|xl\/.+)$/;

/** Whether an XLSX part is read, skipped or refuses the file. Exported for the tests. */
export function xlsxPartRule(name: string): ZipEntryRule {
  if (name.startsWith('/') || name.includes('\\') || name.split('/').includes('..'))
    return { kind: 'refuse' };
  if (NEEDED.has(name) || /^xl\/worksheets\/[^/]+\.xml$/.test(name)) {
    return { kind: 'read', maxBytes: XLSX_LIMITS.maxPartBytes };
  }
  if (OTHER_PARTS.test(name) || name.endsWith('/')) return { kind: 'skip' };
  return { kind: 'refuse' };
}

export const XLSX_POLICY: ZipPolicy = {
  maxArchiveBytes: XLSX_LIMITS.maxFileBytes,
  maxEntries: XLSX_LIMITS.maxParts,
  maxTotalBytes: XLSX_LIMITS.maxTotalBytes,
  rule: xlsxPartRule,
};

/** The parts of an opened workbook: `text` is a part's UTF-8 text, null when absent, or a refusal. */
export interface XlsxParts {
  has(path: string): boolean;
  text(path: string, onProgress?: (done: number, total: number) => void): string | null | ZipRefusal;
}

/**
 * Opens a workbook through the guard: `import.notXlsx` when the bytes are no ZIP or hold no
 * `xl/workbook.xml` (checked before the whitelist, so a .docx reads as "not a workbook"), else the
 * guard's refusal or the parts.
 */
export function openWorkbookZip(
  bytes: Uint8Array,
  fileName: string,
):
  | { readonly ok: true; readonly parts: XlsxParts }
  | { readonly ok: false; readonly key: 'import.notXlsx' }
  | ({ readonly ok: false } & ZipRefusal) {
  const tooBig = checkArchiveSize(bytes.length, fileName, XLSX_POLICY);
  if (tooBig !== null) return { ok: false, ...tooBig };
  const directory = readCentralDirectory(bytes, XLSX_LIMITS.maxParts);
  if (!directory.ok && directory.reason === 'notZip') return { ok: false, key: 'import.notXlsx' };
  if (directory.ok && !directory.entries.some((e) => e.name === 'xl/workbook.xml')) {
    return { ok: false, key: 'import.notXlsx' };
  }
  const opened = openGuardedZip(bytes, fileName, XLSX_POLICY);
  if (!opened.ok) return { ok: false, ...opened.refusal };
  const { zip } = opened;
  const decoder = new TextDecoder('utf-8');
  let done = 0;
  return {
    ok: true,
    parts: {
      has: (path) => zip.has(path),
      text(path, onProgress) {
        if (!zip.has(path)) return null;
        const before = done;
        const read = zip.read(path, (n) => onProgress?.(before + n, zip.declaredTotal));
        if (!read.ok) return read.refusal;
        done += read.bytes.length;
        return decoder.decode(read.bytes);
      },
    },
  };
}
