import { describe, expect, it } from 'vitest';
import { centreInstant } from '../calendar/zone';
import { zoneIssueLine } from './messages';
import {
  activeShiftSlots,
  checkShiftPatterns,
  DEFAULT_SHIFT_PATTERNS,
  inShift,
  nextShiftSlot,
  shiftHours,
  shiftMembership,
  shiftSlotOn,
  shiftSlotsBetween,
  type ShiftPattern,
} from './shifts';

const SHANGHAI = 'Asia/Shanghai';
const at = (text: string, zone = SHANGHAI): number => {
  const t = centreInstant(text, zone);
  if (t === null) throw new Error(text);
  return t;
};
const TWO: readonly ShiftPattern[] = [
  { id: 'day', name: '白班', start: '08:00', end: '20:00' },
  { id: 'night', name: '夜班', start: '20:00', end: '08:00' },
];

describe('shift slots', () => {
  it('finds the early, middle and night shift of the three-shift pattern at their hours', () => {
    const ids = (text: string): string[] =>
      activeShiftSlots(DEFAULT_SHIFT_PATTERNS, at(text), SHANGHAI).map((s) => s.shiftId);
    expect(ids('2026-11-02 07:59')).toEqual(['night']);
    expect(ids('2026-11-02 08:00')).toEqual(['early']);
    expect(ids('2026-11-02 15:59')).toEqual(['early']);
    expect(ids('2026-11-02 16:00')).toEqual(['middle']);
    expect(ids('2026-11-02 23:59')).toEqual(['middle']);
    expect(ids('2026-11-03 00:00')).toEqual(['night']);
    expect(DEFAULT_SHIFT_PATTERNS.map(shiftHours)).toEqual([8, 8, 8]);
  });

  it('names a night shift crossing midnight by the date it started on', () => {
    const [slot] = activeShiftSlots(TWO, at('2026-11-03 02:30'), SHANGHAI);
    expect(slot).toEqual({
      shiftId: 'night',
      date: '2026-11-02',
      startAt: at('2026-11-02 20:00'),
      endAt: at('2026-11-03 08:00'),
    });
    expect(shiftHours(TWO[1] as ShiftPattern)).toBe(12);
  });

  it('reads the hours in the centre’s zone, not UTC', () => {
    // 08:00 in Ürümqi (UTC+6) is 02:00 UTC, two hours after 08:00 in Shanghai.
    const slot = shiftSlotOn(TWO[0] as ShiftPattern, '2026-11-02', 'Asia/Urumqi');
    expect(slot?.startAt).toBe(Date.parse('2026-11-02T02:00:00Z'));
    expect(
      activeShiftSlots(TWO, Date.parse('2026-11-02T01:30:00Z'), 'Asia/Urumqi').map((s) => s.shiftId),
    ).toEqual(['night']);
    expect(activeShiftSlots(TWO, Date.parse('2026-11-02T01:30:00Z'), SHANGHAI).map((s) => s.shiftId)).toEqual(
      ['day'],
    );
  });

  it('runs a 24-hour shift from one morning to the next, and a weekday-only shift only on its days', () => {
    const watch: ShiftPattern = { id: 'watch', name: '24 小时值班', start: '08:30', end: '08:30' };
    expect(shiftHours(watch)).toBe(24);
    expect(activeShiftSlots([watch], at('2026-11-03 08:29'), SHANGHAI)[0]?.date).toBe('2026-11-02');
    expect(activeShiftSlots([watch], at('2026-11-03 08:30'), SHANGHAI)[0]?.date).toBe('2026-11-03');
    // 2026-11-07 is a Saturday.
    const office: ShiftPattern = {
      id: 'office',
      name: '日常',
      start: '08:30',
      end: '17:30',
      weekdays: [1, 2, 3, 4, 5],
    };
    expect(shiftSlotOn(office, '2026-11-06', SHANGHAI)).not.toBeNull();
    expect(shiftSlotOn(office, '2026-11-07', SHANGHAI)).toBeNull();
    expect(inShift(office, at('2026-11-07 10:00'), SHANGHAI)).toBe(false);
    expect(inShift(office, at('2026-11-06 10:00'), SHANGHAI)).toBe(true);
  });

  it('shows overlapping shifts both, earliest first, during a handover', () => {
    const overlap: ShiftPattern[] = [
      { id: 'day', name: '白班', start: '08:00', end: '18:30' },
      { id: 'night', name: '夜班', start: '18:00', end: '08:30' },
    ];
    expect(activeShiftSlots(overlap, at('2026-11-02 18:15'), SHANGHAI).map((s) => s.shiftId)).toEqual([
      'day',
      'night',
    ]);
    expect(activeShiftSlots(overlap, at('2026-11-03 08:15'), SHANGHAI).map((s) => s.shiftId)).toEqual([
      'night',
      'day',
    ]);
  });

  it('lists a week of slots for the roster’s week view, and the next shift to start', () => {
    const monday = at('2026-11-02 00:00');
    const week = shiftSlotsBetween(DEFAULT_SHIFT_PATTERNS, monday, monday + 7 * 86_400_000, SHANGHAI);
    expect(week).toHaveLength(21);
    expect(week[0]).toMatchObject({ shiftId: 'night', date: '2026-11-02' });
    expect(week[20]).toMatchObject({ shiftId: 'middle', date: '2026-11-08' });
    expect(nextShiftSlot(DEFAULT_SHIFT_PATTERNS, at('2026-11-02 09:00'), SHANGHAI)).toMatchObject({
      shiftId: 'middle',
      startAt: at('2026-11-02 16:00'),
    });
    expect(nextShiftSlot(DEFAULT_SHIFT_PATTERNS, at('2026-11-02 16:00'), SHANGHAI)?.shiftId).toBe('night');
  });

  it('answers membership the same way as the running slots, minute by minute over a week', () => {
    const patterns: ShiftPattern[] = [
      ...TWO,
      { id: 'sat', name: '周六加班', start: '22:00', end: '02:00', weekdays: [6] },
    ];
    const tests = patterns.map((p) => shiftMembership(p, SHANGHAI));
    const monday = at('2026-11-02 00:00');
    for (let m = 0; m < 7 * 1440; m += 7) {
      const t = monday + m * 60_000;
      const running = new Set(activeShiftSlots(patterns, t, SHANGHAI).map((s) => s.shiftId));
      patterns.forEach((p, k) => expect(tests[k]?.(t), `${p.id} at minute ${m}`).toBe(running.has(p.id)));
    }
  });
});

