/**
 * Turning a file the user dropped or picked into an attachment ready to store with a case (the lead's
 * Dexie repository stores `blob` and `thumbnail` as Blobs). Checks run cheapest first: name and size,
 * then the first 64 KB of content, then (images only) the thumbnail.
 */
import { SNIFF_BYTES, type AttachmentKind } from './formats';
import {
  checkContent,
  checkNameAndSize,
  cleanFileName,
  DEFAULT_ATTACHMENT_LIMITS,
  type AttachmentLimits,
  type AttachmentRefusal,
} from './limits';
import { createThumbnail, type Thumbnailer } from './thumbnail';

export interface PreparedAttachment {
  /** Cleaned file name as the user will see it. */
  readonly name: string;
  /** MIME type from the allowed-type table (not the browser's guess). */
  readonly type: string;
  readonly kind: AttachmentKind;
  /** Bytes. */
  readonly size: number;
  /** The file's content, typed with {@link type}. */
  readonly blob: Blob;
  /** JPEG ≤ 240 px for images; null for other kinds or an image that could not be decoded. */
  readonly thumbnail: Blob | null;
  /** Image pixel size, when decoded. */
  readonly width?: number;
  readonly height?: number;
}

export type PrepareResult =
  | { readonly ok: true; readonly attachment: PreparedAttachment }
  | { readonly ok: false; readonly refusal: AttachmentRefusal };

export interface PrepareOptions {
  /** Defaults to {@link DEFAULT_ATTACHMENT_LIMITS}; either field may be overridden. */
  readonly limits?: Partial<AttachmentLimits>;
  /** Total bytes of the case's attachments already stored. */
  readonly caseBytesUsed?: number;
  /** Thumbnail maker; the browser one by default. */
  readonly thumbnailer?: Thumbnailer;
}

/**
 * Checks one file and prepares it for storage, or says why not (an i18n key with the file name).
 * Refused: a type not on the list, an empty file, one over the per-file limit, one that would take
 * the case over its total, and one whose bytes are not what its extension claims.
 */
export async function prepareAttachment(file: File, options: PrepareOptions = {}): Promise<PrepareResult> {
  const limits: AttachmentLimits = { ...DEFAULT_ATTACHMENT_LIMITS, ...options.limits };
  const name = cleanFileName(file.name);
  const checked = checkNameAndSize(name, file.size, options.caseBytesUsed ?? 0, limits);
  if (!checked.ok) return checked;
  const { type } = checked;
  let head: Uint8Array;
  try {
    head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  } catch {
    return { ok: false, refusal: { key: 'attachment.unreadable', params: { name } } };
  }
  const mismatch = checkContent(name, type, head);
  if (mismatch !== null) return { ok: false, refusal: mismatch };
  const blob = file.slice(0, file.size, type.mime);
  let attachment: PreparedAttachment = {
    name,
    type: type.mime,
    kind: type.kind,
    size: file.size,
    blob,
    thumbnail: null,
  };
  if (type.kind === 'image') {
    const thumb = await (options.thumbnailer ?? createThumbnail)(blob);
    attachment = { ...attachment, ...thumb };
  }
  return { ok: true, attachment };
}

/**
 * Prepares several files for one case in order, counting each accepted file towards the case total,
 * so a drop of six 20 MB videos accepts what fits and refuses the rest by name.
 */
export async function prepareAttachments(
  files: readonly File[],
  options: PrepareOptions = {},
): Promise<readonly PrepareResult[]> {
  let used = options.caseBytesUsed ?? 0;
  const results: PrepareResult[] = [];
  for (const file of files) {
    const result = await prepareAttachment(file, { ...options, caseBytesUsed: used });
    if (result.ok) used += result.attachment.size;
    results.push(result);
  }
  return results;
}
