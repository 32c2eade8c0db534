import { describe, expect, it } from 'vitest';
import type { LonLat } from '../model/geo';
import { createRng } from '../sample/random';
import { findBatchDuplicates, findDuplicates, greatCircleM, type DuplicateCase } from './duplicates';

/** Metres per degree of latitude on the 6371 km sphere geokdbush measures on. */
const M_PER_DEG_LAT = (6371_000 * Math.PI) / 180;
const HOUR = 3_600_000;
const base: LonLat = [119.99, 32.86];
const t0 = Date.parse('2026-11-20T09:00:00+08:00');

/** A point `northM` metres north and `eastM` metres east of base. */
function offset(northM: number, eastM = 0): LonLat {
  const lat = base[1] + northM / M_PER_DEG_LAT;
  const lon = base[0] + eastM / (M_PER_DEG_LAT * Math.cos((base[1] * Math.PI) / 180));
  return [lon, lat];
}

function stored(
  id: string,
  location: LonLat,
  hours: number,
  extra: Partial<DuplicateCase> = {},
): DuplicateCase {
  return { id, matterCode: 'CG-001', location, reportedAt: t0 + hours * HOUR, stage: 'registered', ...extra };
}

describe('findDuplicates', () => {
  const probe = { matterCode: 'CG-001', location: base, reportedAt: t0 };

  it('finds same-matter cases within 100 m and 24 h, nearest first, then closest in time', () => {
    // a1 and a2 stand at the same spot; a1 came in closer in time.
    const existing = [
      stored('far-in-time', offset(10), 25),
      stored('b', offset(60), -3),
      stored('a2', offset(20), 5),
      stored('a1', offset(20), -1),
      stored('too-far', offset(101), 0),
      stored('other-matter', offset(5), 0, { matterCode: 'CG-002' }),
    ];
    const matches = findDuplicates(probe, existing);
    expect(matches.map((m) => m.id)).toEqual(['a1', 'a2', 'b']);
    expect(matches[0]!.distanceM).toBeCloseTo(20, 3);
    expect(matches[0]!.hoursApart).toBe(1);
    expect(matches[2]!.distanceM).toBeCloseTo(60, 3);
    expect(matches[2]!.hoursApart).toBe(3);
  });

  it('ignores rejected, voided and merged cases but keeps closed ones', () => {
    const existing = [
      stored('rejected', offset(1), 0, { stage: 'rejected' }),
      stored('voided', offset(2), 0, { stage: 'voided' }),
      stored('merged', offset(3), 0, { stage: 'merged' }),
      stored('closed', offset(4), 0, { stage: 'closed' }),
    ];
    expect(findDuplicates(probe, existing).map((m) => m.id)).toEqual(['closed']);
  });

  it('honours other limits and has nothing for an unplaced report', () => {
    const existing = [stored('x', offset(150), 30)];
    expect(findDuplicates(probe, existing, { maxDistanceM: 200, maxHoursApart: 48 })).toHaveLength(1);
    expect(
      findDuplicates({ ...probe, location: null }, existing, { maxDistanceM: 200, maxHoursApart: 48 }),
    ).toEqual([]);
  });
});

describe('findBatchDuplicates', () => {
  it('reports pairs inside the batch once, on the later item, and matches against stored cases', () => {
    const batch = [
      { matterCode: 'CG-001', location: offset(0), reportedAt: t0 },
      { matterCode: 'CG-001', location: offset(30), reportedAt: t0 + 2 * HOUR },
      { matterCode: 'CG-001', location: null, reportedAt: t0 },
      { matterCode: 'CG-013', location: offset(10), reportedAt: t0 },
    ];
    const existing = [stored('old', offset(50), -4), stored('old-voided', offset(1), 0, { stage: 'voided' })];
    const result = findBatchDuplicates(batch, existing);
    expect(result.map((r) => ({ index: r.index, targets: r.matches.map((m) => m.target) }))).toEqual([
      { index: 0, targets: [{ kind: 'existing', id: 'old' }] },
      {
        index: 1,
        targets: [
          { kind: 'existing', id: 'old' },
          { kind: 'batch', index: 0 },
        ],
      },
    ]);
    expect(result[1]!.matches[0]!.distanceM).toBeCloseTo(20, 3);
    expect(result[1]!.matches[1]!.hoursApart).toBe(2);
  });

  it('agrees with the pairwise definition on thousands of random cases', () => {
    const rng = createRng(7);
    const matterCodes = ['CG-001', 'CG-005', 'ST-001'];
    const point = (): LonLat => offset(rng.range(-3000, 3000), rng.range(-3000, 3000));
    const existing = Array.from({ length: 3000 }, (_, k) =>
      stored(`c${k}`, point(), rng.range(-72, 72), {
        matterCode: rng.pick(matterCodes),
        stage: rng.chance(0.1) ? 'voided' : 'handling',
      }),
    );
    const batch = Array.from({ length: 400 }, () => ({
      matterCode: rng.pick(matterCodes),
      location: point(),
      reportedAt: t0 + rng.range(-72, 72) * HOUR,
    }));
    const options = { maxDistanceM: 150, maxHoursApart: 12 };
    const fast = findBatchDuplicates(batch, existing, options);

    const slow: { index: number; targets: string[] }[] = [];
    batch.forEach((item, index) => {
      const targets: { key: string; d: number; h: number }[] = [];
      for (const c of existing) {
        if (c.stage === 'voided' || c.matterCode !== item.matterCode) continue;
        const d = greatCircleM(item.location, c.location);
        const h = Math.abs(c.reportedAt - item.reportedAt) / HOUR;
        if (d <= options.maxDistanceM && h <= options.maxHoursApart) targets.push({ key: c.id, d, h });
      }
      for (let j = 0; j < index; j++) {
        const other = batch[j]!;
        if (other.matterCode !== item.matterCode) continue;
        const d = greatCircleM(item.location, other.location);
        const h = Math.abs(other.reportedAt - item.reportedAt) / HOUR;
        if (d <= options.maxDistanceM && h <= options.maxHoursApart) targets.push({ key: `#${j}`, d, h });
      }
      targets.sort((a, b) => a.d - b.d || a.h - b.h);
      if (targets.length > 0) slow.push({ index, targets: targets.map((t) => t.key) });
    });
    expect(slow.length).toBeGreaterThan(5);
    expect(
      fast.map((r) => ({
        index: r.index,
        targets: r.matches.map((m) => (m.target.kind === 'existing' ? m.target.id : `#${m.target.index}`)),
      })),
    ).toEqual(slow);
  });
});