describe('checkShiftPatterns', () => {
  it('accepts the default three shifts without a word', () => {
    expect(checkShiftPatterns(DEFAULT_SHIFT_PATTERNS)).toEqual([]);
  });

  it('names the row and field of each mistake', () => {
    const issues = checkShiftPatterns([
      { id: 'early', name: '早班', start: '8:00', end: '16:00' },
      { id: 'early', name: '早班', start: '16:00', end: '25:00', weekdays: [1, 8, 1] },
      { id: ' ', name: '', start: '00:00', end: '08:00' },
    ]);
    expect(issues.map(zoneIssueLine)).toEqual([
      'shifts[1].start: Row 1: "8:00" is not a time of day HH:MM',
      'shifts[2].id: Row 2: shift id "early" is already used in row 1',
      'shifts[2].name: Row 2: shift name "早班" is already used in row 1',
      'shifts[2].end: Row 2: "25:00" is not a time of day HH:MM',
      'shifts[2].weekdays[1]: Row 2: weekday 8 is not a whole number 1–7 listed once',
      'shifts[2].weekdays[2]: Row 2: weekday 1 is not a whole number 1–7 listed once',
      'shifts[3].id: Row 3: the shift has no id',
      'shifts[3].name: Row 3: the shift has no name',
    ]);
    expect(issues.every((i) => i.severity === 'error')).toBe(true);
  });

  it('warns when some hours of the week have no shift, naming the first gap', () => {
    const issues = checkShiftPatterns([
      { id: 'day', name: '白班', start: '08:00', end: '20:00' },
      { id: 'night', name: '夜班', start: '20:00', end: '06:00' },
    ]);
    expect(issues).toHaveLength(1);
    expect(issues[0]?.severity).toBe('warning');
    expect(zoneIssueLine(issues[0]!)).toBe(
      'shifts: No shift covers weekday 1 from 06:00 to weekday 1 08:00: nobody would be on duty',
    );
    const weekdays = checkShiftPatterns([
      { id: 'office', name: '日常', start: '00:00', end: '00:00', weekdays: [1, 2, 3, 4, 5] },
    ]);
    expect(weekdays[0]?.params).toEqual({ weekday: 6, from: '00:00', toWeekday: 7, to: '24:00' });
  });

  it('refuses an empty list', () => {
    expect(checkShiftPatterns([]).map((i) => i.key)).toEqual(['zones.shift.none']);
  });
});
