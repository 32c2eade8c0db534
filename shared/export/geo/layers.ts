/**
 * What GridDesk exports: its grids, patrol areas, officers and cases as layers any writer here takes
 * (Shapefile, GeoJSON, CSV). Each layer has fixed columns, named in the reader's language by the
 * caller (`geoExport.column.*` and the stage, source, urgency and officer words of the i18n files),
 * and holds plain values: codes and names (not ids only), areas in square metres with two decimals,
 * times as "YYYY-MM-DD HH:MM:SS" in the centre's zone (shared/calendar/zone.ts), so that importing the
 * file again gives back the same codes and attributes.
 */
import { area } from '@turf/turf';
import { centreTimestamp } from '../../calendar/zone';
import type { Case, CaseSource, LoopStage, Urgency } from '../../model/case';
import { asGeoJson } from '../../model/geo';
import type { Matter } from '../../model/matter';
import type { Community, Grid, Officer, OfficerStatus, PatrolArea, Team } from '../../model/organisation';
import type { CsvGeometryColumns } from './csv';
import type { ExportColumn, ExportFeature } from './result';
import type { ShapeKind } from './shp';

/** The columns of each layer, in file order; their headers are `geoExport.column.<layer>.<key>`. */
export const EXPORT_COLUMNS = {
  grids: ['code', 'name', 'community', 'patrolArea', 'team', 'areaM2'],
  patrolAreas: ['id', 'name', 'team', 'color', 'gridCount', 'areaM2'],
  officers: ['id', 'name', 'kind', 'certificateNo', 'team', 'phone', 'status', 'deviceId'],
  cases: [
    'caseNo',
    'stage',
    'source',
    'urgency',
    'matterCode',
    'matter',
    'gridCode',
    'grid',
    'team',
    'officers',
    'reportedAt',
    'registeredAt',
    'dispatchedAt',
    'closedAt',
    'address',
    'description',
    'externalRef',
  ],
} as const;

export type ExportLayerName = keyof typeof EXPORT_COLUMNS;
export type ExportColumnKey<L extends ExportLayerName> = (typeof EXPORT_COLUMNS)[L][number];

/** The words of the files, in the reader's language. */
export interface ExportLabels {
  /** The header of a column, e.g. `grids`/`code` → 网格编码. */
  readonly column: (layer: ExportLayerName, key: string) => string;
  readonly stage: (stage: LoopStage) => string;
  readonly source: (source: CaseSource) => string;
  readonly urgency: (urgency: Urgency) => string;
  readonly officerKind: (kind: Officer['kind']) => string;
  readonly officerStatus: (status: OfficerStatus) => string;
  /** Headers of a point layer's coordinate columns in CSV: 经度, 纬度 / lon, lat. */
  readonly lonLat: readonly [lon: string, lat: string];
}

/**
 * How a layer's geometry goes into CSV: points as lon/lat columns, lines and polygons as one `WKT`
 * column (the name GDAL's CSV driver and QGIS take as geometry without being told).
 */
export function csvGeometry(layer: ExportLayer, labels: ExportLabels): CsvGeometryColumns {
  return layer.kind === 'point'
    ? { form: 'lonLat', headers: labels.lonLat }
    : { form: 'wkt', headers: ['WKT'] };
}

/** One exported layer: what a writer needs. */
export interface ExportLayer {
  readonly layer: ExportLayerName;
  readonly kind: ShapeKind;
  readonly columns: readonly ExportColumn[];
  readonly features: readonly ExportFeature[];
}

/** The organisation the layers name things by. */
export interface ExportContext {
  readonly communities: readonly Community[];
  readonly grids: readonly Grid[];
  readonly patrolAreas: readonly PatrolArea[];
  readonly teams: readonly Team[];
  readonly officers: readonly Officer[];
  readonly matters: readonly Matter[];
}

/** Free-text columns, cut rather than refused where a format limits their length. */
const FREE_TEXT = new Set<string>(['address', 'description']);

function columnsOf(layer: ExportLayerName, labels: ExportLabels): ExportColumn[] {
  return EXPORT_COLUMNS[layer].map((key) => ({
    key,
    name: labels.column(layer, key),
    ...(FREE_TEXT.has(key) ? { truncate: true } : {}),
  }));
}

function nameIndex<T>(items: readonly T[], key: (t: T) => string, name: (t: T) => string) {
  const map = new Map(items.map((t) => [key(t), name(t)]));
  return (k: string | undefined): string => (k === undefined ? '' : (map.get(k) ?? ''));
}

const m2 = (value: number): number => Math.round(value * 100) / 100;

