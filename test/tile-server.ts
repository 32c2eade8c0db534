/**
 * The outside world of a basemap, for tests: a tile server on 127.0.0.1 speaking the protocols real
 * providers speak. XYZ raster tiles at `/xyz/{z}/{x}/{y}.png` (solid 256×256 PNGs of one colour, so a
 * rendered map can be checked by its pixels), street-map tiles with a marker block at a given lon/lat at
 * `/marker/{z}/{x}/{y}.png` (a GCJ-02 basemap's drawn position of a point), a 天地图-style WMTS at `/tianditu/{layer}_w/wmts` that
 * answers a wrong `tk` with 418 as 天地图 does, and a WMTS GetCapabilities at `/wmts`. It counts what it
 * served, and can be stopped and started again on the same port (the network going down and coming back).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { crc32, deflateSync, gzipSync } from 'node:zlib';
import { GeoJSONVT } from '@maplibre/geojson-vt';
import { fromGeojsonVt } from '@maplibre/vt-pbf';
import type { FeatureCollection } from 'geojson';

export const TILE_KEY = '0123456789abcdef0123456789abcdef';

type Rgb = readonly [number, number, number];

/** A PNG of `size`×`size` pixels, all of one RGB colour (8-bit truecolour, no filter). */
export function solidPng(rgb: Rgb, size = 256): Buffer {
  return paintedPng(() => rgb, size);
}

