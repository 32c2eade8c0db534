/** What the map canvas shows, read from its pixels (the map keeps its drawing buffer: controller.ts). */
import type { Page } from 'playwright-core';
import { mapIdle } from './driver';

/**
 * The share of the map's pixels (every 4th) near `rgb` (each channel within `tolerance`, through the
 * township's translucent fills), once the map is idle.
 */
export async function colourShare(
  page: Page,
  rgb: readonly [number, number, number],
  tolerance = 75,
): Promise<number> {
  await mapIdle(page);
  return page.evaluate(
    ({ rgb, tolerance }) => {
      interface Canvas {
        width: number;
        height: number;
        getContext(kind: '2d'): {
          drawImage(source: Canvas, x: number, y: number): void;
          getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
        } | null;
      }
      const doc = (
        globalThis as unknown as {
          document: { querySelector(s: string): Canvas | null; createElement(tag: 'canvas'): Canvas };
        }
      ).document;
      const map = doc.querySelector('[data-testid="map"] canvas');
      if (map === null) return 0;
      const copy = doc.createElement('canvas');
      copy.width = map.width;
      copy.height = map.height;
      const ctx = copy.getContext('2d');
      if (ctx === null) return 0;
      ctx.drawImage(map, 0, 0);
      const { data } = ctx.getImageData(0, 0, copy.width, copy.height);
      let hits = 0;
      for (let i = 0; i < data.length; i += 16) {
        if (
          Math.abs((data[i] as number) - rgb[0]) <= tolerance &&
          Math.abs((data[i + 1] as number) - rgb[1]) <= tolerance &&
          Math.abs((data[i + 2] as number) - rgb[2]) <= tolerance
        )
          hits += 1;
      }
      return hits / (data.length / 16);
    },
    { rgb, tolerance },
  );
}
