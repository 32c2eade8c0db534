import { beforeAll, describe, expect, it } from 'vitest';
import { isOpenStage } from '../model/case';
import type { TownshipDataset } from '../model/dataset';
import { isDispatchedStage } from './case-officers';
import { generateTownship, SAMPLE_SEED } from './township';

describe('officers assigned to the sample cases', () => {
  let ds: TownshipDataset;
  beforeAll(() => {
    ds = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
  });

  it('gives every dispatched case 1–2 officers of its team, two certified ones when the matter needs them', () => {
    const officers = new Map(ds.officers.map((o) => [o.id, o]));
    const matters = new Map(ds.matters.map((m) => [m.code, m]));
    for (const c of ds.cases) {
      if (!isDispatchedStage(c.stage)) {
        expect(c.officerIds, c.id).toBeUndefined();
        continue;
      }
      const crew = (c.officerIds ?? []).map((id) => officers.get(id));
      expect(crew.length, c.id).toBeGreaterThanOrEqual(1);
      expect(crew.length, c.id).toBeLessThanOrEqual(2);
      expect(new Set(c.officerIds).size, c.id).toBe(crew.length);
      for (const o of crew) expect(o?.teamId, c.id).toBe(c.teamId);
      if (matters.get(c.matterCode)?.needsCertified) {
        expect(
          crew.map((o) => o?.kind),
          c.id,
        ).toEqual(['certified', 'certified']);
      }
    }
  });

  it('has every busy officer hold at least one open case', () => {
    const busy = ds.officers.filter((o) => o.status === 'busy');
    expect(busy.length).toBeGreaterThan(0);
    const open = ds.cases.filter((c) => isOpenStage(c.stage));
    for (const o of busy)
      expect(
        open.some((c) => c.officerIds?.includes(o.id)),
        o.id,
      ).toBe(true);
  });

  it('is deterministic and differs with the seed', () => {
    const again = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
    expect(again.cases.map((c) => c.officerIds)).toEqual(ds.cases.map((c) => c.officerIds));
    const other = generateTownship({ seed: SAMPLE_SEED + 1, scale: 'township' });
    const busy = other.officers.filter((o) => o.status === 'busy');
    for (const o of busy)
      expect(other.cases.some((c) => isOpenStage(c.stage) && c.officerIds?.includes(o.id))).toBe(true);
  });
});
