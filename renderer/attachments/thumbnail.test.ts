import { describe, expect, it } from 'vitest';
import { THUMBNAIL_MAX_SIDE, thumbnailSize } from './thumbnail';

// Decoding and drawing need a browser (createImageBitmap, canvas): the end-to-end tests cover them.
describe('thumbnailSize', () => {
  it('fits the long side to 240 px and keeps the aspect ratio', () => {
    expect(THUMBNAIL_MAX_SIDE).toBe(240);
    expect(thumbnailSize(4032, 3024)).toEqual([240, 180]);
    expect(thumbnailSize(3024, 4032)).toEqual([180, 240]);
  });

  it('never enlarges a small image and never gives a zero side', () => {
    expect(thumbnailSize(100, 50)).toEqual([100, 50]);
    expect(thumbnailSize(10000, 1)).toEqual([240, 1]);
  });
});
