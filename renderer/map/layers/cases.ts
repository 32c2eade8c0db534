import type { FeatureCollection, Point } from 'geojson';
import type {
  ExpressionSpecification,
  GeoJSONSource,
  LayerSpecification,
  Map as MapLibreMap,
  SourceSpecification,
} from 'maplibre-gl';
import { CASE_STAGES, URGENCIES, type Case } from '../../../shared/model/case';
import { LABEL_FONT, MAP_THEMES, STAGE_COLORS, URGENCY_RADIUS, type MapTheme } from '../palette';
import { defineMapLayer, distinctRendered } from '../layer-module';

export const CASES_SOURCE = 'cases';
export const CASE_POINT_LAYER = 'cases-point';
export const CASE_CLUSTER_LAYER = 'cases-cluster';
/** A red ring around each overdue case drawn on its own. */
export const CASE_OVERDUE_LAYER = 'cases-overdue';
/** Overdue cases are ringed in this red, clusters holding one in their outline. */
export const OVERDUE_COLOR = '#ef4444';
/** Above this zoom every case is drawn on its own. */
export const CASE_CLUSTER_MAX_ZOOM = 14;

/** The open cases as features; those in `overdue` (case ids) carry `overdue: 1`. */
export function caseFeatures(
  cases: readonly Case[],
  overdue: ReadonlySet<string> = new Set(),
): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: cases.map((c) => ({
      type: 'Feature',
      properties: {
        id: c.id,
        caseNo: c.caseNo,
        stage: c.stage,
        urgency: c.urgency,
        matterCode: c.matterCode,
        overdue: overdue.has(c.id) ? 1 : 0,
      },
      geometry: { type: 'Point', coordinates: [...c.location] },
    })),
  };
}

export function casesSource(): SourceSpecification {
  return {
    type: 'geojson',
    data: { type: 'FeatureCollection', features: [] },
    cluster: true,
    clusterMaxZoom: CASE_CLUSTER_MAX_ZOOM,
    clusterRadius: 44,
    clusterProperties: {
      critical: ['+', ['case', ['==', ['get', 'urgency'], 'critical'], 1, 0]],
      overdue: ['+', ['get', 'overdue']],
    },
    promoteId: 'id',
  };
}

const stageColor = [
  'match',
  ['get', 'stage'],
  ...CASE_STAGES.flatMap((s) => [s, STAGE_COLORS[s]]),
  '#6b7280',
] as unknown as ExpressionSpecification;
const urgencyRadius = [
  'match',
  ['get', 'urgency'],
  ...URGENCIES.flatMap((u) => [u, URGENCY_RADIUS[u]]),
  6,
] as unknown as ExpressionSpecification;

export function caseLayers(theme: MapTheme = MAP_THEMES.light): LayerSpecification[] {
  return [
    {
      id: CASE_CLUSTER_LAYER,
      type: 'circle',
      source: CASES_SOURCE,
      filter: ['has', 'point_count'],
      paint: {
        'circle-color': ['case', ['>', ['get', 'critical'], 0], '#dc2626', '#2563eb'],
        'circle-opacity': 0.85,
        'circle-radius': ['step', ['get', 'point_count'], 13, 10, 17, 30, 22],
        'circle-stroke-color': ['case', ['>', ['get', 'overdue'], 0], OVERDUE_COLOR, theme.caseRing],
        'circle-stroke-width': ['case', ['>', ['get', 'overdue'], 0], 3, 2],
      },
    },
    {
      id: 'cases-cluster-count',
      type: 'symbol',
      source: CASES_SOURCE,
      filter: ['has', 'point_count'],
      layout: {
        'text-font': LABEL_FONT,
        'text-field': ['get', 'point_count_abbreviated'],
        'text-size': 12,
        'text-allow-overlap': true,
      },
      paint: { 'text-color': '#ffffff' },
    },
    {
      id: CASE_OVERDUE_LAYER,
      type: 'circle',
      source: CASES_SOURCE,
      filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'overdue'], 1]],
      paint: {
        'circle-color': 'rgba(0, 0, 0, 0)',
        'circle-radius': ['+', urgencyRadius, 5],
        'circle-stroke-color': OVERDUE_COLOR,
        'circle-stroke-width': 2.5,
      },
    },
    {
      id: CASE_POINT_LAYER,
      type: 'circle',
      source: CASES_SOURCE,
      filter: ['!', ['has', 'point_count']],
      paint: {
        'circle-color': stageColor,
        'circle-radius': urgencyRadius,
        'circle-stroke-color': ['case', ['==', ['get', 'urgency'], 'critical'], '#b91c1c', theme.caseRing],
        'circle-stroke-width': ['case', ['boolean', ['feature-state', 'hover'], false], 3.5, 1.6],
      },
    },
  ];
}

/** Cases drawn on their own plus the cases inside drawn clusters, and of those the overdue ones. */
function renderedCases(map: MapLibreMap): { cases: number; overdueCases: number } {
  const clusters = new Map<unknown, { count: number; overdue: number }>();
  if (map.getLayer(CASE_CLUSTER_LAYER)) {
    for (const f of map.queryRenderedFeatures({ layers: [CASE_CLUSTER_LAYER] })) {
      clusters.set(f.properties.cluster_id, {
        count: Number(f.properties.point_count),
        overdue: Number(f.properties.overdue),
      });
    }
  }
  const clustered = [...clusters.values()].reduce((sum, c) => sum + c.count, 0);
  const clusteredOverdue = [...clusters.values()].reduce((sum, c) => sum + c.overdue, 0);
  return {
    cases: distinctRendered(map, CASE_POINT_LAYER, 'id') + clustered,
    overdueCases: distinctRendered(map, CASE_OVERDUE_LAYER, 'id') + clusteredOverdue,
  };
}

/** Eases to a cluster at the zoom where it splits into smaller clusters or cases (at least one level in). */
function zoomIntoCluster(map: MapLibreMap, point: Point, clusterId: number): void {
  const center = point.coordinates as [number, number];
  const from = map.getZoom();
  const source = map.getSource<GeoJSONSource>(CASES_SOURCE);
  const go = (zoom: number): void => {
    map.easeTo({ center, zoom: Math.min(Math.max(zoom, from + 1), map.getMaxZoom()) });
  };
  if (!source || !Number.isFinite(clusterId)) return go(from + 2);
  source.getClusterExpansionZoom(clusterId).then(go, () => go(from + 2));
}

/** The open cases, clustered below {@link CASE_CLUSTER_MAX_ZOOM}, overdue ones ringed in red. */
export const casesLayer = defineMapLayer({
  id: 'cases',
  order: 3,
  toggle: true,
  sources: () => ({ [CASES_SOURCE]: casesSource() }),
  layers: caseLayers,
  band: () => 'overlay',
  reads: ['openCases', 'overdue'],
  update: (d) => ({ [CASES_SOURCE]: caseFeatures(d.openCases, d.overdue) }),
  pick: [
    { layer: CASE_POINT_LAYER, select: (f) => ({ kind: 'case', id: String(f.properties.id) }) },
    {
      layer: CASE_CLUSTER_LAYER,
      hover: false,
      // A click on a cluster zooms in on it, far enough that it breaks up (its expansion zoom), and the
      // details panel says how many cases it holds.
      select: (f, map) => {
        zoomIntoCluster(map, f.geometry as Point, Number(f.properties.cluster_id));
        return { kind: 'cluster', count: Number(f.properties.point_count) };
      },
    },
  ],
  probe: renderedCases,
});