/** A PNG of `size`×`size` pixels coloured by `pixel(column, row)` (8-bit truecolour, no filter). */
export function paintedPng(pixel: (x: number, y: number) => Rgb, size = 256): Buffer {
  const chunk = (type: string, data: Buffer): Buffer => {
    const head = Buffer.alloc(4);
    head.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([head, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // truecolour
  const raw = Buffer.alloc((1 + size * 3) * size);
  for (let y = 0; y < size; y += 1)
    for (let x = 0; x < size; x += 1) raw.set(pixel(x, y), y * (1 + size * 3) + 1 + x * 3);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

export interface TileServer {
  readonly origin: string;
  /** Paths served, in order (query strings included). */
  readonly served: string[];
  stop(): Promise<void>;
  /** Listens again on the same port. */
  start(): Promise<void>;
}

const capabilities = (origin: string): string => {
  const scale0 = 559082264.0287178;
  const half = 20037508.342789244;
  const matrices = Array.from(
    { length: 19 },
    (
      _,
      z,
    ) => `<TileMatrix><ows:Identifier>${z}</ows:Identifier><ScaleDenominator>${scale0 / 2 ** z}</ScaleDenominator>
      <TopLeftCorner>${-half} ${half}</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight>
      <MatrixWidth>${2 ** z}</MatrixWidth><MatrixHeight>${2 ** z}</MatrixHeight></TileMatrix>`,
  ).join('');
  return `<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" version="1.0.0">
  <ows:ServiceIdentification><ows:Title>测试县影像服务</ows:Title></ows:ServiceIdentification>
  <Contents>
    <Layer><ows:Title>测试影像</ows:Title><ows:Identifier>img</ows:Identifier>
      <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style><Format>image/png</Format>
      <TileMatrixSetLink><TileMatrixSet>GoogleMapsCompatible</TileMatrixSet></TileMatrixSetLink>
      <ResourceURL format="image/png" resourceType="tile" template="${origin}/wmts/img/{TileMatrixSet}/{TileMatrix}/{TileRow}/{TileCol}.png"/>
    </Layer>
    <TileMatrixSet><ows:Identifier>GoogleMapsCompatible</ows:Identifier>
      <ows:SupportedCRS>urn:ogc:def:crs:EPSG::3857</ows:SupportedCRS>${matrices}</TileMatrixSet>
  </Contents>
</Capabilities>`;
};

/** The colour of the marker block of the `/marker/` tiles. */
export const MARKER_RGB: Rgb = [0, 200, 0];
/** The marker block's side, in tile pixels. */
export const MARKER_PX = 14;

/** Web Mercator world pixel of a lon/lat at zoom z (256-pixel tiles, as XYZ servers number them). */
export function worldPixel(lonLat: readonly [number, number], z: number): { x: number; y: number } {
  const size = 256 * 2 ** z;
  const lat = (lonLat[1] * Math.PI) / 180;
  return {
    x: ((lonLat[0] + 180) / 360) * size,
    y: ((1 - Math.log(Math.tan(lat) + 1 / Math.cos(lat)) / Math.PI) / 2) * size,
  };
}

/**
 * A tile of a drawn street map as a county server's would look: pale ground, white roads with grey
 * casings every 128 px, a dark "label" dash beside each crossing, and a {@link MARKER_RGB} block of
 * {@link MARKER_PX} centred on `marker` (a lon/lat, in whatever datum the tiles stand for).
 */
function markerTile(z: number, tx: number, ty: number, marker: readonly [number, number] | null): Buffer {
  const at = marker === null ? null : worldPixel(marker, z);
  const half = MARKER_PX / 2;
  return paintedPng((x, y) => {
    const wx = tx * 256 + x + 0.5;
    const wy = ty * 256 + y + 0.5;
    if (at !== null && Math.abs(wx - at.x) <= half && Math.abs(wy - at.y) <= half) return MARKER_RGB;
    const rx = (x + 64) % 128;
    const ry = (y + 64) % 128;
    if ((rx >= 4 && rx <= 8 && ry >= 16 && ry <= 40) || (ry >= 4 && ry <= 8 && rx >= 16 && rx <= 40))
      return [60, 60, 70];
    const road = (d: number): 'road' | 'casing' | null =>
      Math.abs(d - 64) <= 3 ? 'road' : Math.abs(d - 64) <= 5 ? 'casing' : null;
    const kind = road(rx) ?? road(ry);
    if (kind === 'road') return [255, 255, 255];
    if (kind === 'casing') return [178, 178, 178];
    return [242, 239, 230];
  });
}

/** A capabilities document whose only matrix set is 天地图's CGCS2000 geographic `c` (not drawable). */
const geographicCapabilities = (): string => `<?xml version="1.0" encoding="UTF-8"?>
<Capabilities xmlns="http://www.opengis.net/wmts/1.0" xmlns:ows="http://www.opengis.net/ows/1.1" version="1.0.0">
  <Contents>
    <Layer><ows:Title>经纬度影像</ows:Title><ows:Identifier>img</ows:Identifier>
      <Style isDefault="true"><ows:Identifier>default</ows:Identifier></Style><Format>tiles</Format>
      <TileMatrixSetLink><TileMatrixSet>c</TileMatrixSet></TileMatrixSetLink>
    </Layer>
    <TileMatrixSet><ows:Identifier>c</ows:Identifier><ows:SupportedCRS>urn:ogc:def:crs:EPSG::4490</ows:SupportedCRS>
      <TileMatrix><ows:Identifier>1</ows:Identifier><ScaleDenominator>2.958293554545656E8</ScaleDenominator>
      <TopLeftCorner>90.0 -180.0</TopLeftCorner><TileWidth>256</TileWidth><TileHeight>256</TileHeight>
      <MatrixWidth>2</MatrixWidth><MatrixHeight>1</MatrixHeight></TileMatrix>
    </TileMatrixSet>
  </Contents>
</Capabilities>`;

/** The source layers of the `/mvt/` vector tiles. */
export const MVT_LAYERS = ['landuse', 'road'] as const;

/**
 * A county's vector basemap, as its server would cut it: one `landuse` polygon over all of eastern
 * China and a `road` line every 0.01° across it (so any view of a township has both drawn).
 */
export function vectorBasemap(): (z: number, x: number, y: number) => Buffer {
  const landuse: FeatureCollection = {
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { class: 'residential' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            [
              [100, 20],
              [130, 20],
              [130, 45],
              [100, 45],
              [100, 20],
            ],
          ],
        },
      },
    ],
  };
  const roads: FeatureCollection = { type: 'FeatureCollection', features: [] };
  // Roads over 118–122°E, 30–34°N (the sample township and its neighbours).
  for (let i = 0; i <= 400; i += 1) {
    const lon = 118 + i / 100;
    const lat = 30 + i / 100;
    roads.features.push(
      {
        type: 'Feature',
        properties: { kind: 'street' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [lon, 30],
            [lon, 34],
          ],
        },
      },
      {
        type: 'Feature',
        properties: { kind: 'street' },
        geometry: {
          type: 'LineString',
          coordinates: [
            [118, lat],
            [122, lat],
          ],
        },
      },
    );
  }
  const options = { maxZoom: 16, extent: 4096, buffer: 64 };
  const indexes = { landuse: new GeoJSONVT(landuse, options), road: new GeoJSONVT(roads, options) };
  return (z, x, y) => {
    const layers = Object.fromEntries(
      Object.entries(indexes).flatMap(([name, index]) => {
        const tile = index.getTile(z, x, y);
        return tile === null ? [] : [[name, tile]];
      }),
    );
    return Buffer.from(fromGeojsonVt(layers, { version: 2, extent: 4096 }));
  };
}

