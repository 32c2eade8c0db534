/**
 * Which files may be attached to a case, and how to tell what a file really is from its first bytes
 * (magic numbers), so a renamed executable or a `.jpg` that is not a JPEG is refused. Pure: runs in
 * Node for tests as well as in the browser.
 */

/** What the UI shows and how a stored attachment is opened. */
export type AttachmentKind = 'image' | 'pdf' | 'video' | 'document' | 'spreadsheet' | 'text';

/** Content formats recognised from bytes. `cfb` is the OLE2 container of .doc/.xls; `zip` a bare ZIP. */
export type SniffedFormat =
  'jpeg' | 'png' | 'gif' | 'webp' | 'pdf' | 'mp4' | 'cfb' | 'docx' | 'xlsx' | 'ooxml' | 'zip' | 'text';

export interface AllowedType {
  /** Lower-case extensions without the dot. */
  readonly extensions: readonly string[];
  /** MIME type the stored Blob gets, whatever the browser guessed. */
  readonly mime: string;
  readonly kind: AttachmentKind;
  /** Sniffed formats this extension accepts. */
  readonly formats: readonly SniffedFormat[];
}

/** The allowed attachment types: photos, PDF, MP4 video, Word/Excel (old and new), plain text. */
export const ALLOWED_TYPES: readonly AllowedType[] = [
  { extensions: ['jpg', 'jpeg', 'jfif'], mime: 'image/jpeg', kind: 'image', formats: ['jpeg'] },
  { extensions: ['png'], mime: 'image/png', kind: 'image', formats: ['png'] },
  { extensions: ['webp'], mime: 'image/webp', kind: 'image', formats: ['webp'] },
  { extensions: ['gif'], mime: 'image/gif', kind: 'image', formats: ['gif'] },
  { extensions: ['pdf'], mime: 'application/pdf', kind: 'pdf', formats: ['pdf'] },
  { extensions: ['mp4', 'm4v'], mime: 'video/mp4', kind: 'video', formats: ['mp4'] },
  { extensions: ['doc'], mime: 'application/msword', kind: 'document', formats: ['cfb'] },
  {
    extensions: ['docx'],
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    kind: 'document',
    formats: ['docx', 'ooxml'],
  },
  { extensions: ['xls'], mime: 'application/vnd.ms-excel', kind: 'spreadsheet', formats: ['cfb'] },
  {
    extensions: ['xlsx'],
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    kind: 'spreadsheet',
    formats: ['xlsx', 'ooxml'],
  },
  { extensions: ['txt'], mime: 'text/plain', kind: 'text', formats: ['text'] },
];

/** How many leading bytes {@link sniffFormat} needs to see; reading more is harmless. */
export const SNIFF_BYTES = 64 * 1024;

/** The lower-case extension of a file name without the dot; '' when there is none. */
export function extensionOf(name: string): string {
  const base = name.slice(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot + 1).toLowerCase();
}

/** The allowed type for an extension, or undefined when that extension may not be attached. */
export function allowedTypeFor(extension: string): AllowedType | undefined {
  return ALLOWED_TYPES.find((t) => t.extensions.includes(extension));
}

function startsWith(bytes: Uint8Array, magic: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + magic.length) return false;
  return magic.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** Index of an ASCII marker in the bytes, or -1. */
function indexOfAscii(bytes: Uint8Array, marker: string, limit = bytes.length): number {
  const m = ascii(marker);
  const end = Math.min(limit, bytes.length) - m.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let k = 0; k < m.length; k++) if (bytes[i + k] !== m[k]) continue outer;
    return i;
  }
  return -1;
}

/**
 * Office Open XML is a ZIP whose member names are stored uncompressed in each local header; Word
 * puts its parts under `word/`, Excel under `xl/`. A ZIP naming `[Content_Types].xml` but neither
 * part within the bytes seen is still OOXML of unknown flavour.
 */
function zipFlavour(bytes: Uint8Array): SniffedFormat {
  const word = indexOfAscii(bytes, 'word/') >= 0;
  const sheet = indexOfAscii(bytes, 'xl/') >= 0;
  if (word && !sheet) return 'docx';
  if (sheet && !word) return 'xlsx';
  if (indexOfAscii(bytes, '[Content_Types].xml') >= 0) return 'ooxml';
  return 'zip';
}

/** Decodes strictly with an encoding; false when the bytes are not valid in it (or it is unsupported). */
function decodes(bytes: Uint8Array, encoding: string): boolean {
  try {
    // `stream: true` tolerates a character cut in two at the end of the bytes read.
    new TextDecoder(encoding, { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * Plain text: a UTF-16 byte-order mark; or no control bytes other than tab, line breaks, form feed
 * and escape, and valid UTF-8 or GB18030 (what Chinese Windows Notepad writes).
 */
function looksLikeText(bytes: Uint8Array): boolean {
  if (startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff])) return true;
  for (const b of bytes) {
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d && b !== 0x1b) || b === 0x7f)
      return false;
  }
  return decodes(bytes, 'utf-8') || decodes(bytes, 'gb18030');
}

/**
 * What a file's leading bytes say it is, independent of its name; null when it is none of the
 * formats GridDesk accepts. Pass at least the first {@link SNIFF_BYTES} bytes (or the whole file if
 * smaller). An empty input is not text: it is null.
 */
export function sniffFormat(bytes: Uint8Array): SniffedFormat | null {
  if (bytes.length === 0) return null;
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'webp';
  // ISO base media (MP4): a box size, then the 'ftyp' box type at offset 4.
  if (startsWith(bytes, ascii('ftyp'), 4)) return 'mp4';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'cfb';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipFlavour(bytes);
  // Readers accept the PDF header anywhere in the first 1024 bytes (ISO 32000 implementation note).
  if (indexOfAscii(bytes, '%PDF-', 1024) >= 0) return 'pdf';
  if (looksLikeText(bytes)) return 'text';
  return null;
}
