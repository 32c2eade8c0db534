import { describe, expect, it } from 'vitest';
import { centreInstant } from '../calendar/zone';
import { gridDutyAt } from './grid-duty';
import type { ZonePlan } from './plan';
import { applyEdit, moveGrids } from './plan-edit';
import { dutyAt, type Roster } from './roster';
import type { ShiftPattern } from './shifts';
import { latticeGrids, latticePlan } from './test-grids';

const ZONE = 'Asia/Shanghai';
const at = (text: string): number => centreInstant(text, ZONE) ?? NaN;
const PATTERNS: readonly ShiftPattern[] = [
  { id: 'day', name: '白班', start: '08:00', end: '20:00' },
  { id: 'night', name: '夜班', start: '20:00', end: '08:00' },
];
const roster: Roster = {
  entries: [
    { date: '2026-11-02', shiftId: 'day', teamId: 'team-0', members: [{ officerId: 'a1', role: 'duty' }] },
    { date: '2026-11-02', shiftId: 'day', teamId: 'team-1', members: [{ officerId: 'b1', role: 'duty' }] },
    {
      date: '2026-11-02',
      shiftId: 'night',
      teamId: 'team-1',
      members: [
        { officerId: 'b2', role: 'duty' },
        { officerId: 'b3', role: 'standby' },
      ],
    },
  ],
  leaves: [],
  swaps: [],
};

describe('gridDutyAt', () => {
  // Two grids, one area each; at night team 1 covers both areas.
  const base = latticePlan(latticeGrids(2, 1), [0, 1], 2);
  const plan: ZonePlan = { ...base, shiftTeams: { night: { 'area-0': 'team-1' } } };

  it('gives a grid its area’s team for the running shift, with that team’s officers on duty', () => {
    const day = gridDutyAt(plan, dutyAt(roster, PATTERNS, at('2026-11-02 10:00'), ZONE), 'g000');
    expect(day).toMatchObject({ teamId: 'team-0', onDuty: ['a1'], standby: [] });
    expect(day.slot?.shiftId).toBe('day');
    const night = gridDutyAt(plan, dutyAt(roster, PATTERNS, at('2026-11-03 01:00'), ZONE), 'g000');
    expect(night).toMatchObject({ teamId: 'team-1', onDuty: ['b2'], standby: ['b3'] });
  });

  it('follows a grid moved to another area once the plan holding the move is the one consulted', () => {
    const moved = applyEdit(plan, moveGrids(['g000'], 'area-1'));
    if (!moved.ok) throw new Error(moved.refusal.key);
    const duty = dutyAt(roster, PATTERNS, at('2026-11-02 10:00'), ZONE);
    expect(gridDutyAt(moved.plan, duty, 'g000')).toMatchObject({ teamId: 'team-1', onDuty: ['b1'] });
  });

  it('names the team but nobody on duty when the team has no roster entry, and no team off the plan', () => {
    const duty = dutyAt(roster, PATTERNS, at('2026-11-04 10:00'), ZONE);
    expect(gridDutyAt(plan, duty, 'g001')).toMatchObject({ teamId: 'team-1', onDuty: [] });
    expect(gridDutyAt(plan, duty, 'g999').teamId).toBeNull();
  });
});
