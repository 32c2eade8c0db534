import { describe, expect, it } from 'vitest';
import {
  DEFAULT_BASEMAP_SETTINGS,
  basemapDatum,
  basemapLayers,
  basemapSettingsSchema,
  checkBasemapSettings,
} from './basemaps';
import { tileUrl } from './endpoint';

const key = 'fedcba9876543210fedcba9876543210';

describe('the layers of a basemap choice', () => {
  it("draws nothing from the network for the township's own map or none", () => {
    expect(basemapLayers('own', DEFAULT_BASEMAP_SETTINGS)).toEqual({ ok: true, layers: [] });
    expect(basemapLayers('none', DEFAULT_BASEMAP_SETTINGS)).toEqual({ ok: true, layers: [] });
  });

  it('draws 天地图 imagery under its annotation, with the centre key, and needs the key first', () => {
    expect(basemapLayers('tianditu-img', DEFAULT_BASEMAP_SETTINGS)).toEqual({
      ok: false,
      key: 'basemap.choice.noKey',
    });
    const planned = basemapLayers('tianditu-img', { ...DEFAULT_BASEMAP_SETTINGS, tiandituKey: key });
    if (!planned.ok) throw new Error(planned.key);
    expect(planned.layers.map((l) => l.id)).toEqual(['tdt-img', 'tdt-cia']);
    expect(tileUrl(planned.layers[1]!.endpoint, { z: 3, x: 6, y: 3 })).toContain(`cia_w/wmts?`);
    expect(tileUrl(planned.layers[1]!.endpoint, { z: 3, x: 6, y: 3 })).toContain(`&tk=${key}`);
  });

  it("keeps the centre's server's tiles under an id of its template, so a new template starts afresh", () => {
    const custom = {
      name: '县影像',
      template: 'http://10.8.0.5/{z}/{x}/{y}.png',
      subdomains: '',
      maxZoom: 19,
    };
    const a = basemapLayers('custom', { ...DEFAULT_BASEMAP_SETTINGS, custom });
    const b = basemapLayers('custom', {
      ...DEFAULT_BASEMAP_SETTINGS,
      custom: { ...custom, template: 'http://10.8.0.6/{z}/{x}/{y}.png' },
    });
    if (!a.ok || !b.ok) throw new Error('refused');
    expect(a.layers[0]!.id).toMatch(/^custom-[0-9a-z]+$/);
    expect(a.layers[0]!.id).not.toBe(b.layers[0]!.id);
    expect(a.layers[0]!.endpoint.maxZoom).toBe(19);
    expect(basemapLayers('custom', DEFAULT_BASEMAP_SETTINGS)).toEqual({
      ok: false,
      key: 'basemap.choice.noCustom',
    });
  });

  it("draws the centre's server in the datum it is marked with, WGS84 when settings saved before the mark had none", () => {
    const custom = { name: '高德', template: 'http://10.8.0.5/{z}/{x}/{y}.png', subdomains: '', maxZoom: 18 };
    // Settings as stored before the datum existed still parse, and mean WGS84.
    const stored = basemapSettingsSchema.parse({ ...DEFAULT_BASEMAP_SETTINGS, custom });
    const old = basemapLayers('custom', stored);
    if (!old.ok) throw new Error(old.key);
    expect(old.layers[0]!.datum).toBe('wgs84');
    expect(basemapDatum(old.layers)).toBe('wgs84');
    const marked = basemapSettingsSchema.parse({
      ...DEFAULT_BASEMAP_SETTINGS,
      custom: { ...custom, datum: 'gcj02' },
    });
    const gcj = basemapLayers('custom', marked);
    if (!gcj.ok) throw new Error(gcj.key);
    expect(gcj.layers[0]!.datum).toBe('gcj02');
    expect(basemapDatum(gcj.layers)).toBe('gcj02');
    // Baidu's BD-09 is no datum an XYZ server can be marked with.
    expect(
      basemapSettingsSchema.safeParse({ ...DEFAULT_BASEMAP_SETTINGS, custom: { ...custom, datum: 'bd09' } })
        .success,
    ).toBe(false);
  });

  it('draws 天地图 (CGCS2000) and no network basemap in WGS84', () => {
    const planned = basemapLayers('tianditu-vec', { ...DEFAULT_BASEMAP_SETTINGS, tiandituKey: key });
    if (!planned.ok) throw new Error(planned.key);
    expect(basemapDatum(planned.layers)).toBe('wgs84');
    expect(basemapDatum([])).toBe('wgs84');
  });
});

describe("the centre's server serving vector tiles", () => {
  const custom = {
    name: '县矢量',
    template: 'http://10.8.0.5/{z}/{x}/{y}.pbf',
    subdomains: '',
    maxZoom: 16,
    format: 'vector' as const,
  };

  it('is refused until its source layers are read, naming the template field', () => {
    const checked = checkBasemapSettings({ ...DEFAULT_BASEMAP_SETTINGS, custom });
    expect(checked).toEqual({
      ok: false,
      issues: [{ field: 'custom.template', key: 'basemap.settings.noVectorLayers', params: {} }],
    });
    const read = checkBasemapSettings({
      ...DEFAULT_BASEMAP_SETTINGS,
      custom: { ...custom, vectorLayers: ['road'] },
    });
    expect(read.ok).toBe(true);
  });

  it('is drawn as vector with its layers, under another id than the same template read as images', () => {
    const vector = basemapLayers('custom', {
      ...DEFAULT_BASEMAP_SETTINGS,
      custom: { ...custom, vectorLayers: ['landuse', 'road'], tone: 'map' },
    });
    const raster = basemapLayers('custom', {
      ...DEFAULT_BASEMAP_SETTINGS,
      custom: { ...custom, format: undefined },
    });
    if (!vector.ok || !raster.ok) throw new Error('refused');
    expect(vector.layers[0]).toMatchObject({
      format: 'vector',
      vectorLayers: ['landuse', 'road'],
      tone: 'map',
    });
    expect(raster.layers[0]).toMatchObject({ format: 'raster' });
    expect(raster.layers[0]).not.toHaveProperty('vectorLayers');
    expect(vector.layers[0]!.id).toBe(`${raster.layers[0]!.id}-mvt`);
  });

  it('is drawn as imagery on the wall when marked so', () => {
    const planned = basemapLayers('custom', {
      ...DEFAULT_BASEMAP_SETTINGS,
      custom: { ...custom, format: 'raster', tone: 'imagery' },
    });
    if (!planned.ok) throw new Error(planned.key);
    expect(planned.layers[0]!.tone).toBe('imagery');
  });
});
