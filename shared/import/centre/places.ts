/**
 * 导入地名: a township's own list of named places — the 地名地址 points of the civil-affairs office, a
 * POI export from 奥维 or a GIS, its roads and villages — for 事件定位's search and the map. A centre
 * set up from its own files has no drawn basemap, so until it imports its places the operator can find
 * only grids and communities by name.
 *
 * Each feature becomes a basemap record by its geometry: a point a POI, a line a road, an area a
 * settlement; the mapped `kind` field (and, for POIs, the name) says which POI kind, road rank or
 * settlement kind. Features that cannot serve are skipped and reported, each reason once with its count
 * and the first features named (a list of 20,000 points would otherwise give 20,000 lines): no name,
 * no usable geometry, outside the township (more than {@link OUTSIDE_TOLERANCE_M} from its boundary),
 * or the same name and layer within {@link DUPLICATE_DISTANCE_M} of a place the centre has or the file
 * gave earlier. Pure: the import worker runs it where the file's features are.
 */
import { booleanPointInPolygon, pointToPolygonDistance } from '@turf/turf';
import type { Basemap, BasemapPoi, BasemapRoad, BasemapSettlement, PoiKind } from '../../model/basemap';
import { asGeoJson, type AreaGeometry, type LineGeometry, type LonLat } from '../../model/geo';
import { foldPlaceText } from '../../places/normalize';
import { lineMidpoint, pointInsideArea } from '../../places/representative-point';
import type { GeoFeature } from '../geo/result';
import type { SetupProblem } from './from-files';
import { propertyText, type FieldMapping } from './mapping';

/** A place further than this from the township's boundary is not the township's (metres). */
export const OUTSIDE_TOLERANCE_M = 1000;
/** Two places of one name and layer closer than this are one place (metres). */
export const DUPLICATE_DISTANCE_M = 50;
/** How many features a folded problem names. */
const NAMED = 5;

export interface PlacesInput {
  /** The file's name as chosen; every problem names it. */
  readonly file: string;
  readonly mapping: FieldMapping<'places'>;
  /** Prefix of the new records' ids, unique to this import (e.g. `imp-<time>-`). */
  readonly idPrefix: string;
}

/** The centre as it is: its boundary, and its places (for duplicates). */
export interface PlacesCurrent {
  readonly boundary: AreaGeometry;
  readonly basemap: Pick<Basemap, 'pois' | 'roads' | 'settlements'>;
}

/** The records an import of places adds to the basemap. */
export interface PlaceRecords {
  readonly pois: readonly BasemapPoi[];
  readonly roads: readonly BasemapRoad[];
  readonly settlements: readonly BasemapSettlement[];
}

export type PlacesPlan =
  | {
      readonly ok: true;
      readonly places: PlaceRecords;
      /** Features left out, each also named in a (warning) problem. */
      readonly skipped: number;
      readonly problems: readonly SetupProblem[];
    }
  | { readonly ok: false; readonly problems: readonly SetupProblem[] };

/** Keys of the problems {@link planPlaces} reports (the i18n test checks each has both texts). */
export const PLACE_ISSUE_KEYS = [
  'places.mapping.noName',
  'places.none',
  'places.nameMissing',
  'places.noGeometry',
  'places.outside',
  'places.duplicate',
] as const;
type PlaceIssueKey = (typeof PLACE_ISSUE_KEYS)[number];

/** What the POI words say, in order: the first kind whose word the kind value or the name holds. */
const POI_WORDS: readonly (readonly [PoiKind, readonly string[]])[] = [
  ['construction', ['工地', '施工', '在建', 'construction']],
  ['hospital', ['医院', '卫生院', '卫生室', '卫生服务', '诊所', '医疗', 'hospital', 'clinic']],
  ['school', ['学校', '小学', '中学', '幼儿园', '大学', '学院', '教育', 'school']],
  ['market', ['农贸', '市场', '菜场', '菜市', '商场', '超市', 'market']],
  [
    'government',
    ['政府', '委员会', '村委', '居委', '街道办', '派出所', '执法', '中队', '机关', '政务', 'government'],
  ],
  ['station', ['车站', '客运', '公交', '地铁', '码头', '加油站', 'station']],
  ['factory', ['工厂', '厂区', '工业园', '产业园', '厂', 'factory']],
];

