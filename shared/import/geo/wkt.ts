/**
 * Well-Known Text (OGC Simple Features 1.2, with the ISO `Z`, `M`, `ZM` markers) to GeoJSON geometry,
 * for a table's geometry column: as ogr2ogr writes it (`POLYGON ((…))`, `POINT Z (…)`), as QGIS
 * exports it (`MultiPolygonZ (((…)))` in a `wkt_geom` column) and as PostGIS prints EWKT
 * (`SRID=4490;POINT(…)`). Keywords are case-insensitive; `MULTIPOINT (1 2, 3 4)` and
 * `MULTIPOINT ((1 2), (3 4))` are both read. A height (Z) stays as the third value of a position, a
 * measure (M) is dropped. Without a marker, a position of three numbers is XYZ and of four XYZM.
 * `EMPTY` reads as null: no geometry.
 */

/** Text that is not WKT: the 1-based character where reading stopped, and why. */
export class WktError extends Error {
  constructor(
    readonly at: number,
    readonly reason: 'unexpected' | 'unknownType' | 'dimensions' | 'trailing',
  ) {
    super(`WKT ${reason} at character ${at}`);
    this.name = 'WktError';
  }
}

export interface WktReading {
  readonly geometry: GeoJSON.Geometry | null;
  /** The EWKT `SRID=…;` prefix, when written. */
  readonly srid?: number;
}

type Token =
  | { readonly kind: 'word'; readonly text: string; readonly at: number }
  | { readonly kind: 'number'; readonly value: number; readonly at: number }
  | { readonly kind: '(' | ')' | ','; readonly at: number }
  | { readonly kind: 'end'; readonly at: number };

const TOKEN = /([A-Za-z]+)|([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)|([(),])/y;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let k = 0;
  for (;;) {
    while (k < text.length && /\s/.test(text[k] as string)) k++;
    const at = k + 1;
    if (k >= text.length) {
      tokens.push({ kind: 'end', at });
      return tokens;
    }
    TOKEN.lastIndex = k;
    const match = TOKEN.exec(text);
    if (match === null) throw new WktError(at, 'unexpected');
    k = TOKEN.lastIndex;
    if (match[1] !== undefined) tokens.push({ kind: 'word', text: match[1].toUpperCase(), at });
    else if (match[2] !== undefined) tokens.push({ kind: 'number', value: Number(match[2]), at });
    else tokens.push({ kind: match[3] as '(' | ')' | ',', at });
  }
}

const TYPES: Readonly<Record<string, GeoJSON.Geometry['type']>> = {
  POINT: 'Point',
  LINESTRING: 'LineString',
  POLYGON: 'Polygon',
  MULTIPOINT: 'MultiPoint',
  MULTILINESTRING: 'MultiLineString',
  MULTIPOLYGON: 'MultiPolygon',
  GEOMETRYCOLLECTION: 'GeometryCollection',
};

type Position = GeoJSON.Position;

class Parser {
  private k = 0;
  /** Numbers per position, once known for the geometry being read. */
  private width: number | null = null;
  private hasZ = false;
  private hasM = false;

  constructor(private readonly tokens: Token[]) {}

  private peek(): Token {
    return this.tokens[this.k] as Token;
  }

  private next(): Token {
    const token = this.peek();
    if (token.kind !== 'end') this.k++;
    return token;
  }

  private expect(kind: '(' | ')'): void {
    const token = this.next();
    if (token.kind !== kind) throw new WktError(token.at, 'unexpected');
  }

  /** `,` → true (another element follows), `)` → false. */
  private more(): boolean {
    const token = this.next();
    if (token.kind === ',') return true;
    if (token.kind === ')') return false;
    throw new WktError(token.at, 'unexpected');
  }

  private emptyOrOpen(): boolean {
    const token = this.peek();
    if (token.kind === 'word' && token.text === 'EMPTY') {
      this.k++;
      return true;
    }
    this.expect('(');
    return false;
  }

  private position(): Position {
    const values: number[] = [];
    const first = this.peek();
    while (this.peek().kind === 'number') values.push((this.next() as { value: number }).value);
    if (values.length < 2 || values.length > 4) throw new WktError(first.at, 'dimensions');
    if (this.width === null) this.width = values.length;
    if (values.length !== this.width) throw new WktError(first.at, 'dimensions');
    const [x, y, third] = values as [number, number, number?];
    // XYM: the third value is a measure; XYZ and XYZM: it is the height.
    return third === undefined || (this.hasM && !this.hasZ) ? [x, y] : [x, y, third];
  }

  private positions(): Position[] {
    if (this.emptyOrOpen()) return [];
    const out: Position[] = [];
    do out.push(this.position());
    while (this.more());
    return out;
  }

