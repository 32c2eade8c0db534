import { describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../schema/test-fixture';
import {
  applyPositionReports,
  MAX_REPORT_AGE_MS,
  MAX_REPORT_AHEAD_MS,
  parsePositionReports,
  type PositionReport,
} from './reports';

const dataset = makeFixtureDataset();
const T = Date.UTC(2026, 10, 23, 2, 0);

describe('position reports', () => {
  it('names the report and field that is wrong, and keeps the good ones', () => {
    const { reports, issues } = parsePositionReports(
      [
        { officerId: 'off-1', position: [118.3, 34.3], at: T },
        { officerId: 'off-2', position: [118.3, 134.3], at: T },
        { officerId: '', position: [118.3, 34.3], at: T },
        { officerId: 'off-3', position: [118.3, 34.3], at: T, speed: -2 },
        { officerId: 'off-4', position: [118.3, 34.3], at: T, speed: 1.5 },
      ],
      'gateway',
    );
    expect(reports).toEqual([
      { officerId: 'off-1', position: [118.3, 34.3], at: T },
      { officerId: 'off-4', position: [118.3, 34.3], at: T, speed: 1.5 },
    ]);
    expect(issues.map((i) => [i.index, i.field, i.key])).toEqual([
      [1, 'position.1', 'position.invalid'],
      [2, 'officerId', 'position.invalid'],
      [3, 'speed', 'position.invalid'],
    ]);
  });

  it('keeps the newest report per officer, ignores stale ones and refuses unknown officers', () => {
    const officers = dataset.officers.map((o) => ({ ...o, position: [118.3, 34.3] as const, positionAt: T }));
    const {
      officers: next,
      changed,
      issues,
      counts,
    } = applyPositionReports(
      officers,
      [
        { officerId: 'off-1', position: [118.31, 34.31], at: T + 60_000 },
        { officerId: 'off-1', position: [118.32, 34.32], at: T + 30_000 },
        { officerId: 'off-2', position: [118.4, 34.4], at: T - 60_000 },
        { officerId: 'ghost', position: [118.4, 34.4], at: T + 60_000 },
      ],
      T + 90_000,
    );
    expect(changed).toBe(1);
    expect(counts).toEqual({ applied: 1, rejectedFuture: 0, stale: 0, superseded: 2, unknownOfficer: 1 });
    expect(next.find((o) => o.id === 'off-1')).toMatchObject({
      position: [118.31, 34.31],
      positionAt: T + 60_000,
    });
    expect(next.find((o) => o.id === 'off-2')).toMatchObject({ position: [118.3, 34.3], positionAt: T });
    expect(issues).toEqual([
      {
        index: 3,
        field: 'officerId',
        key: 'position.unknownOfficer',
        params: { index: 3, officerId: 'ghost' },
      },
    ]);
  });
});

describe('the phone state a report carries', () => {
  const roster = dataset.officers.map((o) => ({ ...o, position: [118.3, 34.3] as const, positionAt: T }));
  const report = (at: number, extra: Partial<PositionReport> = {}): PositionReport => ({
    officerId: 'off-1',
    position: [118.31, 34.31],
    at,
    ...extra,
  });

  it('keeps the newest applied fix’s battery (whole percent) and accuracy, and none from a fix without them', () => {
    const { reports } = parsePositionReports(
      [
        report(T + 30_000, { battery: 81.6, accuracy: 12.5 }),
        report(T + 20_000, { battery: 20, accuracy: 3 }),
        report(T + 10_000, { battery: null, accuracy: null }),
      ],
      'phones',
    );
    expect(reports[2]).toEqual({ officerId: 'off-1', position: [118.31, 34.31], at: T + 10_000 });
    const first = applyPositionReports(roster, reports, T + 60_000);
    expect(first.officers.find((o) => o.id === 'off-1')).toMatchObject({
      positionAt: T + 30_000,
      battery: 82,
      accuracy: 12.5,
    });
    const second = applyPositionReports(first.officers, [report(T + 40_000)], T + 60_000);
    const after = second.officers.find((o) => o.id === 'off-1');
    expect(after?.positionAt).toBe(T + 40_000);
    expect(after && 'battery' in after).toBe(false);
    expect(after && 'accuracy' in after).toBe(false);
  });

  it('reads a battery above 100 as full and leaves a negative one out', () => {
    const over = applyPositionReports(roster, [report(T + 1, { battery: 104 })], T + 60_000);
    expect(over.officers.find((o) => o.id === 'off-1')?.battery).toBe(100);
    const under = applyPositionReports(roster, [report(T + 1, { battery: -1 })], T + 60_000);
    expect(under.officers.find((o) => o.id === 'off-1')?.battery).toBeUndefined();
  });
});

describe('the time bounds of position reports', () => {
  const NOW = T + 10 * 60_000;
  const roster = dataset.officers.map((o) => ({ ...o, position: [118.3, 34.3] as const, positionAt: T }));
  const at = (id: string, ms: number) => ({ officerId: id, position: [118.31, 34.31] as const, at: ms });

  it('refuses a report stamped more than 5 minutes ahead, and names it, but takes one exactly 5 minutes ahead', () => {
    expect(MAX_REPORT_AHEAD_MS).toBe(5 * 60_000);
    const { officers, issues, counts } = applyPositionReports(
      roster,
      [at('off-1', NOW + MAX_REPORT_AHEAD_MS + 1), at('off-2', NOW + MAX_REPORT_AHEAD_MS)],
      NOW,
    );
    expect(officers.find((o) => o.id === 'off-1')).toMatchObject({ position: [118.3, 34.3], positionAt: T });
    expect(officers.find((o) => o.id === 'off-2')?.positionAt).toBe(NOW + MAX_REPORT_AHEAD_MS);
    expect(counts).toMatchObject({ applied: 1, rejectedFuture: 1 });
    expect(issues).toEqual([
      {
        index: 0,
        field: 'at',
        key: 'position.future',
        params: {
          index: 0,
          officerId: 'off-1',
          at: NOW + MAX_REPORT_AHEAD_MS + 1,
          aheadMs: MAX_REPORT_AHEAD_MS + 1,
        },
      },
    ]);
  });

  it('lets a real report through after one stamped far in the future was refused', () => {
    const first = applyPositionReports(roster, [at('off-1', NOW + 24 * 3_600_000)], NOW);
    const second = applyPositionReports(first.officers, [at('off-1', NOW + 15_000)], NOW + 15_000);
    expect(second.officers.find((o) => o.id === 'off-1')?.positionAt).toBe(NOW + 15_000);
  });

  it('replaces a stored position stamped far in the future with the next real report', () => {
    const poisoned = roster.map((o) => (o.id === 'off-1' ? { ...o, positionAt: NOW + 24 * 3_600_000 } : o));
    const { officers, counts } = applyPositionReports(poisoned, [at('off-1', NOW)], NOW);
    expect(officers.find((o) => o.id === 'off-1')).toMatchObject({
      position: [118.31, 34.31],
      positionAt: NOW,
    });
    expect(counts.applied).toBe(1);
  });

  it('keeps a stored position a little ahead (within the bound) against an older report', () => {
    const ahead = roster.map((o) => (o.id === 'off-1' ? { ...o, positionAt: NOW + 60_000 } : o));
    const { officers, counts } = applyPositionReports(ahead, [at('off-1', NOW)], NOW);
    expect(officers.find((o) => o.id === 'off-1')?.positionAt).toBe(NOW + 60_000);
    expect(counts).toMatchObject({ applied: 0, superseded: 1 });
  });

  it('does not apply a report older than an hour, counts it as stale, and applies one exactly an hour old', () => {
    expect(MAX_REPORT_AGE_MS).toBe(60 * 60_000);
    const later = NOW + 2 * 3_600_000;
    const { officers, issues, counts } = applyPositionReports(
      roster,
      [at('off-1', later - MAX_REPORT_AGE_MS - 1), at('off-2', later - MAX_REPORT_AGE_MS)],
      later,
    );
    expect(officers.find((o) => o.id === 'off-1')?.positionAt).toBe(T);
    expect(officers.find((o) => o.id === 'off-2')?.positionAt).toBe(later - MAX_REPORT_AGE_MS);
    expect(counts).toEqual({ applied: 1, rejectedFuture: 0, stale: 1, superseded: 0, unknownOfficer: 0 });
    expect(issues).toEqual([]);
  });
});
