import { activeShiftSlots, type ShiftPattern, type ShiftSlot } from './shifts';

/**
 * The duty roster (排班表): which officers of which team are on each shift, who is on leave (请假) and who
 * swapped a duty with whom (调班). From it and the shift patterns, who is on duty at any instant is
 * derived ({@link dutyAt}): the assignment engine, the recommendations, the status board and the wall
 * read that instead of a fixed flag.
 *
 * Rules:
 * - A roster entry is one team's duty for one shift occurrence (a local date and a shift). Its members
 *   are on duty (值班) or on standby (备勤: reachable, not on duty unless called in).
 * - Leave covers whole local dates, both ends included; an officer is on leave for a shift occurrence
 *   when the date the occurrence starts on is within the leave (a night shift starting on the last day
 *   of leave is off).
 * - A swap hands one member's place in an occurrence to a substitute, with the same role, in the
 *   entry's team (a substitute from another team serves with this team for that shift).
 */

/** 值班 on duty, 备勤 on standby. */
export const DUTY_ROLES = ['duty', 'standby'] as const;
export type DutyRole = (typeof DUTY_ROLES)[number];

/** 年休假 annual, 病假 sick, 事假 personal, 调休 time off in lieu, 其他 other. */
export const LEAVE_KINDS = ['annual', 'sick', 'personal', 'in-lieu', 'other'] as const;
export type LeaveKind = (typeof LEAVE_KINDS)[number];

export interface RosterMember {
  readonly officerId: string;
  readonly role: DutyRole;
}

/** One team's duty for one shift occurrence. */
export interface RosterEntry {
  /** Local date "YYYY-MM-DD" the shift starts on. */
  readonly date: string;
  readonly shiftId: string;
  readonly teamId: string;
  readonly members: readonly RosterMember[];
  /** 带班: the member leading the team this shift, if named. */
  readonly leaderId?: string;
}

export interface RosterLeave {
  readonly officerId: string;
  /** First and last local date "YYYY-MM-DD" of the leave, both included. */
  readonly from: string;
  readonly to: string;
  readonly kind: LeaveKind;
}

/** 调班: `substituteId` takes `officerId`'s place in the occurrence (date, shift). */
export interface RosterSwap {
  readonly date: string;
  readonly shiftId: string;
  readonly officerId: string;
  readonly substituteId: string;
}

export interface Roster {
  readonly entries: readonly RosterEntry[];
  readonly leaves: readonly RosterLeave[];
  readonly swaps: readonly RosterSwap[];
}

export const EMPTY_ROSTER: Roster = { entries: [], leaves: [], swaps: [] };

/**
 * Where an officer stands in a running shift: on duty, on standby, on leave (rostered but away), or
 * swapped out (their place taken by a substitute).
 */
export type DutyStatus = 'on-duty' | 'standby' | 'on-leave' | 'swapped-out';

export interface OfficerDuty {
  readonly officerId: string;
  /** The team the officer serves with in this shift (the entry's team). */
  readonly teamId: string;
  readonly slot: ShiftSlot;
  readonly role: DutyRole;
  readonly status: DutyStatus;
  /** Set for a substitute: whose place they took. */
  readonly substituteFor?: string;
}

export interface TeamDuty {
  readonly teamId: string;
  readonly slot: ShiftSlot;
  /** Officers on duty, in roster order (substitutes in the place of whom they replace). */
  readonly onDuty: readonly string[];
  readonly standby: readonly string[];
  readonly leaderId?: string;
}

export interface DutyAt {
  /** The shifts running at the instant. */
  readonly slots: readonly ShiftSlot[];
  /** One per team and running shift that has a roster entry. */
  readonly teams: readonly TeamDuty[];
  /** Everyone rostered in a running shift, with their status; an officer in two overlapping shifts twice. */
  readonly officers: readonly OfficerDuty[];
}

/** Whether local date `date` lies within a leave ("YYYY-MM-DD" strings compare as dates). */
function onLeave(leaves: readonly RosterLeave[], officerId: string, date: string): boolean {
  return leaves.some((l) => l.officerId === officerId && l.from <= date && date <= l.to);
}

/**
 * Who is on duty at instant `t` (epoch ms): the running shifts, each team's officers on duty and on
 * standby, and every rostered officer's status, after leave and swaps. An entry for a shift that is
 * not running is ignored, as are entries naming an unknown shift (checkRoster reports them).
 */
export function dutyAt(roster: Roster, patterns: readonly ShiftPattern[], t: number, zone: string): DutyAt {
  const slots = activeShiftSlots(patterns, t, zone);
  const teams: TeamDuty[] = [];
  const officers: OfficerDuty[] = [];
  for (const slot of slots) {
    for (const entry of roster.entries) {
      if (entry.date !== slot.date || entry.shiftId !== slot.shiftId) continue;
      const onDuty: string[] = [];
      const standby: string[] = [];
      for (const member of entry.members) {
        const swap = roster.swaps.find(
          (s) => s.date === slot.date && s.shiftId === slot.shiftId && s.officerId === member.officerId,
        );
        const base = { teamId: entry.teamId, slot, role: member.role };
        if (swap !== undefined) {
          officers.push({ ...base, officerId: member.officerId, status: 'swapped-out' });
        }
        const officerId = swap?.substituteId ?? member.officerId;
        const extra = swap === undefined ? {} : { substituteFor: member.officerId };
        if (onLeave(roster.leaves, officerId, slot.date)) {
          officers.push({ ...base, ...extra, officerId, status: 'on-leave' });
        } else if (member.role === 'duty') {
          officers.push({ ...base, ...extra, officerId, status: 'on-duty' });
          onDuty.push(officerId);
        } else {
          officers.push({ ...base, ...extra, officerId, status: 'standby' });
          standby.push(officerId);
        }
      }
      const leader =
        entry.leaderId !== undefined && onDuty.includes(entry.leaderId) ? entry.leaderId : undefined;
      teams.push({
        teamId: entry.teamId,
        slot,
        onDuty,
        standby,
        ...(leader === undefined ? {} : { leaderId: leader }),
      });
    }
  }
  return { slots, teams, officers };
}

/** The ids of the officers on duty at `t` (each once), in roster order: what dispatch may rank. */
export function officersOnDuty(
  roster: Roster,
  patterns: readonly ShiftPattern[],
  t: number,
  zone: string,
): string[] {
  const ids = dutyAt(roster, patterns, t, zone)
    .officers.filter((o) => o.status === 'on-duty')
    .map((o) => o.officerId);
  return [...new Set(ids)];
}

/** The ids of the teams with at least one officer on duty at `t` (each once), in roster order. */
export function teamsOnDuty(
  roster: Roster,
  patterns: readonly ShiftPattern[],
  t: number,
  zone: string,
): string[] {
  const ids = dutyAt(roster, patterns, t, zone)
    .teams.filter((team) => team.onDuty.length > 0)
    .map((team) => team.teamId);
  return [...new Set(ids)];
}