  private lists(): Position[][] {
    if (this.emptyOrOpen()) return [];
    const out: Position[][] = [];
    do out.push(this.positions());
    while (this.more());
    return out;
  }

  /** MULTIPOINT's points, each in parentheses or not. */
  private points(): Position[] {
    if (this.emptyOrOpen()) return [];
    const out: Position[] = [];
    do {
      if (this.peek().kind === '(') {
        this.k++;
        if (this.peek().kind === 'word') {
          // `(EMPTY)` is not a point: refuse it where it stands.
          throw new WktError(this.peek().at, 'unexpected');
        }
        out.push(this.position());
        this.expect(')');
      } else if (this.peek().kind === 'word' && (this.peek() as { text: string }).text === 'EMPTY') {
        this.k++;
      } else out.push(this.position());
    } while (this.more());
    return out;
  }

  /** The type word with its dimension markers (`POINT Z`, `POINTZM`, `MultiPolygonZ`). */
  private header(): GeoJSON.Geometry['type'] {
    const token = this.next();
    if (token.kind !== 'word') throw new WktError(token.at, 'unexpected');
    const glued = /^(.*?)(ZM|Z|M)?$/.exec(token.text) as RegExpExecArray;
    let type = TYPES[token.text];
    let marker: string | undefined;
    if (type === undefined && glued[2] !== undefined) {
      type = TYPES[glued[1] as string];
      marker = glued[2];
    }
    if (type === undefined) throw new WktError(token.at, 'unknownType');
    const after = this.peek();
    if (marker === undefined && after.kind === 'word' && ['Z', 'M', 'ZM'].includes(after.text)) {
      marker = after.text;
      this.k++;
    }
    if (marker !== undefined) {
      this.hasZ = marker.includes('Z');
      this.hasM = marker.includes('M');
      this.width = 2 + Number(this.hasZ) + Number(this.hasM);
    }
    return type;
  }

  geometry(): GeoJSON.Geometry | null {
    const type = this.header();
    switch (type) {
      case 'Point': {
        if (this.emptyOrOpen()) return null;
        const coordinates = this.position();
        this.expect(')');
        return { type, coordinates };
      }
      case 'LineString':
      case 'MultiPoint': {
        const coordinates = type === 'LineString' ? this.positions() : this.points();
        return coordinates.length === 0 ? null : { type, coordinates };
      }
      case 'Polygon':
      case 'MultiLineString': {
        const coordinates = this.lists();
        return coordinates.length === 0 ? null : { type, coordinates };
      }
      case 'MultiPolygon': {
        if (this.emptyOrOpen()) return null;
        const coordinates: Position[][][] = [];
        do coordinates.push(this.lists());
        while (this.more());
        const parts = coordinates.filter((p) => p.length > 0);
        return parts.length === 0 ? null : { type, coordinates: parts };
      }
      case 'GeometryCollection': {
        if (this.emptyOrOpen()) return null;
        const geometries: GeoJSON.Geometry[] = [];
        const outer = { width: this.width, hasZ: this.hasZ, hasM: this.hasM };
        do {
          // Each member states its own dimensions.
          if (outer.width === null) this.width = null;
          const member = this.geometry();
          Object.assign(this, outer);
          if (member !== null) geometries.push(member);
        } while (this.more());
        return geometries.length === 0 ? null : { type, geometries };
      }
    }
  }

  finish(): void {
    const token = this.peek();
    if (token.kind !== 'end') throw new WktError(token.at, 'trailing');
  }
}

/**
 * Reads one WKT (or EWKT) value. Throws {@link WktError} naming the character where the text stops
 * being WKT: an unknown type (curves, TIN, …), a missing parenthesis or comma, a position of other than
 * 2–4 numbers or of a different width than the others, text after the end.
 */
export function readWkt(text: string): WktReading {
  let body = text;
  let offset = 0;
  let srid: number | undefined;
  const prefix = /^\s*SRID\s*=\s*(\d+)\s*;/i.exec(text);
  if (prefix !== null) {
    srid = Number(prefix[1]);
    offset = prefix[0].length;
    body = text.slice(offset);
  }
  let tokens: Token[];
  try {
    tokens = tokenize(body);
  } catch (error) {
    if (error instanceof WktError) throw new WktError(error.at + offset, error.reason);
    throw error;
  }
  const parser = new Parser(tokens);
  try {
    const geometry = parser.geometry();
    parser.finish();
    return srid === undefined ? { geometry } : { geometry, srid };
  } catch (error) {
    if (error instanceof WktError) throw new WktError(error.at + offset, error.reason);
    throw error;
  }
}
