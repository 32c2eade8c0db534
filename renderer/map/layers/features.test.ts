import { describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../../shared/schema/test-fixture';
import { isOpenStage } from '../../../shared/model/case';
import { gridFeatures } from './grids';
import { patrolAreaFeatures } from './patrol-areas';
import { officerFeatures } from './officers';
import { caseFeatures } from './cases';
import { basemapFeatures } from './basemap';
import { playbackMarkerFeatures, playbackTrackFeatures } from './playback';
import { TILE_PROTOCOL } from '../tiles/tile-url';
import { offlineStyle } from '../style';

const dataset = makeFixtureDataset();

describe('map features from the township data', () => {
  it('draws one grid feature per grid, keyed by its code, with the short code for labels', () => {
    const fc = gridFeatures(dataset.grids);
    expect(fc.features.map((f) => f.properties?.code)).toEqual(dataset.grids.map((g) => g.code));
    expect(fc.features[0]?.properties?.shortCode).toBe(dataset.grids[0]?.code.slice(9));
  });

  it('labels each patrol area with its name and its team', () => {
    const fc = patrolAreaFeatures(dataset.patrolAreas, dataset.teams);
    const area = dataset.patrolAreas[0];
    const team = dataset.teams.find((t) => t.id === area?.teamId);
    expect(fc.features[0]?.properties?.label).toBe(`${area?.name}\n${team?.name}`);
  });

  it('draws only officers whose phone has reported a position', () => {
    const withPosition = dataset.officers.filter((o) => o.position).map((o) => o.id);
    expect(officerFeatures(dataset.officers).features.map((f) => f.properties?.id)).toEqual(withPosition);
  });

  it('carries each officer’s unit status as the badge to draw, the roster’s word where none is derived', () => {
    const officers = dataset.officers.map((o) => ({ ...o, position: [118.3, 34.3] as const }));
    const states = new Map([['off-1', { status: 'offline' as const, caseIds: [] }]]);
    const display = (s?: typeof states) =>
      officerFeatures(officers, s).features.map((f) => [f.properties?.id, f.properties?.display]);
    expect(display(states)).toEqual([
      ['off-1', 'offline'],
      ['off-2', 'idle'],
    ]);
    expect(display()).toEqual([
      ['off-1', 'idle'],
      ['off-2', 'idle'],
    ]);
  });

  it('carries stage and urgency on each case so the style can colour and size it', () => {
    const open = dataset.cases.filter((c) => isOpenStage(c.stage));
    const fc = caseFeatures(open);
    expect(fc.features.map((f) => [f.properties?.stage, f.properties?.urgency])).toEqual(
      open.map((c) => [c.stage, c.urgency]),
    );
  });

  it('tags every basemap feature with the layer that draws it', () => {
    const layers = new Set(basemapFeatures(dataset.basemap).features.map((f) => f.properties?.layer));
    for (const layer of layers)
      expect(['settlement', 'settlement-label', 'water', 'road', 'poi']).toContain(layer);
  });
});

describe('map features of a track playback', () => {
  it('draws a line per unbroken stretch of two points or more, and a labelled mark per tick', () => {
    const fc = playbackTrackFeatures({
      tracks: [
        {
          officerId: 'off-1',
          colour: '#2563eb',
          segments: [
            [
              [121.4, 28.6],
              [121.41, 28.6],
            ],
            [[121.42, 28.61]],
          ],
        },
      ],
      ticks: [{ officerId: 'off-1', colour: '#2563eb', at: 1000, position: [121.4, 28.6], label: '09:30' }],
    });
    expect(fc.features.map((f) => [f.geometry.type, f.properties?.kind, f.properties?.colour])).toEqual([
      ['LineString', 'line', '#2563eb'],
      ['Point', 'tick', '#2563eb'],
    ]);
    expect(fc.features[1]?.properties).toMatchObject({ label: '09:30', tickId: 'off-1@1000' });
    expect(playbackTrackFeatures(null).features).toEqual([]);
  });

  it('puts each replayed officer where the replay has them, with their name', () => {
    const fc = playbackMarkerFeatures([
      { officerId: 'off-1', name: '陈亮', colour: '#2563eb', position: [121.405, 28.6], stale: true },
    ]);
    expect(fc.features[0]?.geometry).toEqual({ type: 'Point', coordinates: [121.405, 28.6] });
    expect(fc.features[0]?.properties).toEqual({
      officerId: 'off-1',
      name: '陈亮',
      colour: '#2563eb',
      stale: true,
    });
  });
});

describe('the offline style', () => {
  it('needs no network: no sprite, no glyphs, and tiles only from its own tile worker', () => {
    const style = offlineStyle();
    expect(style.glyphs).toBeUndefined();
    expect(style.sprite).toBeUndefined();
    for (const source of Object.values(style.sources)) {
      if (source.type === 'vector')
        for (const url of source.tiles ?? []) expect(url.startsWith(`${TILE_PROTOCOL}://`), url).toBe(true);
      else expect(source.type).toBe('geojson');
    }
  });

  it('draws officers above cases, and cases above grids and the basemap', () => {
    const ids = offlineStyle().layers.map((l) => l.id);
    expect(ids.indexOf('officers-icon')).toBeGreaterThan(ids.indexOf('cases-point'));
    expect(ids.indexOf('cases-point')).toBeGreaterThan(ids.indexOf('grids-fill'));
    expect(ids.indexOf('grids-fill')).toBeGreaterThan(ids.indexOf('basemap-road'));
    expect(ids[0]).toBe('background');
  });
});
