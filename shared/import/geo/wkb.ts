/**
 * Well-Known Binary (OGC Simple Features / ISO SQL/MM) to GeoJSON geometry, as a GeoPackage stores it
 * after its own header (gpkg.ts). Both byte orders, per geometry (a collection may mix them); XY, XYZ,
 * XYM and XYZM, written the ISO way (type + 1000, 2000, 3000) or the EWKB way (the 0x80000000 Z and
 * 0x40000000 M flags, which some tools still write). A height (Z) stays as the third value of a
 * position; a measure (M) is dropped, since GeoJSON has no place for it.
 *
 * Empty geometries (a point of NaNs, as GeoPackage writes one; a line or polygon of no points; a
 * collection of nothing) read as `null`: no geometry, which the geometry check names.
 */

/** A WKB that cannot be read: where (byte offset in the blob) and why. */
export class WkbError extends Error {
  constructor(
    readonly offset: number,
    readonly reason: 'truncated' | 'badByteOrder' | 'unknownType' | 'badCount',
  ) {
    super(`WKB ${reason} at byte ${offset}`);
    this.name = 'WkbError';
  }
}

type Position = GeoJSON.Position;

/** Geometry type codes 1–7 of Simple Features: Point … GeometryCollection. */
const TYPES = [
  'Point',
  'LineString',
  'Polygon',
  'MultiPoint',
  'MultiLineString',
  'MultiPolygon',
  'GeometryCollection',
] as const;

/** Fewer than this many bytes cannot be one more element of a list (a count alone takes 4). */
const MIN_ELEMENT_BYTES = 4;

class Reader {
  private offset: number;
  private readonly view: DataView;

  constructor(bytes: Uint8Array, offset: number) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    this.offset = offset;
  }

  get at(): number {
    return this.offset;
  }

  get left(): number {
    return this.view.byteLength - this.offset;
  }

  private need(n: number): void {
    if (this.left < n) throw new WkbError(this.offset, 'truncated');
  }

  byte(): number {
    this.need(1);
    return this.view.getUint8(this.offset++);
  }

  uint32(littleEndian: boolean): number {
    this.need(4);
    const value = this.view.getUint32(this.offset, littleEndian);
    this.offset += 4;
    return value;
  }

  float64(littleEndian: boolean): number {
    this.need(8);
    const value = this.view.getFloat64(this.offset, littleEndian);
    this.offset += 8;
    return value;
  }

  /** A count of elements each at least `bytes` long: more than the blob can hold is refused early. */
  count(littleEndian: boolean, bytes: number): number {
    const start = this.offset;
    const n = this.uint32(littleEndian);
    if (n * bytes > this.left) throw new WkbError(start, 'badCount');
    return n;
  }
}

interface Dims {
  readonly z: boolean;
  readonly m: boolean;
}

interface TypeCode extends Dims {
  readonly type: (typeof TYPES)[number];
  /** EWKB: an SRID follows the type code. */
  readonly srid: boolean;
}

function typeOf(code: number, offset: number): TypeCode {
  let z = (code & 0x80000000) !== 0;
  let m = (code & 0x40000000) !== 0;
  const srid = (code & 0x20000000) !== 0;
  let base = code & 0x0fffffff;
  if (base >= 1000 && base < 4000) {
    const thousands = Math.floor(base / 1000);
    z = z || thousands === 1 || thousands === 3;
    m = m || thousands === 2 || thousands === 3;
    base %= 1000;
  }
  const type = TYPES[base - 1];
  if (type === undefined) throw new WkbError(offset, 'unknownType');
  return { type, z, m, srid };
}

function position(reader: Reader, le: boolean, dims: Dims): Position {
  const x = reader.float64(le);
  const y = reader.float64(le);
  const z = dims.z ? reader.float64(le) : undefined;
  if (dims.m) reader.float64(le);
  return z === undefined ? [x, y] : [x, y, z];
}

function line(reader: Reader, le: boolean, dims: Dims): Position[] {
  const size = 8 * (2 + Number(dims.z) + Number(dims.m));
  const n = reader.count(le, size);
  const out: Position[] = [];
  for (let i = 0; i < n; i++) out.push(position(reader, le, dims));
  return out;
}

function rings(reader: Reader, le: boolean, dims: Dims): Position[][] {
  const n = reader.count(le, MIN_ELEMENT_BYTES);
  const out: Position[][] = [];
  for (let i = 0; i < n; i++) out.push(line(reader, le, dims));
  return out;
}

/** One geometry, or null when it is empty. */
function geometry(reader: Reader): GeoJSON.Geometry | null {
  const start = reader.at;
  const order = reader.byte();
  if (order !== 0 && order !== 1) throw new WkbError(start, 'badByteOrder');
  const le = order === 1;
  const typeAt = reader.at;
  const { type, srid, ...dims } = typeOf(reader.uint32(le), typeAt);
  // EWKB may carry an SRID after the type; GeoPackage never does, but it is skipped where written.
  if (srid) reader.uint32(le);
  switch (type) {
    case 'Point': {
      const p = position(reader, le, dims);
      return Number.isNaN(p[0]) && Number.isNaN(p[1]) ? null : { type, coordinates: p };
    }
    case 'LineString': {
      const coordinates = line(reader, le, dims);
      return coordinates.length === 0 ? null : { type, coordinates };
    }
    case 'Polygon': {
      const coordinates = rings(reader, le, dims);
      return coordinates.length === 0 ? null : { type, coordinates };
    }
    default: {
      const n = reader.count(le, 5);
      const parts: GeoJSON.Geometry[] = [];
      for (let i = 0; i < n; i++) {
        const partAt = reader.at;
        const part = geometry(reader);
        if (part === null) continue;
        const wanted = type === 'GeometryCollection' ? null : type.slice('Multi'.length);
        if (wanted !== null && part.type !== wanted) throw new WkbError(partAt, 'unknownType');
        parts.push(part);
      }
      if (parts.length === 0) return null;
      switch (type) {
        case 'MultiPoint':
          return { type, coordinates: parts.map((p) => (p as GeoJSON.Point).coordinates) };
        case 'MultiLineString':
          return { type, coordinates: parts.map((p) => (p as GeoJSON.LineString).coordinates) };
        case 'MultiPolygon':
          return { type, coordinates: parts.map((p) => (p as GeoJSON.Polygon).coordinates) };
        default:
          return { type: 'GeometryCollection', geometries: parts };
      }
    }
  }
}

/**
 * Reads the WKB geometry that starts at `offset` of `bytes` (0 unless it follows a header), to its
 * end; null for an empty geometry. Throws {@link WkbError} for bytes that are not WKB: cut short, a
 * byte order other than 0 or 1, a type code outside 1–7 (with its Z/M variants), a part of a multi
 * geometry of the wrong type, or a count larger than the bytes left.
 */
export function readWkb(bytes: Uint8Array, offset = 0): GeoJSON.Geometry | null {
  return geometry(new Reader(bytes, offset));
}
