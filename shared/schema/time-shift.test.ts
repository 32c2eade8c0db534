import { describe, expect, it } from 'vitest';
import { SAMPLE_LEAD_MS, newestEventAt, sampleTimeShift, shiftDatasetTime } from './time-shift';
import { FIXTURE_T0, makeFixtureDataset } from './test-fixture';

const HOUR = 3_600_000;

describe('sample time shift', () => {
  it('finds the newest event among case reports, case steps and officer positions', () => {
    // case-1 is reported 40 h after T0 and has no later step; every other event is earlier.
    expect(newestEventAt(makeFixtureDataset())).toBe(FIXTURE_T0 + 40 * HOUR);
    const dataset = makeFixtureDataset();
    const late = FIXTURE_T0 + 50 * HOUR;
    const withLatePosition = {
      ...dataset,
      officers: dataset.officers.map((o) => ({ ...o, positionAt: late })),
    };
    expect(newestEventAt(withLatePosition)).toBe(late);
    expect(newestEventAt({ ...dataset, cases: [], officers: [] })).toBeNull();
  });

  it('moves every event by the same delta and leaves the input and generatedAt alone', () => {
    const dataset = makeFixtureDataset();
    const delta = 1000 * HOUR;
    const shifted = shiftDatasetTime(dataset, delta);
    expect(dataset).toEqual(makeFixtureDataset());
    expect(shifted.meta.generatedAt).toBe(dataset.meta.generatedAt);
    shifted.cases.forEach((c, i) => {
      const original = dataset.cases[i];
      expect(c.reportedAt - (original?.reportedAt ?? 0)).toBe(delta);
      expect(c.steps.map((s) => s.at)).toEqual(original?.steps.map((s) => s.at + delta));
    });
    expect(shifted.officers.map((o) => o.positionAt)).toEqual(
      dataset.officers.map((o) => (o.positionAt === undefined ? undefined : o.positionAt + delta)),
    );
  });

  it('chooses the delta that lands the newest event a few minutes before now', () => {
    const dataset = makeFixtureDataset();
    const now = Date.UTC(2026, 0, 15, 6, 30);
    const shifted = shiftDatasetTime(dataset, sampleTimeShift(dataset, now));
    expect(newestEventAt(shifted)).toBe(now - SAMPLE_LEAD_MS);
    expect(sampleTimeShift({ ...dataset, cases: [], officers: [] }, now)).toBe(0);
  });
});
