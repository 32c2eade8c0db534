/**
 * A WMTS server set up as a basemap the way a leader does it: its GetCapabilities fetched through the
 * host's tile fetch from a server on 127.0.0.1, its layers and matrix sets listed, one picked, and the
 * map's tile addresses built from it; every way that goes wrong named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fetchTileOutcome } from '../../shared/tiles/fetch-tile';
import { basemapLayers, checkBasemapSettings, DEFAULT_BASEMAP_SETTINGS } from '../../shared/tiles/basemaps';
import { tileUrl } from '../../shared/tiles/endpoint';
import { capabilitiesUrl, readWmtsServer, wmtsSettingsOf } from '../../shared/tiles/wmts-source';
import { startTileServer, type TileServer } from '../tile-server';

let tiles: TileServer;
beforeAll(async () => {
  tiles = await startTileServer([0, 128, 255]);
});
afterAll(async () => {
  await tiles.stop().catch(() => undefined);
});

const host = (): string => new URL(tiles.origin).host;

describe('a WMTS server as a basemap', () => {
  it('lists the layers of its capabilities with their Web Mercator matrix sets', async () => {
    const read = await readWmtsServer(`${tiles.origin}/wmts`, (url) => fetchTileOutcome(url));
    if (!read.ok) throw new Error(read.problem.key);
    expect(read.layers).toEqual([
      {
        id: 'img',
        title: '测试影像',
        matrixSets: [{ id: 'GoogleMapsCompatible', crs: 'urn:ogc:def:crs:EPSG::3857', usable: true }],
      },
    ]);
    expect(tiles.served.at(-1)).toBe('/wmts?SERVICE=WMTS&REQUEST=GetCapabilities');
  });

  it('draws the picked layer from its RESTful tile addresses, and the settings keep what the map needs', async () => {
    const read = await readWmtsServer(`${tiles.origin}/wmts`, (url) => fetchTileOutcome(url));
    if (!read.ok) throw new Error(read.problem.key);
    const made = wmtsSettingsOf(read.capabilities, {
      name: '县影像 WMTS',
      url: read.url,
      layer: 'img',
      matrixSet: 'GoogleMapsCompatible',
    });
    if (!made.ok) throw new Error(made.problem.key);
    const checked = checkBasemapSettings({ ...DEFAULT_BASEMAP_SETTINGS, wmts: made.wmts });
    if (!checked.ok) throw new Error(JSON.stringify(checked.issues));
    const planned = basemapLayers('wmts', checked.settings);
    if (!planned.ok) throw new Error(planned.key);
    const [layer] = planned.layers;
    expect(layer?.endpoint.maxZoom).toBe(18);
    const url = tileUrl(layer!.endpoint, { z: 12, x: 3421, y: 1663 });
    expect(url).toBe(`${tiles.origin}/wmts/img/GoogleMapsCompatible/12/1663/3421.png`);
    const tile = await fetchTileOutcome(url);
    expect(tile).toMatchObject({ kind: 'answered', status: 200, contentType: 'image/png' });
  });

  it('says an address that is not http(s) is not one it can ask', async () => {
    expect(capabilitiesUrl('file:///etc/wmts.xml')).toBeNull();
    const read = await readWmtsServer('ftp://gis.example.cn/wmts', (url) => fetchTileOutcome(url));
    expect(read).toEqual({
      ok: false,
      problem: { key: 'basemap.wmts.badUrl', params: { source: 'ftp://gis.example.cn/wmts' } },
    });
    expect((await readWmtsServer('县 GIS', (url) => fetchTileOutcome(url))).ok).toBe(false);
  });

  it('keeps an address that already asks for its capabilities as it is', () => {
    const kvp = 'http://t0.tianditu.gov.cn/img_w/wmts?service=wmts&request=GetCapabilities&tk=abc';
    expect(capabilitiesUrl(kvp)).toBe(kvp);
    expect(capabilitiesUrl('http://gis.example.cn/1.0.0/WMTSCapabilities.xml')).toBe(
      'http://gis.example.cn/1.0.0/WMTSCapabilities.xml',
    );
  });

  it('names a server that answers 404 by its host and status', async () => {
    const read = await readWmtsServer(`${tiles.origin}/no-such-service`, (url) => fetchTileOutcome(url));
    expect(read).toEqual({
      ok: false,
      problem: { key: 'basemap.wmts.httpStatus', params: { source: host(), status: '404' } },
    });
  });

  it('names a page that is not a capabilities document', async () => {
    const read = await readWmtsServer(`${tiles.origin}/portal`, (url) => fetchTileOutcome(url));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(['basemap.wmts.notXml', 'basemap.wmts.notCapabilities']).toContain(read.problem.key);
    expect(read.problem.params.source).toBe(host());
  });

  it('refuses capabilities with no matrix set the map can draw, naming their coordinate systems', async () => {
    const read = await readWmtsServer(`${tiles.origin}/wmts-geographic`, (url) => fetchTileOutcome(url));
    expect(read).toEqual({
      ok: false,
      problem: {
        key: 'basemap.wmts.noUsableSet',
        params: { source: host(), crs: 'urn:ogc:def:crs:EPSG::4490' },
      },
    });
  });

  it('says a server that cannot be reached is unreachable', async () => {
    const other = await startTileServer();
    const origin = other.origin;
    await other.stop();
    const read = await readWmtsServer(`${origin}/wmts`, (url) => fetchTileOutcome(url));
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem.key).toBe('basemap.wmts.unreachable');
  });
});