/** 网格: code, name, community, patrol area, team, area (m²); polygons. */
export function gridsLayer(ctx: ExportContext, labels: ExportLabels): ExportLayer {
  const community = nameIndex(
    ctx.communities,
    (c) => c.code,
    (c) => c.name,
  );
  const areaById = new Map(ctx.patrolAreas.map((p) => [p.id, p]));
  const team = nameIndex(
    ctx.teams,
    (t) => t.id,
    (t) => t.name,
  );
  return {
    layer: 'grids',
    kind: 'polygon',
    columns: columnsOf('grids', labels),
    features: ctx.grids.map((g) => {
      const patrol = areaById.get(g.patrolAreaId);
      return {
        geometry: asGeoJson(g.geometry),
        properties: {
          code: g.code,
          name: g.name,
          community: community(g.communityCode),
          patrolArea: patrol?.name ?? '',
          team: team(patrol?.teamId),
          areaM2: m2(g.areaM2),
        },
      };
    }),
  };
}

/** 片区: id, name, team, colour, number of grids, area (m², geodesic, from its outline); polygons. */
export function patrolAreasLayer(ctx: ExportContext, labels: ExportLabels): ExportLayer {
  const team = nameIndex(
    ctx.teams,
    (t) => t.id,
    (t) => t.name,
  );
  return {
    layer: 'patrolAreas',
    kind: 'polygon',
    columns: columnsOf('patrolAreas', labels),
    features: ctx.patrolAreas.map((p) => ({
      geometry: asGeoJson(p.geometry),
      properties: {
        id: p.id,
        name: p.name,
        team: team(p.teamId),
        color: p.color,
        gridCount: ctx.grids.filter((g) => g.patrolAreaId === p.id).length,
        areaM2: m2(area(asGeoJson(p.geometry) as GeoJSON.Polygon | GeoJSON.MultiPolygon)),
      },
    })),
  };
}

/**
 * 执法人员: id, name, kind, certificate, team name, phone, status, device id (设备号, '' for none); last
 * position as a point, if any.
 */
export function officersLayer(ctx: ExportContext, labels: ExportLabels): ExportLayer {
  const team = nameIndex(
    ctx.teams,
    (t) => t.id,
    (t) => t.name,
  );
  return {
    layer: 'officers',
    kind: 'point',
    columns: columnsOf('officers', labels),
    features: ctx.officers.map((o) => ({
      geometry: o.position === undefined ? null : { type: 'Point', coordinates: [...o.position] },
      properties: {
        id: o.id,
        name: o.name,
        kind: labels.officerKind(o.kind),
        certificateNo: o.kind === 'certified' ? o.certificateNo : '',
        team: team(o.teamId),
        phone: o.phone,
        status: labels.officerStatus(o.status),
        deviceId: o.deviceId ?? '',
      },
    })),
  };
}

/** When the case first reached `stage`, in the centre's zone, or '' if it has not. */
function stageTime(c: Case, stage: LoopStage, zone: string): string {
  const step = c.steps.find((s) => s.stage === stage);
  return step === undefined ? '' : centreTimestamp(step.at, zone);
}

/**
 * 案件: number, stage, source, urgency, matter (code and name), grid (code and name), team, officers
 * (names, joined by 、), when reported, registered, dispatched and closed (centre's zone `zone`),
 * address, description, 12345 work-order number; the location as a point.
 */
export function casesLayer(
  cases: readonly Case[],
  ctx: ExportContext,
  labels: ExportLabels,
  zone: string,
): ExportLayer {
  const matter = nameIndex(
    ctx.matters,
    (m) => m.code,
    (m) => m.name,
  );
  const grid = nameIndex(
    ctx.grids,
    (g) => g.code,
    (g) => g.name,
  );
  const team = nameIndex(
    ctx.teams,
    (t) => t.id,
    (t) => t.name,
  );
  const officer = nameIndex(
    ctx.officers,
    (o) => o.id,
    (o) => o.name,
  );
  return {
    layer: 'cases',
    kind: 'point',
    columns: columnsOf('cases', labels),
    features: cases.map((c) => ({
      geometry: { type: 'Point', coordinates: [...c.location] },
      properties: {
        caseNo: c.caseNo,
        stage: labels.stage(c.stage),
        source: labels.source(c.source),
        urgency: labels.urgency(c.urgency),
        matterCode: c.matterCode,
        matter: matter(c.matterCode),
        gridCode: c.gridCode,
        grid: grid(c.gridCode),
        team: team(c.teamId),
        officers: (c.officerIds ?? []).map((id) => officer(id) || id).join('、'),
        reportedAt: centreTimestamp(c.reportedAt, zone),
        registeredAt: stageTime(c, 'registered', zone),
        dispatchedAt: stageTime(c, 'dispatched', zone),
        closedAt: stageTime(c, 'closed', zone),
        address: c.address,
        description: c.description,
        externalRef: c.externalRef ?? '',
      },
    })),
  };
}
