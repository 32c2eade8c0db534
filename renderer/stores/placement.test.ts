import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FIXTURE_GRID_CODES, makeFixtureDataset } from '../../shared/schema/test-fixture';
import { usePlacementStore } from './placement';
import { useTownshipStore } from './township';
import { FAR_OUTSIDE_M } from '../../shared/assignment/responsibility';
import { startTestWorkstation, type TestWorkstation } from './test-workstation';

let ws: TestWorkstation;
beforeEach(async () => {
  ws = await startTestWorkstation('operator');
});
afterEach(async () => {
  await ws.close();
});

const cases = makeFixtureDataset().cases;
/** The fixture's case-2 lies in the second grid (第2网格), case-3 in the third. */
const IN_SECOND = cases[1]!.location;
const IN_THIRD = cases[2]!.location;

describe('the placement store with the spatial service', () => {
  it('locates a point into its grid, with the patrol area and the team on duty there', async () => {
    const placement = usePlacementStore();
    await placement.placeAt(IN_SECOND);
    expect(placement.error).toBeNull();
    expect(placement.result?.kind).toBe('inside');
    if (placement.result?.kind !== 'inside') return;
    expect(placement.result.grid.code).toBe(FIXTURE_GRID_CODES[1]);
    expect(placement.result.grid.name).toBe('第2网格');
    expect(placement.result.patrolArea.id).toBe('area-1');
    expect(placement.result.team.id).toBe('team-1');
    expect(placement.point).toEqual(IN_SECOND);
    expect(placement.dispatch).not.toBeNull();
  });

  it('says a point west of the township is outside, naming the nearest grid', async () => {
    const placement = usePlacementStore();
    const [lon, lat] = cases[0]!.location;
    await placement.placeAt([lon - 0.02, lat]);
    expect(placement.result?.kind).toBe('outside');
    if (placement.result?.kind !== 'outside') return;
    expect(placement.result.nearest?.grid.code).toBe(FIXTURE_GRID_CODES[0]);
    expect(placement.result.nearest!.distanceM).toBeGreaterThan(1000);
  });

  it('proposes officers for a point just outside the township, and none for one far outside', async () => {
    const placement = usePlacementStore();
    const [lon, lat] = cases[0]!.location;
    await placement.placeAt([lon - 0.02, lat]);
    expect(placement.result?.kind === 'outside' && placement.result.nearest!.distanceM).toBeLessThan(
      FAR_OUTSIDE_M,
    );
    expect(placement.dispatch).not.toBeNull();
    // 0.2° west is about 19 km from the nearest grid: referral only.
    await placement.placeAt([lon - 0.2, lat]);
    expect(placement.result?.kind === 'outside' && placement.result.nearest!.distanceM).toBeGreaterThan(
      FAR_OUTSIDE_M,
    );
    expect(placement.dispatch).toBeNull();
  });

  it('keeps the latest of two quick placements, and cancel forgets the point', async () => {
    const placement = usePlacementStore();
    const first = placement.placeAt(IN_SECOND);
    const second = placement.placeAt(IN_THIRD);
    await Promise.all([first, second]);
    expect(placement.result?.kind === 'inside' && placement.result.grid.code).toBe(FIXTURE_GRID_CODES[2]);
    placement.cancel();
    expect([placement.placing, placement.point, placement.result]).toEqual([false, null, null]);
  });
});

describe('the matter field’s search', () => {
  it('lists the whole power list for an empty query, and the best matches first for a typed one', () => {
    const township = useTownshipStore();
    const codes = (query: string) => township.findMatters(query).map((m) => m.code);
    expect(codes('')).toEqual(['CG-001', 'SC-002', 'HB-003']);
    expect(codes('wzjy')).toEqual(['SC-002']); // 无照经营
    expect(codes('焚烧')).toEqual(['HB-003']);
    expect(codes('hb-003')).toEqual(['HB-003']);
    expect(codes('经营')).toEqual(['CG-001', 'SC-002']);
    expect(codes('拖欠工资')).toEqual([]);
  });
});
