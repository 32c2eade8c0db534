import { describe, expect, it } from 'vitest';
import { centreInstant } from '../calendar/zone';
import type { Officer } from '../model/organisation';
import { zoneIssueLine } from './messages';
import { dutyAt, officersOnDuty, teamsOnDuty, type Roster } from './roster';
import { checkRoster, type RosterContext } from './roster-check';
import { DEFAULT_SHIFT_PATTERNS, type ShiftPattern } from './shifts';

const ZONE = 'Asia/Shanghai';
const at = (text: string): number => centreInstant(text, ZONE) ?? NaN;
const PATTERNS: readonly ShiftPattern[] = [
  { id: 'day', name: '白班', start: '08:00', end: '20:00' },
  { id: 'night', name: '夜班', start: '20:00', end: '08:00' },
];
const officers: Pick<Officer, 'id' | 'kind'>[] = [
  { id: 'o1', kind: 'certified' },
  { id: 'o2', kind: 'certified' },
  { id: 'o3', kind: 'auxiliary' },
  { id: 'o4', kind: 'certified' },
  { id: 'o5', kind: 'certified' },
  { id: 'o6', kind: 'auxiliary' },
];
const ctx: RosterContext = {
  patterns: PATTERNS,
  teamIds: new Set(['team-1', 'team-2']),
  officers,
  zone: ZONE,
};

/** Team 1 on the day shift of 2 November, team 2 on its night; o2 on leave, o3 covering o1's night. */
const roster: Roster = {
  entries: [
    {
      date: '2026-11-02',
      shiftId: 'day',
      teamId: 'team-1',
      leaderId: 'o1',
      members: [
        { officerId: 'o1', role: 'duty' },
        { officerId: 'o2', role: 'duty' },
        { officerId: 'o4', role: 'duty' },
        { officerId: 'o3', role: 'standby' },
      ],
    },
    {
      date: '2026-11-02',
      shiftId: 'night',
      teamId: 'team-2',
      members: [
        { officerId: 'o5', role: 'duty' },
        { officerId: 'o1', role: 'duty' },
        { officerId: 'o6', role: 'duty' },
      ],
    },
  ],
  leaves: [{ officerId: 'o2', from: '2026-11-02', to: '2026-11-03', kind: 'sick' }],
  swaps: [{ date: '2026-11-02', shiftId: 'night', officerId: 'o1', substituteId: 'o4' }],
};

describe('dutyAt', () => {
  it('puts the day team on duty in its hours, without the officer on leave and with the standby apart', () => {
    const noon = at('2026-11-02 12:00');
    const duty = dutyAt(roster, PATTERNS, noon, ZONE);
    expect(duty.slots.map((s) => s.shiftId)).toEqual(['day']);
    expect(duty.teams).toEqual([
      expect.objectContaining({ teamId: 'team-1', onDuty: ['o1', 'o4'], standby: ['o3'], leaderId: 'o1' }),
    ]);
    expect(duty.officers.find((o) => o.officerId === 'o2')?.status).toBe('on-leave');
    expect(officersOnDuty(roster, PATTERNS, noon, ZONE)).toEqual(['o1', 'o4']);
    expect(teamsOnDuty(roster, PATTERNS, noon, ZONE)).toEqual(['team-1']);
  });

  it('hands the night to team 2 at 20:00 and keeps it past midnight, with the substitute in the swapped officer’s place', () => {
    for (const text of ['2026-11-02 20:00', '2026-11-03 03:00', '2026-11-03 07:59']) {
      expect(teamsOnDuty(roster, PATTERNS, at(text), ZONE), text).toEqual(['team-2']);
      expect(officersOnDuty(roster, PATTERNS, at(text), ZONE), text).toEqual(['o5', 'o4', 'o6']);
    }
    const night = dutyAt(roster, PATTERNS, at('2026-11-03 03:00'), ZONE);
    expect(night.officers).toContainEqual(
      expect.objectContaining({ officerId: 'o1', status: 'swapped-out' }),
    );
    expect(night.officers).toContainEqual(
      expect.objectContaining({ officerId: 'o4', status: 'on-duty', substituteFor: 'o1', teamId: 'team-2' }),
    );
    expect(teamsOnDuty(roster, PATTERNS, at('2026-11-03 08:00'), ZONE)).toEqual([]);
  });

  it('has nobody on duty outside the rostered shifts', () => {
    expect(dutyAt(roster, PATTERNS, at('2026-11-05 12:00'), ZONE).teams).toEqual([]);
    expect(dutyAt(roster, DEFAULT_SHIFT_PATTERNS, at('2026-11-02 12:00'), ZONE).teams).toEqual([]);
  });
});

