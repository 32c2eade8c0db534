import { parseDay } from '../calendar/config';
import type { Officer } from '../model/organisation';
import type { ZoneIssue, ZoneIssueKey, ZoneSection } from './messages';
import { DUTY_ROLES, LEAVE_KINDS, type Roster, type RosterEntry } from './roster';
import { shiftSlotOn, type ShiftPattern, type ShiftSlot } from './shifts';

/** What a roster is checked against: the centre's shifts, teams and officers, and its zone. */
export interface RosterContext {
  readonly patterns: readonly ShiftPattern[];
  readonly teamIds: ReadonlySet<string>;
  readonly officers: readonly Pick<Officer, 'id' | 'kind'>[];
  readonly zone: string;
}

type Params = Record<string, string | number>;

class Issues {
  readonly list: ZoneIssue[] = [];

  add(
    section: ZoneSection,
    row: number,
    field: string | null,
    key: ZoneIssueKey,
    params: Params,
    severity: ZoneIssue['severity'] = 'error',
  ): void {
    this.list.push({ section, row, field, key, severity, params: { row, ...params } });
  }
}

/** An occurrence of a roster row, for overlap checks; null when its date or shift is wrong. */
function slotOf(
  patterns: ReadonlyMap<string, ShiftPattern>,
  date: string,
  shiftId: string,
  zone: string,
): ShiftSlot | null {
  const pattern = patterns.get(shiftId);
  return pattern === undefined ? null : shiftSlotOn(pattern, date, zone);
}

function overlaps(a: ShiftSlot, b: ShiftSlot): boolean {
  return a.startAt < b.endAt && b.startAt < a.endAt;
}

/** Where each officer is rostered: entry row and the occurrence. */
type Bookings = Map<string, { row: number; slot: ShiftSlot; entry: RosterEntry }[]>;

function checkEntries(
  roster: Roster,
  ctx: RosterContext,
  byId: Map<string, ShiftPattern>,
  out: Issues,
): Bookings {
  const officerIds = new Set(ctx.officers.map((o) => o.id));
  const seenEntries = new Map<string, number>();
  const bookings: Bookings = new Map();
  roster.entries.forEach((entry, i) => {
    const row = i + 1;
    const dateOk = parseDay(entry.date) !== null;
    if (!dateOk) out.add('roster.entries', row, 'date', 'zones.roster.date', { value: entry.date });
    const pattern = byId.get(entry.shiftId);
    if (pattern === undefined)
      out.add('roster.entries', row, 'shiftId', 'zones.roster.unknownShift', { shift: entry.shiftId });
    if (!ctx.teamIds.has(entry.teamId))
      out.add('roster.entries', row, 'teamId', 'zones.roster.unknownTeam', { team: entry.teamId });
    const key = `${entry.date}|${entry.shiftId}|${entry.teamId}`;
    const first = seenEntries.get(key);
    if (first !== undefined)
      out.add('roster.entries', row, null, 'zones.roster.duplicateEntry', {
        first,
        date: entry.date,
        shift: entry.shiftId,
        team: entry.teamId,
      });
    else seenEntries.set(key, row);
    const slot = dateOk && pattern !== undefined ? shiftSlotOn(pattern, entry.date, ctx.zone) : null;
    if (dateOk && pattern !== undefined && slot === null)
      out.add('roster.entries', row, 'date', 'zones.roster.shiftNotThatDay', {
        date: entry.date,
        shift: entry.shiftId,
      });
    const inEntry = new Set<string>();
    entry.members.forEach((member, k) => {
      const field = `members[${k}]`;
      if (!officerIds.has(member.officerId))
        out.add('roster.entries', row, `${field}.officerId`, 'zones.roster.unknownOfficer', {
          officer: member.officerId,
        });
      if (inEntry.has(member.officerId))
        out.add('roster.entries', row, `${field}.officerId`, 'zones.roster.memberTwice', {
          officer: member.officerId,
        });
      inEntry.add(member.officerId);
      if (!(DUTY_ROLES as readonly string[]).includes(member.role))
        out.add('roster.entries', row, `${field}.role`, 'zones.roster.role', { value: String(member.role) });
      if (slot === null) return;
      const list = bookings.get(member.officerId) ?? [];
      const clash = list.find((b) => b.row !== row && overlaps(b.slot, slot));
      if (clash !== undefined)
        out.add('roster.entries', row, `${field}.officerId`, 'zones.roster.doubleBooked', {
          officer: member.officerId,
          other: clash.row,
        });
      list.push({ row, slot, entry });
      bookings.set(member.officerId, list);
    });
    if (entry.leaderId !== undefined && !inEntry.has(entry.leaderId))
      out.add('roster.entries', row, 'leaderId', 'zones.roster.leaderNotMember', { officer: entry.leaderId });
  });
  return bookings;
}

function checkLeaves(roster: Roster, ctx: RosterContext, out: Issues): void {
  const officerIds = new Set(ctx.officers.map((o) => o.id));
  roster.leaves.forEach((leave, i) => {
    const row = i + 1;
    if (!officerIds.has(leave.officerId))
      out.add('roster.leaves', row, 'officerId', 'zones.roster.unknownOfficer', { officer: leave.officerId });
    const from = parseDay(leave.from);
    const to = parseDay(leave.to);
    if (from === null) out.add('roster.leaves', row, 'from', 'zones.roster.date', { value: leave.from });
    if (to === null) out.add('roster.leaves', row, 'to', 'zones.roster.date', { value: leave.to });
    if (from !== null && to !== null && to < from)
      out.add('roster.leaves', row, 'to', 'zones.roster.leaveOrder', { from: leave.from, to: leave.to });
    if (!(LEAVE_KINDS as readonly string[]).includes(leave.kind))
      out.add('roster.leaves', row, 'kind', 'zones.roster.leaveKind', { value: String(leave.kind) });
  });
}

