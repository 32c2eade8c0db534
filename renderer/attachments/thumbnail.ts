/**
 * Thumbnails of image attachments for the case panel: JPEG, at most 240 px on the long side. Browser
 * only (createImageBitmap, OffscreenCanvas or a canvas element); covered by the end-to-end tests.
 */

/** Long side of a thumbnail, CSS pixels. */
export const THUMBNAIL_MAX_SIDE = 240;
/** JPEG quality of thumbnails, 0–1. */
export const THUMBNAIL_QUALITY = 0.8;

export interface ThumbnailResult {
  readonly thumbnail: Blob | null;
  /** Pixel size of the original image (after EXIF orientation); absent when it could not be decoded. */
  readonly width?: number;
  readonly height?: number;
}

/** Makes a thumbnail of an image; `thumbnail` null (and no size) when the image cannot be decoded. */
export type Thumbnailer = (image: Blob) => Promise<ThumbnailResult>;

/** Width and height of a thumbnail for an image of `width` × `height`: never upscaled, never 0. */
export function thumbnailSize(width: number, height: number, maxSide = THUMBNAIL_MAX_SIDE): [number, number] {
  const scale = Math.min(1, maxSide / Math.max(width, height, 1));
  return [Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale))];
}

type Canvas2D = OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;

async function drawToJpeg(bitmap: ImageBitmap, width: number, height: number): Promise<Blob | null> {
  const paint = (ctx: Canvas2D): void => {
    // JPEG has no alpha: transparent PNG/GIF/WebP pixels would turn black without a background.
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.imageSmoothingQuality = 'high';
    ctx.drawImage(bitmap, 0, 0, width, height);
  };
  if (typeof OffscreenCanvas !== 'undefined') {
    const canvas = new OffscreenCanvas(width, height);
    const ctx = canvas.getContext('2d');
    if (ctx !== null) {
      paint(ctx);
      return canvas.convertToBlob({ type: 'image/jpeg', quality: THUMBNAIL_QUALITY });
    }
  }
  if (typeof document === 'undefined') return null;
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (ctx === null) return null;
  paint(ctx);
  return new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', THUMBNAIL_QUALITY));
}

/**
 * Decodes an image and draws it scaled into a JPEG of at most {@link THUMBNAIL_MAX_SIDE} px on the
 * long side, honouring EXIF orientation. An image the browser cannot decode (damaged, or a format it
 * lacks) gets no thumbnail instead of an error: the original is still worth keeping as evidence.
 */
export const createThumbnail: Thumbnailer = async (image) => {
  if (typeof createImageBitmap === 'undefined') return { thumbnail: null };
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(image, { imageOrientation: 'from-image' });
  } catch {
    return { thumbnail: null };
  }
  try {
    const { width, height } = bitmap;
    const [w, h] = thumbnailSize(width, height);
    let thumbnail: Blob | null = null;
    try {
      thumbnail = await drawToJpeg(bitmap, w, h);
    } catch {
      thumbnail = null;
    }
    return { thumbnail, width, height };
  } finally {
    bitmap.close();
  }
};
