export {
  ALLOWED_TYPES,
  SNIFF_BYTES,
  allowedTypeFor,
  extensionOf,
  sniffFormat,
  type AllowedType,
  type AttachmentKind,
  type SniffedFormat,
} from './formats';
export {
  DEFAULT_ATTACHMENT_LIMITS,
  checkContent,
  checkNameAndSize,
  cleanFileName,
  megabytes,
  type AttachmentLimits,
  type AttachmentRefusal,
  type AttachmentRefusalKey,
} from './limits';
export {
  prepareAttachment,
  prepareAttachments,
  type PrepareOptions,
  type PrepareResult,
  type PreparedAttachment,
} from './prepare';
export {
  THUMBNAIL_MAX_SIDE,
  THUMBNAIL_QUALITY,
  createThumbnail,
  thumbnailSize,
  type ThumbnailResult,
  type Thumbnailer,
} from './thumbnail';
export type { AttachmentRow } from './attachment';
