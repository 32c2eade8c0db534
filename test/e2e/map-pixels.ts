/** What the map canvas shows, read from its pixels (the map keeps its drawing buffer: controller.ts). */
import type { Page } from 'playwright-core';
import { mapIdle } from './driver';

/**
 * How near a pixel must be to the colour sought: within `channel[i]` on each channel, or within `sum`
 * over the three channels' differences.
 */
export type ColourMatch = { readonly channel: readonly [number, number, number] } | { readonly sum: number };

/**
 * The share of the map's pixels (every 4th) that match `rgb` (through the township's translucent fills;
 * by default each channel within 75), once the map is idle.
 */
export async function colourShare(
  page: Page,
  rgb: readonly [number, number, number],
  match: ColourMatch = { channel: [75, 75, 75] },
): Promise<number> {
  await mapIdle(page);
  return page.evaluate(
    ({ rgb, match }) => {
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
        const d = [0, 1, 2].map((c) => Math.abs((data[i + c] as number) - (rgb[c] as number)));
        const near =
          'sum' in match
            ? (d[0] as number) + (d[1] as number) + (d[2] as number) <= match.sum
            : d.every((v, c) => v <= (match.channel[c] as number));
        if (near) hits += 1;
      }
      return hits / (data.length / 16);
    },
    { rgb, match },
  );
}