/** The POI kind the file's kind value (first) or the place's name says; `other` when neither does. */
export function poiKindOf(kindText: string, name: string): PoiKind {
  for (const text of [kindText, name]) {
    const folded = foldPlaceText(text);
    if (folded === '') continue;
    for (const [kind, words] of POI_WORDS) if (words.some((w) => folded.includes(w))) return kind;
  }
  return 'other';
}

/** A road's rank from the file's kind value: 国道/省道/主干道 trunk, 主路/大道/干道 main, else minor. */
export function roadRankOf(kindText: string): BasemapRoad['rank'] {
  const folded = foldPlaceText(kindText);
  if (['国道', '省道', '高速', '快速路', '主干', 'trunk', 'primary'].some((w) => folded.includes(w)))
    return 'trunk';
  if (['主路', '大道', '干道', '县道', 'main', 'secondary'].some((w) => folded.includes(w))) return 'main';
  return 'minor';
}

function settlementKindOf(kindText: string, name: string): BasemapSettlement['kind'] {
  const folded = foldPlaceText(`${kindText}|${name}`);
  return ['镇区', '集镇', '镇中心', '街道中心', 'towncentre'].some((w) => folded.includes(w))
    ? 'town-centre'
    : 'village';
}

const finite = (p: unknown): p is LonLat =>
  Array.isArray(p) && p.length >= 2 && Number.isFinite(p[0]) && Number.isFinite(p[1]);

/** Metres between two nearby lon/lat points (equirectangular; exact enough within a township). */
function metresBetween(a: LonLat, b: LonLat): number {
  const k = Math.PI / 180;
  const x = (b[0] - a[0]) * Math.cos(((a[1] + b[1]) / 2) * k);
  const y = b[1] - a[1];
  return Math.hypot(x, y) * k * 6_371_008.8;
}

type Shape =
  | { readonly layer: 'pois'; readonly location: LonLat }
  | { readonly layer: 'roads'; readonly geometry: LineGeometry; readonly location: LonLat }
  | { readonly layer: 'settlements'; readonly geometry: AreaGeometry; readonly location: LonLat };

/** The longest part of a multi-line, by its number of positions. */
function longestLine(parts: readonly (readonly number[][])[]): readonly number[][] | undefined {
  let best: readonly number[][] | undefined;
  for (const part of parts) if (best === undefined || part.length > best.length) best = part;
  return best;
}

/** What a feature's geometry can be in the basemap, or null when it cannot be any. */
function shapeOf(geometry: GeoJSON.Geometry | null): Shape | null {
  if (geometry === null) return null;
  switch (geometry.type) {
    case 'Point':
      return finite(geometry.coordinates) ? { layer: 'pois', location: lonLat(geometry.coordinates) } : null;
    case 'MultiPoint': {
      const first = geometry.coordinates[0];
      return finite(first) ? { layer: 'pois', location: lonLat(first) } : null;
    }
    case 'LineString':
    case 'MultiLineString': {
      const line = geometry.type === 'LineString' ? geometry.coordinates : longestLine(geometry.coordinates);
      if (line === undefined || line.length < 2 || !line.every(finite)) return null;
      const shape: LineGeometry = { type: 'LineString', coordinates: line.map(lonLat) };
      return { layer: 'roads', geometry: shape, location: lineMidpoint(shape) };
    }
    case 'Polygon':
    case 'MultiPolygon': {
      const rings = geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates;
      if (
        rings.length === 0 ||
        !rings.every((r) => r.length > 0 && r.every((ring) => ring.length >= 4 && ring.every(finite)))
      )
        return null;
      const area: AreaGeometry =
        geometry.type === 'Polygon'
          ? { type: 'Polygon', coordinates: geometry.coordinates.map((r) => r.map(lonLat)) }
          : {
              type: 'MultiPolygon',
              coordinates: geometry.coordinates.map((p) => p.map((r) => r.map(lonLat))),
            };
      return { layer: 'settlements', geometry: area, location: pointInsideArea(area) };
    }
    default:
      return null;
  }
}

function lonLat(p: readonly number[]): LonLat {
  return [p[0] as number, p[1] as number];
}

