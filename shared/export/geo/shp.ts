/**
 * The geometry of a Shapefile: the main file (.shp) and its index (.shx), written from the ESRI
 * Shapefile Technical Description (1998): a 100-byte header with the file code and length big-endian
 * and the version, shape type and bounding box little-endian; then per record a big-endian header
 * (record number from 1, content length in 16-bit words) and little-endian content. The index holds
 * each record's offset and content length, in words, big-endian.
 *
 * One shape type per file: Point (1), PolyLine (3) or Polygon (5). Polygon rings are wound as the
 * specification requires: outer rings clockwise, holes counter-clockwise (the reverse of RFC 7946),
 * whatever the input's winding. A feature without geometry is a Null shape (0).
 */

export type ShapeKind = 'point' | 'line' | 'polygon';

const SHAPE_TYPE: Record<ShapeKind, number> = { point: 1, line: 3, polygon: 5 };

/** The Shapefile kind a GeoJSON geometry belongs to, or null for kinds a layer cannot hold. */
export function shapeKindOf(geometry: GeoJSON.Geometry): ShapeKind | null {
  switch (geometry.type) {
    case 'Point':
      return 'point';
    case 'LineString':
    case 'MultiLineString':
      return 'line';
    case 'Polygon':
    case 'MultiPolygon':
      return 'polygon';
    default:
      return null;
  }
}

/** A position as the file stores it: x (longitude), y (latitude); any third value is dropped. */
type XY = readonly [x: number, y: number];

const xyOf = (p: GeoJSON.Position): XY => [p[0] ?? NaN, p[1] ?? NaN];

/** Twice the signed area of a ring (shoelace): positive when counter-clockwise in x-east, y-north. */
export function signedArea2(ring: readonly XY[]): number {
  let sum = 0;
  let previous: XY | undefined;
  for (const point of ring) {
    if (previous !== undefined) sum += previous[0] * point[1] - point[0] * previous[1];
    previous = point;
  }
  return sum;
}

/** The ring closed and wound clockwise (`clockwise`) or counter-clockwise. */
function wind(ring: readonly GeoJSON.Position[], clockwise: boolean): XY[] {
  const closed = ring.map(xyOf);
  const first = closed[0];
  const last = closed[closed.length - 1];
  if (first !== undefined && last !== undefined && (first[0] !== last[0] || first[1] !== last[1])) {
    closed.push(first);
  }
  return signedArea2(closed) > 0 === clockwise ? closed.reverse() : closed;
}

/** The parts of a shape as the file stores them: each a list of x, y positions. */
function partsOf(geometry: GeoJSON.Geometry): XY[][] {
  switch (geometry.type) {
    case 'Point':
      return [[xyOf(geometry.coordinates)]];
    case 'LineString':
      return [geometry.coordinates.map(xyOf)];
    case 'MultiLineString':
      return geometry.coordinates.map((line) => line.map(xyOf));
    case 'Polygon':
      return geometry.coordinates.map((ring, r) => wind(ring, r === 0));
    case 'MultiPolygon':
      return geometry.coordinates.flatMap((polygon) => polygon.map((ring, r) => wind(ring, r === 0)));
    default:
      return [];
  }
}

type Box = [number, number, number, number];

function boxOf(parts: readonly XY[][]): Box {
  const box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const part of parts) {
    for (const [x, y] of part) {
      box[0] = Math.min(box[0], x);
      box[1] = Math.min(box[1], y);
      box[2] = Math.max(box[2], x);
      box[3] = Math.max(box[3], y);
    }
  }
  return box;
}

/** The record content of one shape, little-endian. */
function content(kind: ShapeKind, geometry: GeoJSON.Geometry | null): { bytes: Uint8Array; box: Box | null } {
  if (geometry === null) {
    return { bytes: new Uint8Array(4), box: null }; // shape type 0
  }
  const parts = partsOf(geometry);
  if (kind === 'point') {
    const [x, y] = parts[0]?.[0] ?? [NaN, NaN];
    const bytes = new Uint8Array(20);
    const view = new DataView(bytes.buffer);
    view.setInt32(0, 1, true);
    view.setFloat64(4, x, true);
    view.setFloat64(12, y, true);
    return { bytes, box: [x, y, x, y] };
  }
  const points = parts.reduce((n, p) => n + p.length, 0);
  const bytes = new Uint8Array(44 + 4 * parts.length + 16 * points);
  const view = new DataView(bytes.buffer);
  const box = boxOf(parts);
  view.setInt32(0, SHAPE_TYPE[kind], true);
  box.forEach((v, i) => view.setFloat64(4 + 8 * i, v, true));
  view.setInt32(36, parts.length, true);
  view.setInt32(40, points, true);
  let index = 0;
  parts.forEach((part, i) => {
    view.setInt32(44 + 4 * i, index, true);
    index += part.length;
  });
  let at = 44 + 4 * parts.length;
  for (const part of parts) {
    for (const [x, y] of part) {
      view.setFloat64(at, x, true);
      view.setFloat64(at + 8, y, true);
      at += 16;
    }
  }
  return { bytes, box };
}

function header(kind: ShapeKind, lengthBytes: number, box: Box): Uint8Array {
  const bytes = new Uint8Array(100);
  const view = new DataView(bytes.buffer);
  view.setInt32(0, 9994, false);
  view.setInt32(24, lengthBytes / 2, false);
  view.setInt32(28, 1000, true);
  view.setInt32(32, SHAPE_TYPE[kind], true);
  box.forEach((v, i) => view.setFloat64(36 + 8 * i, v, true));
  // Z and M ranges stay 0: the shapes are 2-D.
  return bytes;
}

/**
 * The .shp and .shx of `geometries`, all of `kind` (or null). The header's bounding box covers every
 * shape; with no shapes at all it is zero.
 */
export function writeShp(
  kind: ShapeKind,
  geometries: readonly (GeoJSON.Geometry | null)[],
): { shp: Uint8Array; shx: Uint8Array } {
  const contents = geometries.map((g) => content(kind, g));
  let box: Box = [Infinity, Infinity, -Infinity, -Infinity];
  for (const c of contents) {
    if (c.box === null) continue;
    box = [
      Math.min(box[0], c.box[0]),
      Math.min(box[1], c.box[1]),
      Math.max(box[2], c.box[2]),
      Math.max(box[3], c.box[3]),
    ];
  }
  if (!Number.isFinite(box[0])) box = [0, 0, 0, 0];
  const shpLength = 100 + contents.reduce((n, c) => n + 8 + c.bytes.length, 0);
  const shp = new Uint8Array(shpLength);
  const shx = new Uint8Array(100 + 8 * contents.length);
  shp.set(header(kind, shpLength, box));
  shx.set(header(kind, shx.length, box));
  const shpView = new DataView(shp.buffer);
  const shxView = new DataView(shx.buffer);
  let at = 100;
  contents.forEach((c, i) => {
    shpView.setInt32(at, i + 1, false);
    shpView.setInt32(at + 4, c.bytes.length / 2, false);
    shp.set(c.bytes, at + 8);
    shxView.setInt32(100 + 8 * i, at / 2, false);
    shxView.setInt32(104 + 8 * i, c.bytes.length / 2, false);
    at += 8 + c.bytes.length;
  });
  return { shp, shx };
}