/**
 * Starts the server; `colour` is every `/xyz/` raster tile's colour. `/marker/{z}/{x}/{y}.png` serves
 * street-map tiles with a marker block at `options.marker` (see markerTile). `/mvt/{z}/{x}/{y}.pbf` serves vector
 * tiles ({@link MVT_LAYERS}), `/mvt-gz/…` the same gzipped and sent as plain bytes, as a server serving
 * an MBTiles file's blobs does.
 */
export async function startTileServer(
  colour: readonly [number, number, number] = [255, 0, 255],
  options: { readonly marker?: readonly [number, number] } = {},
): Promise<TileServer> {
  const png = solidPng(colour);
  const vector = vectorBasemap();
  const served: string[] = [];
  let origin = '';
  const handler = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    served.push(`${url.pathname}${url.search}`);
    const tile = (): void => {
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(png.length) });
      res.end(png);
    };
    if (/^\/xyz\/\d+\/\d+\/\d+\.png$/.test(url.pathname)) return tile();
    const marked = /^\/marker\/(\d+)\/(\d+)\/(\d+)\.png$/.exec(url.pathname);
    if (marked !== null) {
      const [z, x, y] = marked.slice(1).map(Number) as [number, number, number];
      const body = markerTile(z, x, y, options.marker ?? null);
      res.writeHead(200, { 'Content-Type': 'image/png', 'Content-Length': String(body.length) });
      res.end(body);
      return;
    }
    const mvt = /^\/(mvt|mvt-gz)\/(\d+)\/(\d+)\/(\d+)\.pbf$/.exec(url.pathname);
    if (mvt !== null) {
      const [z, x, y] = mvt.slice(2).map(Number) as [number, number, number];
      const plain = vector(z, x, y);
      const body = mvt[1] === 'mvt-gz' ? gzipSync(plain) : plain;
      res.writeHead(200, { 'Content-Type': 'application/x-protobuf', 'Content-Length': String(body.length) });
      res.end(body);
      return;
    }
    if (/^\/wmts\/img\/GoogleMapsCompatible\/\d+\/\d+\/\d+\.png$/.test(url.pathname)) return tile();
    if (url.pathname === '/wmts') {
      res.writeHead(200, { 'Content-Type': 'application/xml; charset=utf-8' });
      res.end(capabilities(origin));
      return;
    }
    if (url.pathname === '/wmts-geographic') {
      res.writeHead(200, { 'Content-Type': 'application/xml; charset=utf-8' });
      res.end(geographicCapabilities());
      return;
    }
    if (url.pathname === '/portal') {
      // A sign-in page where the capabilities were expected (a proxy or a wrong address).
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end('<!doctype html><html><head><title>登录</title></head><body><p>请登录</p></body></html>');
      return;
    }
    if (/^\/tianditu\/[a-z]{3}_w\/wmts$/.test(url.pathname)) {
      if (url.searchParams.get('tk') !== TILE_KEY) {
        // What 天地图 answers a wrong or missing key with.
        res.writeHead(418, { 'Content-Type': 'text/html' });
        res.end('<html><body>418</body></html>');
        return;
      }
      return tile();
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('no such tile');
  };
  let server: Server = createServer(handler);
  let port = 0;
  const listen = (): Promise<void> =>
    new Promise((done, fail) => {
      server.once('error', fail);
      server.listen(port, '127.0.0.1', () => {
        const address = server.address();
        port = typeof address === 'object' && address ? address.port : port;
        origin = `http://127.0.0.1:${port}`;
        done();
      });
    });
  await listen();
  return {
    get origin() {
      return origin;
    },
    served,
    stop: () =>
      new Promise((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
    start: async () => {
      server = createServer(handler);
      await listen();
    },
  };
}