/** Whether a point is within {@link OUTSIDE_TOLERANCE_M} of the township (inside it or near its edge). */
function nearTownship(boundary: AreaGeometry): (p: LonLat) => boolean {
  const polygon = {
    type: 'Feature' as const,
    properties: {},
    geometry: asGeoJson(boundary),
  } as GeoJSON.Feature<GeoJSON.Polygon | GeoJSON.MultiPolygon>;
  return (p) => {
    const point = [p[0], p[1]];
    if (booleanPointInPolygon(point, polygon)) return true;
    return pointToPolygonDistance(point, polygon, { units: 'meters' }) <= OUTSIDE_TOLERANCE_M;
  };
}

/** Names already taken per layer, by folded name, with where. */
class Taken {
  private readonly byName = new Map<string, LonLat[]>();
  add(layer: Shape['layer'], name: string, at: LonLat): void {
    const key = `${layer}|${foldPlaceText(name)}`;
    const list = this.byName.get(key);
    if (list) list.push(at);
    else this.byName.set(key, [at]);
  }
  has(layer: Shape['layer'], name: string, at: LonLat): boolean {
    const list = this.byName.get(`${layer}|${foldPlaceText(name)}`);
    return list?.some((p) => metresBetween(p, at) < DUPLICATE_DISTANCE_M) ?? false;
  }
}

/** Plans the import of `features` (lon/lat, as the readers give them) as the centre's places. */
export function planPlaces(
  features: readonly GeoFeature[],
  input: PlacesInput,
  current: PlacesCurrent,
): PlacesPlan {
  const { file, mapping } = input;
  if (mapping.name === undefined)
    return { ok: false, problems: [{ severity: 'error', key: 'places.mapping.noName', params: { file } }] };
  const nameField = mapping.name;
  const kindField = mapping.kind;
  const skippedBy = new Map<PlaceIssueKey, { count: number; named: string[] }>();
  const skip = (key: PlaceIssueKey, feature: number, name: string): void => {
    const entry = skippedBy.get(key) ?? { count: 0, named: [] };
    entry.count += 1;
    if (entry.named.length < NAMED) entry.named.push(name === '' ? `#${feature}` : `#${feature} ${name}`);
    skippedBy.set(key, entry);
  };

  const near = nearTownship(current.boundary);
  const taken = new Taken();
  for (const p of current.basemap.pois) taken.add('pois', p.name, p.location);
  for (const r of current.basemap.roads)
    if (r.geometry.coordinates.length > 0) taken.add('roads', r.name, lineMidpoint(r.geometry));
  for (const s of current.basemap.settlements) taken.add('settlements', s.name, s.labelPoint);

  const pois: BasemapPoi[] = [];
  const roads: BasemapRoad[] = [];
  const settlements: BasemapSettlement[] = [];
  let n = 0;
  features.forEach((feature, index) => {
    const number = index + 1;
    const name = propertyText(feature.properties[nameField]);
    if (name === '') return skip('places.nameMissing', number, '');
    const shape = shapeOf(feature.geometry);
    if (shape === null) return skip('places.noGeometry', number, name);
    if (!near(shape.location)) return skip('places.outside', number, name);
    if (taken.has(shape.layer, name, shape.location)) return skip('places.duplicate', number, name);
    taken.add(shape.layer, name, shape.location);
    const kindText = kindField === undefined ? '' : propertyText(feature.properties[kindField]);
    n += 1;
    const id = `${input.idPrefix}${n}`;
    if (shape.layer === 'pois')
      pois.push({ id, name, kind: poiKindOf(kindText, name), location: shape.location });
    else if (shape.layer === 'roads')
      roads.push({ id, name, rank: roadRankOf(kindText), geometry: shape.geometry });
    else
      settlements.push({
        id,
        name,
        kind: settlementKindOf(kindText, name),
        geometry: shape.geometry,
        labelPoint: shape.location,
      });
  });

  const problems: SetupProblem[] = [];
  let skipped = 0;
  for (const key of PLACE_ISSUE_KEYS) {
    const entry = skippedBy.get(key);
    if (entry === undefined) continue;
    skipped += entry.count;
    problems.push({
      severity: 'warning',
      key,
      params: { file, count: entry.count, features: entry.named.join('、') },
    });
  }
  if (n === 0)
    return {
      ok: false,
      problems: [{ severity: 'error', key: 'places.none', params: { file } }, ...problems],
    };
  return { ok: true, places: { pois, roads, settlements }, skipped, problems };
}