function checkSwaps(
  roster: Roster,
  ctx: RosterContext,
  byId: Map<string, ShiftPattern>,
  bookings: Bookings,
  out: Issues,
): void {
  const officerIds = new Set(ctx.officers.map((o) => o.id));
  const seen = new Map<string, number>();
  const away = (officerId: string, date: string): boolean =>
    roster.leaves.some((l) => l.officerId === officerId && l.from <= date && date <= l.to);
  roster.swaps.forEach((swap, i) => {
    const row = i + 1;
    const dateOk = parseDay(swap.date) !== null;
    if (!dateOk) out.add('roster.swaps', row, 'date', 'zones.roster.date', { value: swap.date });
    if (!byId.has(swap.shiftId))
      out.add('roster.swaps', row, 'shiftId', 'zones.roster.unknownShift', { shift: swap.shiftId });
    for (const field of ['officerId', 'substituteId'] as const)
      if (!officerIds.has(swap[field]))
        out.add('roster.swaps', row, field, 'zones.roster.unknownOfficer', { officer: swap[field] });
    if (swap.officerId === swap.substituteId)
      out.add('roster.swaps', row, 'substituteId', 'zones.roster.swapSelf', { officer: swap.officerId });
    const key = `${swap.date}|${swap.shiftId}|${swap.officerId}`;
    const first = seen.get(key);
    if (first !== undefined)
      out.add('roster.swaps', row, 'officerId', 'zones.roster.swapTwice', { officer: swap.officerId, first });
    else seen.set(key, row);
    const slot = dateOk ? slotOf(byId, swap.date, swap.shiftId, ctx.zone) : null;
    if (slot === null) return;
    const booked = (bookings.get(swap.officerId) ?? []).find(
      (b) => b.entry.date === swap.date && b.entry.shiftId === swap.shiftId,
    );
    if (booked === undefined)
      out.add('roster.swaps', row, 'officerId', 'zones.roster.swapNotRostered', {
        officer: swap.officerId,
        date: swap.date,
        shift: swap.shiftId,
      });
    const busy = (bookings.get(swap.substituteId) ?? []).find((b) => overlaps(b.slot, slot));
    if (busy !== undefined)
      out.add('roster.swaps', row, 'substituteId', 'zones.roster.swapBusy', {
        officer: swap.substituteId,
        other: busy.row,
      });
    if (away(swap.substituteId, swap.date))
      out.add('roster.swaps', row, 'substituteId', 'zones.roster.swapOnLeave', {
        officer: swap.substituteId,
        date: swap.date,
      });
  });
}

/** Warns for each entry whose officers on duty (after leave and swaps) hold fewer than two certificates. */
function checkStrength(roster: Roster, ctx: RosterContext, out: Issues): void {
  const certified = new Set(ctx.officers.filter((o) => o.kind === 'certified').map((o) => o.id));
  roster.entries.forEach((entry, i) => {
    const row = i + 1;
    let onDuty = 0;
    let holders = 0;
    for (const member of entry.members) {
      if (member.role !== 'duty') continue;
      const swap = roster.swaps.find(
        (s) => s.date === entry.date && s.shiftId === entry.shiftId && s.officerId === member.officerId,
      );
      const officerId = swap?.substituteId ?? member.officerId;
      if (roster.leaves.some((l) => l.officerId === officerId && l.from <= entry.date && entry.date <= l.to))
        continue;
      onDuty++;
      if (certified.has(officerId)) holders++;
    }
    if (onDuty === 0)
      out.add(
        'roster.entries',
        row,
        'members',
        'zones.roster.nobodyOnDuty',
        { team: entry.teamId },
        'warning',
      );
    else if (holders < 2)
      out.add(
        'roster.entries',
        row,
        'members',
        'zones.roster.fewCertified',
        { team: entry.teamId, count: holders },
        'warning',
      );
  });
}

/**
 * Checks a roster as entered or imported against the centre's shifts, teams and officers, naming the
 * list (`roster.entries`, `roster.leaves`, `roster.swaps`), the row (from 1) and the field of each
 * problem; every issue's params carry the row. Errors: malformed or unreal dates, unknown shifts, teams
 * or officers, a shift on a weekday it does not run, one team entered twice for an occurrence, an
 * officer twice in an entry or in two overlapping occurrences, a leader who is not a member, leave
 * ending before it starts, a swap for someone not rostered then, with oneself, twice for one place, or
 * to a substitute already rostered then or on leave. Warnings: an entry with nobody on duty, or with
 * fewer than two certified officers on duty (执法需两名持证人员).
 */
export function checkRoster(roster: Roster, ctx: RosterContext): ZoneIssue[] {
  const out = new Issues();
  const byId = new Map(ctx.patterns.map((p) => [p.id, p]));
  const bookings = checkEntries(roster, ctx, byId, out);
  checkLeaves(roster, ctx, out);
  checkSwaps(roster, ctx, byId, bookings, out);
  checkStrength(roster, ctx, out);
  return out.list;
}
