import { describe, expect, expectTypeOf, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { isOpenStage } from '../../shared/model/case';
import { LAYER_GROUPS, LAYER_GROUP_IDS, MAP_LAYERS, PICK_RULES, type RenderedCounts } from './registry';
import { MAP_THEMES } from './palette';
import { offlineStyle } from './style';
import type { MapLayerData } from './layer-module';

const dataset = makeFixtureDataset();
const data: MapLayerData = {
  ...dataset,
  openCases: dataset.cases.filter((c) => isOpenStage(c.stage)),
  overdue: new Set(),
  unitStates: new Map(),
  placement: [120.1, 32.5],
  importPreview: [{ row: 2, location: [120.1, 32.5], inside: true }],
  playback: {
    tracks: [
      {
        officerId: 'off-1',
        colour: '#2563eb',
        segments: [
          [
            [120.1, 32.5],
            [120.11, 32.5],
          ],
        ],
      },
    ],
    ticks: [{ officerId: 'off-1', colour: '#2563eb', at: 0, position: [120.1, 32.5], label: '08:00' }],
  },
  playbackMarkers: [
    { officerId: 'off-1', name: '队员', colour: '#2563eb', position: [120.105, 32.5], stale: false },
  ],
};

describe('the map layer registry', () => {
  it('gives every layer a unique id and a unique order', () => {
    expect(new Set(MAP_LAYERS.map((m) => m.id)).size).toBe(MAP_LAYERS.length);
    expect(new Set(MAP_LAYERS.map((m) => m.order)).size).toBe(MAP_LAYERS.length);
  });

  it('draws each style layer from a source its own module declares, and no style layer id twice', () => {
    const ids = new Set<string>();
    for (const m of MAP_LAYERS) {
      const sources = Object.keys(m.sources());
      expect(sources.length, m.id).toBeGreaterThan(0);
      for (const theme of [MAP_THEMES.light, MAP_THEMES.dark]) {
        for (const layer of m.layers(theme)) {
          expect('source' in layer && sources.includes(String(layer.source)), `${m.id}: ${layer.id}`).toBe(
            true,
          );
        }
      }
      for (const layer of m.layers(MAP_THEMES.light)) {
        expect(ids.has(layer.id), layer.id).toBe(false);
        ids.add(layer.id);
      }
    }
  });

  it('fills exactly the sources each module declares from the data it says it reads', () => {
    for (const m of MAP_LAYERS) {
      expect(Object.keys(m.update(data)).sort(), m.id).toEqual(Object.keys(m.sources()).sort());
      for (const key of m.reads) expect(Object.keys(data), m.id).toContain(key);
    }
    const grids = MAP_LAYERS.find((m) => m.id === 'grids')?.update(data);
    expect(grids?.grids?.features).toHaveLength(dataset.grids.length);
  });

  it('sends a tiled source the features its update gives, in pieces, and tiles every source of such a module', () => {
    for (const m of MAP_LAYERS) {
      if (!('tiled' in m)) continue;
      expect(Object.keys(m.tiled).sort(), m.id).toEqual(Object.keys(m.sources()).sort());
      const whole: Readonly<Record<string, { features: unknown[] }>> = m.update(data);
      const specs: Readonly<Record<string, { type: string }>> = m.sources();
      for (const [id, tiled] of Object.entries(m.tiled)) {
        const pieces = tiled(data);
        const sent = [pieces.slice(0, 5), pieces.slice(5, pieces.count)].flat();
        expect(sent, `${m.id}: ${id}`).toEqual(whole[id]?.features);
        expect(specs[id]?.type).toBe('vector');
      }
    }
  });

  it('draws live only unclustered GeoJSON sources of its own, keyed by a property every feature carries once', () => {
    const live = MAP_LAYERS.flatMap((m) => ('live' in m ? m.live.map((id) => ({ m, id })) : []));
    expect(live.map(({ id }) => id)).toEqual(['officers']);
    for (const { m, id } of live) {
      const specs: Readonly<Record<string, { type: string; promoteId?: unknown; cluster?: unknown }>> =
        m.sources();
      const spec = specs[id];
      expect(spec?.type, id).toBe('geojson');
      expect(spec?.cluster, id).toBeUndefined();
      expect(typeof spec?.promoteId, id).toBe('string');
      const features: Readonly<
        Record<string, { features: { properties: Record<string, unknown> | null }[] }>
      > = m.update(data);
      const keys = features[id]?.features.map((f) => f.properties?.[String(spec?.promoteId)]) ?? [];
      expect(keys.length, id).toBeGreaterThan(0);
      expect(new Set(keys).size, id).toBe(keys.length);
      expect(
        keys.every((k) => typeof k === 'string'),
        id,
      ).toBe(true);
    }
  });

  it('picks and probes only style layers that exist, topmost module first', () => {
    const styleIds = new Set(offlineStyle().layers.map((l) => l.id));
    for (const rule of PICK_RULES) expect(styleIds.has(rule.layer), rule.layer).toBe(true);
    expect(PICK_RULES.map((r) => r.layer)).toEqual([
      'officers-icon',
      'cases-point',
      'cases-cluster',
      'grids-fill',
      'patrol-areas-fill',
    ]);
    const probed = MAP_LAYERS.filter((m) => 'probe' in m).map((m) => m.id);
    expect(probed).toEqual([
      'patrolAreas',
      'grids',
      'cases',
      'officers',
      'playbackTrack',
      'playbackMarker',
      'importPreview',
    ]);
    expectTypeOf<RenderedCounts>().toMatchObjectType<{
      grids: number;
      patrolAreas: number;
      officers: number;
      cases: number;
      overdueCases: number;
    }>();
  });

  it('offers a switch for each command layer, hiding every style layer of that module', () => {
    expect(LAYER_GROUPS).toEqual(['basemap', 'patrolAreas', 'grids', 'cases', 'officers']);
    expect(LAYER_GROUP_IDS.grids).toEqual(['grids-fill', 'grids-outline', 'grids-selected', 'grids-label']);
    const all = LAYER_GROUPS.flatMap((g) => LAYER_GROUP_IDS[g]);
    const style = offlineStyle().layers.map((l) => l.id);
    expect(style.filter((id) => !all.includes(id))).toEqual([
      'background',
      'playback-track-casing',
      'playback-track-line',
      'playback-tick',
      'playback-tick-label',
      'playback-marker-halo',
      'playback-marker',
      'playback-marker-label',
      'placement-halo',
      'placement-point',
      'import-preview-point',
    ]);
  });

  it('stacks outlines over every fill, labels over all geometry and command symbols on top', () => {
    const ids = offlineStyle(MAP_THEMES.dark).layers.map((l) => l.id);
    expect(ids.indexOf('patrol-areas-outline')).toBeGreaterThan(ids.indexOf('grids-outline'));
    expect(ids.indexOf('basemap-road-label')).toBeGreaterThan(ids.indexOf('grids-selected'));
    expect(ids.indexOf('cases-cluster')).toBeGreaterThan(ids.indexOf('grids-label'));
    expect(ids.indexOf('placement-point')).toBeGreaterThan(ids.indexOf('officers-label'));
    expect(ids.indexOf('playback-track-line')).toBeGreaterThan(ids.indexOf('officers-label'));
    expect(ids.indexOf('playback-marker')).toBeGreaterThan(ids.indexOf('playback-tick-label'));
    expect(ids.at(-1)).toBe('import-preview-point');
  });
});
