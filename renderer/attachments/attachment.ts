/** A photo or file attached to a case (stored as Blobs, with a JPEG thumbnail for images). */
export interface AttachmentRow {
  readonly id: string;
  readonly caseId: string;
  readonly name: string;
  readonly type: string;
  /** Bytes. */
  readonly size: number;
  readonly blob: Blob;
  readonly thumbnail: Blob | null;
  /** Epoch milliseconds. */
  readonly addedAt: number;
  /** Account id. */
  readonly addedBy: string;
}
