import { describe, expect, it } from 'vitest';
import {
  FRESH_BASEMAP_STATUS,
  NOT_FOUND_LIMIT,
  basemapStatusAfter,
  type BasemapStatus,
  type TileEvent,
} from './basemap-status';

const after = (events: readonly TileEvent[], from: BasemapStatus = FRESH_BASEMAP_STATUS): BasemapStatus =>
  events.reduce(basemapStatusAfter, from);
const shown = ({ offline, refusal }: BasemapStatus) => ({ offline, refusal });
const times = (n: number, event: TileEvent): TileEvent[] => Array.from({ length: n }, () => event);

describe('what the map says of a network basemap', () => {
  it('says the network is down while cached tiles, or none, are drawn, and up at the next answer', () => {
    expect(
      shown(
        after([
          { kind: 'online', source: 'tdt-vec' },
          { kind: 'stale', source: 'tdt-vec' },
        ]),
      ),
    ).toEqual({
      offline: true,
      refusal: null,
    });
    expect(shown(after([{ kind: 'missing', source: 'tdt-vec' }]))).toEqual({ offline: true, refusal: null });
    const down = after([{ kind: 'stale', source: 'tdt-vec' }]);
    expect(after([{ kind: 'online', source: 'tdt-cva' }], down).offline).toBe(false);
    expect(after([{ kind: 'notFound', source: 'tdt-cva' }], down).offline).toBe(false);
  });

  it('names a key 天地图 refuses, and a disk too full to keep the tiles drawn', () => {
    expect(after([{ kind: 'refused', source: 'tdt-vec', key: 'basemap.answer.tiandituKey' }]).refusal).toBe(
      'basemap.answer.tiandituKey',
    );
    expect(after([{ kind: 'quota', source: 'custom-1' }]).refusal).toBe('offlineMap.quotaCache');
    // A tile drawn after a refusal does not take its name away: the key is still wrong for the others.
    const refused = after([{ kind: 'refused', source: 'tdt-vec', key: 'basemap.answer.tiandituKey' }]);
    expect(after([{ kind: 'online', source: 'tdt-vec' }], refused).refusal).toBe(
      'basemap.answer.tiandituKey',
    );
  });

  it(`names a server that has none of the tiles asked for after ${NOT_FOUND_LIMIT} 404s, not the edge of one's coverage`, () => {
    const notFound: TileEvent = { kind: 'notFound', source: 'custom-1' };
    expect(after(times(NOT_FOUND_LIMIT - 1, notFound)).refusal).toBeNull();
    const wrong = after(times(NOT_FOUND_LIMIT, notFound));
    expect(wrong.refusal).toBe('basemap.answer.notFound');
    // A tile found: the address is right after all.
    expect(after([{ kind: 'online', source: 'custom-1' }], wrong).refusal).toBeNull();
    // Past the edge of a server that has tiles, 404s are only its coverage.
    expect(after([{ kind: 'online', source: 'custom-1' }, ...times(50, notFound)]).refusal).toBeNull();
    // Counted per source: another layer's tiles found say nothing of this one.
    expect(after([{ kind: 'online', source: 'other' }, ...times(NOT_FOUND_LIMIT, notFound)]).refusal).toBe(
      'basemap.answer.notFound',
    );
  });
});
