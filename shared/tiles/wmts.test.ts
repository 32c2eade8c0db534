import { describe, expect, it } from 'vitest';
import { parseWmtsCapabilities, wmtsEndpoint, type WmtsCapabilities } from './wmts';
import { tileUrl } from './endpoint';

const SCALE_0 = 559082264.0287178;
const HALF = 20037508.342789244;

/** A Web Mercator tile matrix of zoom z, as servers write it (corner rounded as 天地图 does when `rounded`). */
const mercatorMatrix = (id: string, z: number, rounded = false) => `
      <TileMatrix>
        <ows:Identifier>${id}</ows:Identifier>
        <ScaleDenominator>${SCALE_0 / 2 ** z}</ScaleDenominator>
        <TopLeftCorner>${rounded ? '-2.003750834E7 2.003750834E7' : `${-HALF} ${HALF}`}</TopLeftCorner>
        <TileWidth>256</TileWidth><TileHeight>256</TileHeight>
        <MatrixWidth>${2 ** z}</MatrixWidth><MatrixHeight>${2 ** z}</MatrixHeight>
      </TileMatrix>`;

/** A county GIS server's capabilities: KVP GetTile, one Web Mercator set named as 天地图 names it, one CGCS2000 set. */
const KVP = `<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1"
    xmlns:xlink="http://www.w3.org/1999/xlink" version="1.0.0">
  <ows:ServiceIdentification><ows:Title>县自然资源局影像服务</ows:Title></ows:ServiceIdentification>
  <ows:OperationsMetadata>
    <ows:Operation name="GetCapabilities"><ows:DCP><ows:HTTP><ows:Get xlink:href="http://10.8.0.5/wmts?"/></ows:HTTP></ows:DCP></ows:Operation>
    <ows:Operation name="GetTile"><ows:DCP><ows:HTTP><ows:Get xlink:href="http://10.8.0.5/img/wmts?"/></ows:HTTP></ows:DCP></ows:Operation>
  </ows:OperationsMetadata>
  <Contents>
    <Layer>
      <ows:Title>2024年影像</ows:Title><ows:Identifier>img2024</ows:Identifier>
      <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style>
      <Format>image/jpeg</Format>
      <TileMatrixSetLink><TileMatrixSet>w</TileMatrixSet></TileMatrixSetLink>
      <TileMatrixSetLink><TileMatrixSet>c</TileMatrixSet></TileMatrixSetLink>
    </Layer>
    <TileMatrixSet>
      <ows:Identifier>w</ows:Identifier>
      <ows:SupportedCRS>urn:ogc:def:crs:EPSG::900913</ows:SupportedCRS>
      ${[1, 2, 3].map((z) => mercatorMatrix(String(z), z, true)).join('')}
    </TileMatrixSet>
    <TileMatrixSet>
      <ows:Identifier>c</ows:Identifier>
      <ows:SupportedCRS>urn:ogc:def:crs:EPSG::4490</ows:SupportedCRS>
      <TileMatrix><ows:Identifier>1</ows:Identifier><ScaleDenominator>2.958293554545656E8</ScaleDenominator>
        <TopLeftCorner>90.0 -180.0</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight>
        <MatrixWidth>2</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>
    </TileMatrixSet>
  </Contents>
</Capabilities>`;

/** A GeoServer-style RESTful document: matrix identifiers EPSG:3857:z, a ResourceURL template. */
const REST = `<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" version="1.0.0">
  <Contents>
    <Layer>
      <ows:Title>网格底图</ows:Title><ows:Identifier>town:base</ows:Identifier>
      <Style isDefault="true"><ows:Identifier>town_style</ows:Identifier></Style>
      <Format>image/png</Format>
      <TileMatrixSetLink><TileMatrixSet>EPSG:3857</TileMatrixSet></TileMatrixSetLink>
      <ResourceURL format="image/png" resourceType="tile"
        template="https://gis.example.cn/gwc/wmts/town:base/{Style}/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}?format=image/png"/>
    </Layer>
    <TileMatrixSet>
      <ows:Identifier>EPSG:3857</ows:Identifier>
      <ows:SupportedCRS>urn:ogc:def:crs:EPSG::3857</ows:SupportedCRS>
      ${[0, 1, 2, 3, 4].map((z) => mercatorMatrix(`EPSG:3857:${z}`, z)).join('')}
    </TileMatrixSet>
  </Contents>
</Capabilities>`;

const read = (xml: string): WmtsCapabilities => {
  const r = parseWmtsCapabilities(xml, 'caps.xml');
  if (!r.ok) throw new Error(JSON.stringify(r.problem));
  return r.capabilities;
};

describe('WMTS capabilities', () => {
  it('lists the layers and tells the Web Mercator set from the CGCS2000 one', () => {
    const caps = read(KVP);
    expect(caps.title).toBe('县自然资源局影像服务');
    expect(caps.getTile).toBe('http://10.8.0.5/img/wmts?');
    expect(caps.layers.map((l) => [l.id, l.title, l.matrixSets])).toEqual([
      ['img2024', '2024年影像', ['w', 'c']],
    ]);
    const [w, c] = caps.matrixSets;
    expect(w?.zooms).toEqual([null, '1', '2', '3']);
    expect(c?.zooms).toBeNull();
  });

  it('asks GetTile by key-value pairs, the zoom given as the matrix identifier', () => {
    const r = wmtsEndpoint(read(KVP), 'img2024', 'w', 'caps.xml');
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(r.format).toBe('image/jpeg');
    expect([r.endpoint.minZoom, r.endpoint.maxZoom]).toEqual([1, 3]);
    expect(tileUrl(r.endpoint, { z: 2, x: 3, y: 1 })).toBe(
      'http://10.8.0.5/img/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=img2024&STYLE=default' +
        '&TILEMATRIXSET=w&FORMAT=image%2Fjpeg&TILEMATRIX=2&TILEROW=1&TILECOL=3',
    );
  });

  it('fills a RESTful template with its style, matrix set and matrix names', () => {
    const r = wmtsEndpoint(read(REST), 'town:base', 'EPSG:3857', 'caps.xml');
    if (!r.ok) throw new Error(JSON.stringify(r.problem));
    expect(tileUrl(r.endpoint, { z: 4, x: 13, y: 6 })).toBe(
      'https://gis.example.cn/gwc/wmts/town:base/town_style/EPSG%3A3857/EPSG:3857:4/6/13?format=image/png',
    );
  });

  it('names a set the map cannot draw, an unknown layer, and a document that is not capabilities', () => {
    const caps = read(KVP);
    const notMercator = wmtsEndpoint(caps, 'img2024', 'c', 'caps.xml');
    expect(notMercator.ok ? null : notMercator.problem).toEqual({
      key: 'basemap.wmts.notMercator',
      params: { source: 'caps.xml', layer: 'img2024', matrixSet: 'c', crs: 'urn:ogc:def:crs:EPSG::4490' },
    });
    const unknown = wmtsEndpoint(caps, 'vec', 'w', 'caps.xml');
    expect(unknown.ok ? null : unknown.problem.key).toBe('basemap.wmts.unknownLayer');
    const html = parseWmtsCapabilities('<html><body>502 Bad Gateway</body></html>', 'http://10.8.0.5/wmts');
    expect(html.ok ? null : html.problem).toEqual({
      key: 'basemap.wmts.notCapabilities',
      params: { source: 'http://10.8.0.5/wmts', root: 'html' },
    });
    const broken = parseWmtsCapabilities('<Capabilities><Contents>', 'caps.xml');
    expect(broken.ok ? null : broken.problem.key).toBe('basemap.wmts.notXml');
  });
});
