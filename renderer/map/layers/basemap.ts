import type { FeatureCollection } from 'geojson';
import type { LayerSpecification, SourceSpecification } from 'maplibre-gl';
import type { Basemap } from '../../../shared/model/basemap';
import { asGeoJson } from '../../../shared/model/geo';
import { LABEL_FONT, MAP_THEMES, type MapTheme } from '../palette';
import { defineMapLayer } from '../layer-module';

export const BASEMAP_SOURCE = 'basemap';

/** The township's roads, water, settlements and POIs as one GeoJSON collection, tagged by `layer`. */
export function basemapFeatures(basemap: Basemap): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: [
      ...basemap.settlements.map((s) => ({
        type: 'Feature' as const,
        properties: { layer: 'settlement', kind: s.kind, name: s.name },
        geometry: asGeoJson(s.geometry),
      })),
      ...basemap.settlements.map((s) => ({
        type: 'Feature' as const,
        properties: { layer: 'settlement-label', kind: s.kind, name: s.name },
        geometry: { type: 'Point' as const, coordinates: [...s.labelPoint] },
      })),
      ...basemap.water.map((w) => ({
        type: 'Feature' as const,
        properties: { layer: 'water', kind: w.kind, name: w.name, width: w.widthM ?? 0 },
        geometry: asGeoJson(w.geometry),
      })),
      ...basemap.roads.map((r) => ({
        type: 'Feature' as const,
        properties: { layer: 'road', rank: r.rank, name: r.name },
        geometry: asGeoJson(r.geometry),
      })),
      ...basemap.pois.map((p) => ({
        type: 'Feature' as const,
        properties: { layer: 'poi', kind: p.kind, name: p.name },
        geometry: { type: 'Point' as const, coordinates: [...p.location] },
      })),
    ],
  };
}

export function basemapSource(): SourceSpecification {
  return { type: 'geojson', data: { type: 'FeatureCollection', features: [] }, tolerance: 0.2 };
}

const roadWidth = (trunk: number, main: number, minor: number) =>
  [
    'interpolate',
    ['exponential', 1.6],
    ['zoom'],
    11,
    ['match', ['get', 'rank'], 'trunk', trunk * 0.4, 'main', main * 0.4, minor * 0.3],
    17,
    ['match', ['get', 'rank'], 'trunk', trunk * 4, 'main', main * 4, minor * 4],
  ] as unknown as number;

export function basemapLayers(theme: MapTheme = MAP_THEMES.light): LayerSpecification[] {
  const C = theme.basemap;
  const src = BASEMAP_SOURCE;
  const text = (size: number) => ({ 'text-font': LABEL_FONT, 'text-size': size });
  return [
    {
      id: 'basemap-settlements',
      type: 'fill',
      source: src,
      filter: ['==', ['get', 'layer'], 'settlement'],
      paint: { 'fill-color': ['match', ['get', 'kind'], 'town-centre', C.townCentre, C.settlement] },
    },
    {
      id: 'basemap-water-area',
      type: 'fill',
      source: src,
      filter: ['all', ['==', ['get', 'layer'], 'water'], ['==', ['geometry-type'], 'Polygon']],
      paint: { 'fill-color': C.water },
    },
    {
      id: 'basemap-water-line',
      type: 'line',
      source: src,
      filter: ['all', ['==', ['get', 'layer'], 'water'], ['==', ['geometry-type'], 'LineString']],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': C.waterLine,
        'line-width': [
          'interpolate',
          ['exponential', 2],
          ['zoom'],
          11,
          1.2,
          17,
          ['*', ['get', 'width'], 1.6],
        ],
      },
    },
    {
      id: 'basemap-road-casing',
      type: 'line',
      source: src,
      filter: ['==', ['get', 'layer'], 'road'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: { 'line-color': C.roadCasing, 'line-width': roadWidth(5, 4, 2.5), 'line-gap-width': 0 },
    },
    {
      id: 'basemap-road',
      type: 'line',
      source: src,
      filter: ['==', ['get', 'layer'], 'road'],
      layout: { 'line-cap': 'round', 'line-join': 'round' },
      paint: {
        'line-color': ['match', ['get', 'rank'], 'trunk', C.trunk, 'main', C.main, C.minor],
        'line-width': roadWidth(3.6, 2.8, 1.6),
      },
    },
    {
      id: 'basemap-road-label',
      type: 'symbol',
      source: src,
      minzoom: 13,
      filter: ['all', ['==', ['get', 'layer'], 'road'], ['!=', ['get', 'rank'], 'minor']],
      layout: {
        ...text(12),
        'text-field': ['get', 'name'],
        'symbol-placement': 'line',
        'symbol-spacing': 400,
      },
      paint: { 'text-color': C.label, 'text-halo-color': C.halo, 'text-halo-width': 1.5 },
    },
    {
      id: 'basemap-water-label',
      type: 'symbol',
      source: src,
      minzoom: 12,
      filter: ['all', ['==', ['get', 'layer'], 'water'], ['==', ['geometry-type'], 'LineString']],
      layout: {
        ...text(12),
        'text-field': ['get', 'name'],
        'symbol-placement': 'line',
        'symbol-spacing': 500,
      },
      paint: { 'text-color': C.waterLabel, 'text-halo-color': C.halo, 'text-halo-width': 1.2 },
    },
    {
      id: 'basemap-settlement-label',
      type: 'symbol',
      source: src,
      filter: ['==', ['get', 'layer'], 'settlement-label'],
      layout: {
        ...text(13),
        'text-size': ['match', ['get', 'kind'], 'town-centre', 16, 13],
        'text-field': ['get', 'name'],
        'text-allow-overlap': false,
      },
      paint: { 'text-color': C.label, 'text-halo-color': C.halo, 'text-halo-width': 1.6 },
    },
    {
      id: 'basemap-poi',
      type: 'circle',
      source: src,
      minzoom: 13,
      filter: ['==', ['get', 'layer'], 'poi'],
      paint: {
        'circle-radius': 3.5,
        'circle-color': '#7c6f5a',
        'circle-stroke-color': '#fff',
        'circle-stroke-width': 1,
      },
    },
    {
      id: 'basemap-poi-label',
      type: 'symbol',
      source: src,
      minzoom: 14,
      filter: ['==', ['get', 'layer'], 'poi'],
      layout: { ...text(11), 'text-field': ['get', 'name'], 'text-offset': [0, 0.9], 'text-anchor': 'top' },
      paint: { 'text-color': C.poiLabel, 'text-halo-color': C.halo, 'text-halo-width': 1.2 },
    },
  ];
}

/** The township's own geography (roads, water, settlements, POIs), drawn under everything else. */
export const basemapLayer = defineMapLayer({
  id: 'basemap',
  order: 0,
  toggle: true,
  sources: () => ({ [BASEMAP_SOURCE]: basemapSource() }),
  layers: basemapLayers,
  reads: ['basemap'],
  update: (d) => ({ [BASEMAP_SOURCE]: basemapFeatures(d.basemap) }),
});
