/**
 * Size limits for case attachments and the checks that need no file contents. Pure: tested in Node.
 * Sizes are bytes; messages show them in MB (1 MB = 1024 × 1024 bytes, as Windows Explorer shows them).
 */
import { allowedTypeFor, extensionOf, sniffFormat, type AllowedType } from './formats';

const MB = 1024 * 1024;

export interface AttachmentLimits {
  /** Largest single file, bytes. */
  readonly maxFileBytes: number;
  /** Largest total of all attachments of one case, bytes. */
  readonly maxCaseBytes: number;
}

/** 20 MB a file, 100 MB a case: a phone video clip fits, a whole camera card does not. */
export const DEFAULT_ATTACHMENT_LIMITS: AttachmentLimits = { maxFileBytes: 20 * MB, maxCaseBytes: 100 * MB };

export type AttachmentRefusalKey =
  | 'attachment.empty'
  | 'attachment.tooLarge'
  | 'attachment.caseFull'
  | 'attachment.typeNotAllowed'
  | 'attachment.contentMismatch'
  | 'attachment.unreadable';

/** Why a file was not attached, as an i18n key; params always include the file `name`. */
export interface AttachmentRefusal {
  readonly key: AttachmentRefusalKey;
  readonly params: Readonly<Record<string, string | number>>;
}

/** Megabytes with one decimal, for messages. */
export function megabytes(bytes: number): number {
  return Math.round((bytes / MB) * 10) / 10;
}

/**
 * A file name safe to store and show: NFC, no path parts, no control characters, at most 120
 * characters (the extension is kept when shortening). An empty result becomes `附件`.
 */
export function cleanFileName(name: string): string {
  let clean = [...name.normalize('NFC').replace(/^.*[/\\]/, '')]
    .filter((c) => {
      const code = c.codePointAt(0) ?? 0;
      return code >= 0x20 && code !== 0x7f;
    })
    .join('')
    .trim();
  const chars = [...clean];
  if (chars.length > 120) {
    const ext = extensionOf(clean);
    const keep = ext === '' ? 120 : 120 - ext.length - 1;
    clean = chars.slice(0, keep).join('') + (ext === '' ? '' : `.${ext}`);
  }
  return clean === '' ? '附件' : clean;
}

/**
 * The checks on name and size alone, in the order a user can act on them: allowed type, empty,
 * too large, case full. `caseBytesUsed` is the total size of the case's attachments already stored.
 */
export function checkNameAndSize(
  name: string,
  size: number,
  caseBytesUsed: number,
  limits: AttachmentLimits = DEFAULT_ATTACHMENT_LIMITS,
):
  | { readonly ok: true; readonly type: AllowedType }
  | { readonly ok: false; readonly refusal: AttachmentRefusal } {
  const ext = extensionOf(name);
  const type = allowedTypeFor(ext);
  if (type === undefined)
    return { ok: false, refusal: { key: 'attachment.typeNotAllowed', params: { name, ext } } };
  if (size <= 0) return { ok: false, refusal: { key: 'attachment.empty', params: { name } } };
  if (size > limits.maxFileBytes) {
    return {
      ok: false,
      refusal: {
        key: 'attachment.tooLarge',
        params: { name, sizeMb: megabytes(size), maxMb: megabytes(limits.maxFileBytes) },
      },
    };
  }
  if (caseBytesUsed + size > limits.maxCaseBytes) {
    return {
      ok: false,
      refusal: {
        key: 'attachment.caseFull',
        params: {
          name,
          usedMb: megabytes(caseBytesUsed),
          maxMb: megabytes(limits.maxCaseBytes),
          freeMb: megabytes(Math.max(0, limits.maxCaseBytes - caseBytesUsed)),
        },
      },
    };
  }
  return { ok: true, type };
}

/**
 * Whether the leading bytes agree with the type the extension claims: a `.jpg` must start like a
 * JPEG, a `.docx` must be a Word (not Excel) package, a `.txt` must not be binary.
 */
export function checkContent(name: string, type: AllowedType, head: Uint8Array): AttachmentRefusal | null {
  const format = sniffFormat(head);
  if (format !== null && type.formats.includes(format)) return null;
  return { key: 'attachment.contentMismatch', params: { name, ext: extensionOf(name) } };
}
