import type { FeatureCollection } from 'geojson';
import type { ExpressionSpecification, LayerSpecification, SourceSpecification } from 'maplibre-gl';
import { CASE_STAGES, URGENCIES, type Case } from '../../../shared/model/case';
import { LABEL_FONT, MAP_THEMES, STAGE_COLORS, URGENCY_RADIUS, type MapTheme } from '../palette';

export const CASES_SOURCE = 'cases';
export const CASE_POINT_LAYER = 'cases-point';
export const CASE_CLUSTER_LAYER = 'cases-cluster';
/** A red ring around each overdue case drawn on its own. */
export const CASE_OVERDUE_LAYER = 'cases-overdue';
export const CASE_LAYER_IDS = [
  CASE_CLUSTER_LAYER,
  'cases-cluster-count',
  CASE_OVERDUE_LAYER,
  CASE_POINT_LAYER,
] as const;
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
