import { describe, expect, it } from 'vitest';
import type { Feature } from 'geojson';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import type { Officer } from '../../shared/model/organisation';
import { diffFeatures, type FeatureKey } from './live-diff';
import { officerFeatures } from './layers/officers';

const point = (id: FeatureKey | undefined, lon: number, lat: number, extra: object = {}): Feature => ({
  type: 'Feature',
  properties: { ...(id === undefined ? {} : { id }), ...extra },
  geometry: { type: 'Point', coordinates: [lon, lat] },
});

/** The features of a first drawing, by key, as the live source keeps them. */
const drawnOf = (features: readonly Feature[]): ReadonlyMap<FeatureKey, Feature> =>
  diffFeatures(new Map(), features, 'id').drawn;

describe('the diff of a live source between two drawings', () => {
  it('adds every feature of a first drawing and mentions nothing else', () => {
    const features = [point('a', 120, 32), point('b', 120.1, 32.1)];
    const { diff, moves, drawn, empty } = diffFeatures(new Map(), features, 'id');
    expect(diff).toEqual({ add: features });
    expect(moves).toEqual([]);
    expect([...drawn.keys()]).toEqual(['a', 'b']);
    expect(empty).toBe(false);
  });

  it('says nothing of a drawing equal to the last, even made of new objects', () => {
    const drawn = drawnOf([point('a', 120, 32, { status: 'busy' })]);
    const again = diffFeatures(drawn, [point('a', 120, 32, { status: 'busy' })], 'id');
    expect(again.empty).toBe(true);
    expect(again.diff).toEqual({});
  });

  it('moves a point by its new geometry alone, and lists the move from where it was drawn', () => {
    const drawn = drawnOf([point('a', 120, 32, { name: '张伟' }), point('b', 121, 33)]);
    const { diff, moves } = diffFeatures(
      drawn,
      [point('a', 120.001, 32.002, { name: '张伟' }), point('b', 121, 33)],
      'id',
    );
    expect(diff).toEqual({
      update: [{ id: 'a', newGeometry: { type: 'Point', coordinates: [120.001, 32.002] } }],
    });
    expect(moves).toEqual([{ id: 'a', from: [120, 32], to: [120.001, 32.002] }]);
  });

  it('sets the properties that changed or appeared and drops those that went, leaving the geometry', () => {
    const drawn = drawnOf([point('a', 120, 32, { status: 'patrolling', kind: 'certified', teamId: 't1' })]);
    const next = point('a', 120, 32, { status: 'busy', kind: 'certified', shown: 'busy' });
    const { diff, moves } = diffFeatures(drawn, [next], 'id');
    expect(diff).toEqual({
      update: [
        {
          id: 'a',
          addOrUpdateProperties: [
            { key: 'status', value: 'busy' },
            { key: 'shown', value: 'busy' },
          ],
          removeProperties: ['teamId'],
        },
      ],
    });
    expect(moves).toEqual([]);
  });

  it('removes the features the new drawing lacks and adds those it brings', () => {
    const drawn = drawnOf([point('a', 120, 32), point('b', 121, 33)]);
    const c = point('c', 122, 34);
    const { diff, drawn: after } = diffFeatures(drawn, [point('b', 121, 33), c], 'id');
    expect(diff).toEqual({ remove: ['a'], add: [c] });
    expect([...after.keys()]).toEqual(['b', 'c']);
  });

  it('adds again, whole, a feature whose geometry changed type (an add replaces it)', () => {
    const drawn = drawnOf([point('a', 120, 32)]);
    const line: Feature = {
      type: 'Feature',
      properties: { id: 'a' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [120, 32],
          [120.1, 32.1],
        ],
      },
    };
    const { diff, moves } = diffFeatures(drawn, [line], 'id');
    expect(diff).toEqual({ add: [line] });
    expect(moves).toEqual([]);
  });

  it('keys by number as well as string, and leaves out features without a usable key or with a key seen before', () => {
    const { diff, drawn } = diffFeatures(
      new Map(),
      [
        point(7, 120, 32),
        point(undefined, 120, 32),
        point(Number.NaN, 1, 1),
        point(7, 121, 33),
        point('7', 122, 34),
      ],
      'id',
    );
    expect(diff.add?.map((f) => f.geometry)).toEqual([
      { type: 'Point', coordinates: [120, 32] },
      { type: 'Point', coordinates: [122, 34] },
    ]);
    expect([...drawn.keys()]).toEqual([7, '7']);
  });

  it('compares array and object property values by content', () => {
    const drawn = drawnOf([point('a', 120, 32, { tags: ['x', 'y'] })]);
    expect(diffFeatures(drawn, [point('a', 120, 32, { tags: ['x', 'y'] })], 'id').empty).toBe(true);
    expect(diffFeatures(drawn, [point('a', 120, 32, { tags: ['x'] })], 'id').diff.update).toEqual([
      { id: 'a', addOrUpdateProperties: [{ key: 'tags', value: ['x'] }] },
    ]);
  });

  it('turns one batch of fixes into the updates of the officers it moved, out of the whole roster', () => {
    const officers = makeFixtureDataset().officers;
    const roster: Officer[] = [...officers, ...officers.map((o) => ({ ...o, id: `${o.id}-2` }))].map(
      (o, i) => ({ ...o, status: 'patrolling', position: [120 + i * 0.01, 32] }),
    );
    const drawn = drawnOf(officerFeatures(roster).features);
    const [first, second, third] = roster as [Officer, Officer, Officer];
    const to: [number, number] = [first.position![0] + 0.001, 32.0005];
    const next = roster.map((o): Officer => {
      if (o.id === first.id) return { ...o, position: to };
      if (o.id === second.id) return { ...o, status: 'busy' };
      if (o.id === third.id) return { ...o, position: undefined };
      return o;
    });
    const { diff, moves } = diffFeatures(drawn, officerFeatures(next).features, 'id');
    expect(diff).toEqual({
      remove: [third.id],
      update: [
        { id: first.id, newGeometry: { type: 'Point', coordinates: to } },
        { id: second.id, addOrUpdateProperties: [{ key: 'status', value: 'busy' }] },
      ],
    });
    expect(moves).toEqual([{ id: first.id, from: first.position, to }]);
  });
});
