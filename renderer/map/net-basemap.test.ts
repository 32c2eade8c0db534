import { describe, expect, it } from 'vitest';
import type { RasterLayerSpecification } from 'maplibre-gl';
import { basemapLayers, DEFAULT_BASEMAP_SETTINGS } from '../../shared/tiles/basemaps';
import { netBasemapStyle } from './net-basemap';

const settings = {
  ...DEFAULT_BASEMAP_SETTINGS,
  tiandituKey: 'fedcba9876543210fedcba9876543210',
  custom: { name: '县地图', template: 'http://10.8.0.5/{z}/{x}/{y}.png', subdomains: '', maxZoom: 19 },
};

/** A grey level of a tile pixel (0 black … 1 white) as MapLibre's raster shader draws it under `paint`. */
function drawn(paint: RasterLayerSpecification['paint'], level: number): number {
  const p = (paint ?? {}) as Record<string, number>;
  const contrast = p['raster-contrast'] ?? 0;
  const factor = contrast > 0 ? 1 / (1 - contrast) : 1 + contrast;
  const c = (level - 0.5) * factor + 0.5;
  const low = p['raster-brightness-min'] ?? 0;
  const high = p['raster-brightness-max'] ?? 1;
  return low + c * (high - low);
}

function paintOf(choice: 'tianditu-vec' | 'tianditu-img' | 'custom', dark: boolean) {
  const planned = basemapLayers(choice, settings);
  if (!planned.ok) throw new Error(planned.key);
  return planned.layers.map((l) => (netBasemapStyle(l, dark).layers[0] as RasterLayerSpecification).paint);
}

describe('a network basemap on the dark wall', () => {
  it('turns a street map dark: its light ground near-black, its dark labels light, roads apart from the ground', () => {
    for (const choice of ['tianditu-vec', 'custom'] as const) {
      for (const paint of paintOf(choice, true)) {
        expect(drawn(paint, 0.96), choice).toBeLessThan(0.15); // the map's pale ground
        expect(drawn(paint, 0.1), choice).toBeGreaterThan(0.65); // its dark label text
        // A grey road casing (0.7) stands out from the ground by more than a tenth.
        expect(drawn(paint, 0.7) - drawn(paint, 0.96), choice).toBeGreaterThan(0.1);
        expect(paint?.['raster-hue-rotate'], choice).toBe(180);
      }
    }
  });

  it('dims imagery without turning it into a negative', () => {
    const [imagery] = paintOf('tianditu-img', true);
    expect(drawn(imagery, 1)).toBeLessThan(0.6);
    expect(drawn(imagery, 1)).toBeGreaterThan(drawn(imagery, 0.2));
  });

  it('draws the tiles as they are on the light workstation map', () => {
    for (const paint of [...paintOf('tianditu-vec', false), ...paintOf('custom', false)])
      expect(paint).toEqual({});
  });
});
