import { describe, expect, it } from 'vitest';
import { isTiandituKey, parseTemplate, servesZoom, tiandituEndpoint, tileAnswer, tileUrl } from './endpoint';

const parsed = (template: string, subdomains?: string) => {
  const r = parseTemplate(template, subdomains === undefined ? {} : { subdomains });
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.endpoint;
};

describe('tile URL templates', () => {
  it('fills an XYZ template, and a TMS one with rows from the south', () => {
    const xyz = parsed('https://tiles.example.cn/base/{z}/{x}/{y}.png');
    expect(tileUrl(xyz, { z: 3, x: 5, y: 2 })).toBe('https://tiles.example.cn/base/3/5/2.png');
    const tms = parsed('http://10.1.2.3:8080/tms/{z}/{x}/{-y}.jpg');
    expect(tileUrl(tms, { z: 3, x: 5, y: 2 })).toBe('http://10.1.2.3:8080/tms/3/5/5.jpg');
  });

  it('spreads tiles over subdomains, given apart or as a range, and always the same host for a tile', () => {
    const listed = parsed('https://{s}.tile.example.cn/{z}/{x}/{y}.png', 'a, b，c');
    expect(listed.subdomains).toEqual(['a', 'b', 'c']);
    expect(tileUrl(listed, { z: 1, x: 1, y: 1 })).toBe('https://c.tile.example.cn/1/1/1.png');
    const ranged = parsed('https://t{0-7}.example.cn/{z}/{x}/{y}');
    expect(ranged.template).toBe('https://t{s}.example.cn/{z}/{x}/{y}');
    expect(ranged.subdomains).toHaveLength(8);
    expect(tileUrl(ranged, { z: 4, x: 3, y: 6 })).toBe('https://t1.example.cn/4/3/6');
  });

  it('takes WMTS placeholders and quadkeys', () => {
    const wmts = parsed(
      'https://gis.example.cn/wmts/base/GoogleMapsCompatible/{TileMatrix}/{TileRow}/{TileCol}.png',
    );
    expect(tileUrl(wmts, { z: 5, x: 26, y: 12 })).toBe(
      'https://gis.example.cn/wmts/base/GoogleMapsCompatible/5/12/26.png',
    );
    expect(tileUrl(parsed('https://q.example.cn/t/{quadkey}.jpeg'), { z: 3, x: 3, y: 5 })).toBe(
      'https://q.example.cn/t/213.jpeg',
    );
  });

  it('names what is wrong with a template', () => {
    const problem = (t: string, subdomains?: string) => {
      const r = parseTemplate(t, subdomains === undefined ? {} : { subdomains });
      return r.ok ? null : r.problem;
    };
    expect(problem('  ')?.key).toBe('basemap.template.empty');
    expect(problem('tiles/{z}/{x}/{y}.png')?.key).toBe('basemap.template.notUrl');
    expect(problem('file:///c:/tiles/{z}/{x}/{y}.png')).toEqual({
      key: 'basemap.template.scheme',
      params: { template: 'file:///c:/tiles/{z}/{x}/{y}.png', scheme: 'file' },
    });
    expect(problem('https://a.cn/{z}/{x}/{row}.png')?.params.placeholder).toBe('{row}');
    expect(problem('https://a.cn/{z}/{x}.png')).toEqual({
      key: 'basemap.template.missingPlaceholder',
      params: { template: 'https://a.cn/{z}/{x}.png', placeholders: '{y}' },
    });
    expect(problem('https://{s}.a.cn/{z}/{x}/{y}.png')?.key).toBe('basemap.template.noSubdomains');
  });
});

describe('天地图', () => {
  const key = '0123456789abcdef0123456789ABCDEF';

  it('asks its WMTS for Web Mercator tiles with the centre key, on hosts t0 to t7', () => {
    expect(isTiandituKey(key)).toBe(true);
    expect(isTiandituKey('not-a-key')).toBe(false);
    const vec = tiandituEndpoint('vec', key);
    expect(tileUrl(vec, { z: 12, x: 3406, y: 1642 })).toBe(
      'https://t0.tianditu.gov.cn/vec_w/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=vec&STYLE=default' +
        `&TILEMATRIXSET=w&FORMAT=tiles&TILEMATRIX=12&TILEROW=1642&TILECOL=3406&tk=${key}`,
    );
    expect(tileUrl(tiandituEndpoint('cia', key), { z: 1, x: 1, y: 0 })).toContain(
      't1.tianditu.gov.cn/cia_w/',
    );
    expect(servesZoom(vec, 0)).toBe(false);
    expect(servesZoom(vec, 18)).toBe(true);
    expect(servesZoom(tiandituEndpoint('ter', key), 15)).toBe(false);
  });

  it("says a refused key is the key, where other servers' refusals are only refusals", () => {
    expect(tileAnswer(418, 'tianditu')).toEqual({ kind: 'refused', key: 'basemap.answer.tiandituKey' });
    expect(tileAnswer(403, 'tianditu')).toEqual({ kind: 'refused', key: 'basemap.answer.tiandituKey' });
    expect(tileAnswer(403, 'other')).toEqual({ kind: 'refused', key: 'basemap.answer.refused' });
    expect(tileAnswer(404, 'other')).toEqual({ kind: 'empty' });
    expect(tileAnswer(204, 'other')).toEqual({ kind: 'empty' });
    expect(tileAnswer(200, 'tianditu')).toEqual({ kind: 'tile' });
    expect(tileAnswer(429, 'other').kind).toBe('refused');
    expect(tileAnswer(503, 'other')).toEqual({ kind: 'refused', key: 'basemap.answer.server' });
  });
});
