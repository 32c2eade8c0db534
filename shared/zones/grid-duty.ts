import { areaTeam, decidingSlot, type ZonePlan } from './plan';
import type { DutyAt } from './roster';
import type { ShiftSlot } from './shifts';

/** Who answers for a grid at an instant: the team, the shift that decides it, and its officers then. */
export interface GridDuty {
  /** The team covering the grid's area in that shift (or by default); null: no area or no team. */
  readonly teamId: string | null;
  /** The running shift that decided (the latest started); null when no shift runs. */
  readonly slot: ShiftSlot | null;
  /** That team's officers on duty and on standby in that shift (empty without a roster entry). */
  readonly onDuty: readonly string[];
  readonly standby: readonly string[];
}

/**
 * The team responsible for grid `code` under the active plan while the shifts of `duty` run (dutyAt's
 * answer for the instant), and that team's officers on duty then: what the assignment engine gives a
 * new incident and the recommendation ranks. The decidingSlot's assignment applies, as in gridTeamAt.
 * A team with no roster entry in that shift has nobody on duty.
 */
export function gridDutyAt(plan: ZonePlan, duty: DutyAt, code: string): GridDuty {
  const areaId = plan.gridAreas[code];
  const slot = decidingSlot(duty.slots);
  const teamId = areaId === undefined ? null : areaTeam(plan, areaId, slot?.shiftId ?? null);
  const team =
    teamId === null || slot === null
      ? undefined
      : duty.teams.find(
          (t) => t.teamId === teamId && t.slot.shiftId === slot.shiftId && t.slot.date === slot.date,
        );
  return { teamId, slot, onDuty: team?.onDuty ?? [], standby: team?.standby ?? [] };
}