describe('checkRoster', () => {
  it('finds nothing wrong with a sound roster, and warns of a night left with one certified officer', () => {
    const issues = checkRoster(roster, ctx);
    // Night: o5 and o4 (substitute) are certified, o6 not: two, enough. Day: o1 and o4 on duty, both certified.
    expect(issues).toEqual([]);
    const thin = checkRoster({ ...roster, swaps: [{ ...roster.swaps[0]!, substituteId: 'o3' }] }, ctx);
    // o3 stands by on the day shift, which ends at 20:00 when the night begins: free to cover.
    expect(thin.map(zoneIssueLine)).toEqual([
      'roster.entries[2].members: Row 2: team team-2 has 1 certified officer(s) on duty; enforcement needs two',
    ]);
    expect(thin[0]?.severity).toBe('warning');
  });

  it('names the list, row and field of each mistake', () => {
    const bad: Roster = {
      entries: [
        {
          date: '2026-11-31',
          shiftId: 'evening',
          teamId: 'team-9',
          members: [
            { officerId: 'o1', role: 'duty' },
            { officerId: 'o1', role: 'duty' },
            { officerId: 'x', role: 'duty' },
          ],
          leaderId: 'o5',
        },
        {
          date: '2026-11-02',
          shiftId: 'day',
          teamId: 'team-1',
          members: [{ officerId: 'o1', role: 'duty' }],
        },
        {
          date: '2026-11-02',
          shiftId: 'day',
          teamId: 'team-2',
          members: [{ officerId: 'o1', role: 'duty' }],
        },
      ],
      leaves: [
        { officerId: 'o2', from: '2026-11-05', to: '2026-11-03', kind: 'sick' },
        { officerId: 'o2', from: '2026-11-01', to: '2026-11-02', kind: 'annual' },
      ],
      swaps: [
        { date: '2026-11-02', shiftId: 'day', officerId: 'o2', substituteId: 'o2' },
        { date: '2026-11-02', shiftId: 'day', officerId: 'o1', substituteId: 'o2' },
      ],
    };
    const lines = checkRoster(bad, ctx)
      .filter((i) => i.severity === 'error')
      .map(zoneIssueLine);
    expect(lines).toEqual([
      'roster.entries[1].date: Row 1: "2026-11-31" is not a date YYYY-MM-DD',
      'roster.entries[1].shiftId: Row 1: there is no shift "evening"',
      'roster.entries[1].teamId: Row 1: there is no team "team-9"',
      'roster.entries[1].members[1].officerId: Row 1: officer o1 is listed twice',
      'roster.entries[1].members[2].officerId: Row 1: there is no officer "x"',
      'roster.entries[1].leaderId: Row 1: the leader o5 is not a member of the shift',
      'roster.entries[3].members[0].officerId: Row 3: officer o1 is also rostered in row 2 at the same time',
      'roster.leaves[1].to: Row 1: the leave ends (2026-11-03) before it starts (2026-11-05)',
      'roster.swaps[1].substituteId: Row 1: officer o2 cannot swap with themselves',
      'roster.swaps[1].officerId: Row 1: officer o2 is not rostered for day on 2026-11-02',
      'roster.swaps[1].substituteId: Row 1: the substitute o2 is on leave on 2026-11-02',
      'roster.swaps[2].substituteId: Row 2: the substitute o2 is on leave on 2026-11-02',
    ]);
  });

  it('refuses a team entered twice for one shift, and a shift on a weekday it does not run', () => {
    const office: ShiftPattern = {
      id: 'office',
      name: '日常',
      start: '08:30',
      end: '17:30',
      weekdays: [1, 2, 3, 4, 5],
    };
    const entry = { date: '2026-11-07', shiftId: 'office', teamId: 'team-1', members: [] };
    const issues = checkRoster(
      { entries: [entry, entry], leaves: [], swaps: [] },
      { ...ctx, patterns: [office] },
    );
    expect(issues.filter((i) => i.severity === 'error').map((i) => [i.row, i.key])).toEqual([
      [1, 'zones.roster.shiftNotThatDay'],
      [2, 'zones.roster.duplicateEntry'],
      [2, 'zones.roster.shiftNotThatDay'],
    ]);
    expect(issues.filter((i) => i.severity === 'warning').map((i) => i.key)).toEqual([
      'zones.roster.nobodyOnDuty',
      'zones.roster.nobodyOnDuty',
    ]);
  });
});
