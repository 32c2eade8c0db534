import type { Case, CaseStep } from '../model/case';
import type { GridCode } from '../grid/code';
import type { CaseEvent } from './history';
import type { Actor, CaseAction, CaseLoopState, LoopRefusal } from './loop-types';
import { applyAction } from './state-machine';
import { evidenceRefusal, type EvidenceContext } from './evidence';

/** A case after actions played on it in memory: its new row, loop state and the events to record. */
export interface CaseProjection {
  readonly kase: Case;
  readonly state: CaseLoopState;
  readonly events: readonly CaseEvent[];
}

/** The first refused action (0-based `index`) and why. */
export interface ProjectionRefusal {
  readonly refusal: LoopRefusal;
  readonly index: number;
}

/**
 * Plays `actions` on a case in memory, in order, as `actor` at `now`: the new case row (its stage, a
 * step for every stage change, the team and officers of a 派遣, the grid and team of a 改派), the loop
 * state and the events (after `leading`, e.g. the 上报 event of a new case), or the first refusal: of
 * the state machine, then of the evidence rules for the case's matter (evidence.ts). Pure: nothing is
 * written.
 */
export function projectCase(
  kase: Case,
  state: CaseLoopState,
  actions: readonly CaseAction[],
  actor: Actor,
  now: number,
  options: { readonly evidence: EvidenceContext; readonly leading?: readonly CaseEvent[] },
): CaseProjection | ProjectionRefusal {
  const leading = options.leading ?? [];
  let current = state;
  let row: Case = kase;
  const events: CaseEvent[] = [...leading];
  const steps: CaseStep[] = [...kase.steps];
  for (const [index, action] of actions.entries()) {
    // The state machine first (role, stage, shape), then what the step must carry.
    const result = applyAction(current, action, actor, now);
    if (!result.ok) return { refusal: result.reason, index };
    const missing = evidenceRefusal(row, current, action, actor, options.evidence);
    if (missing !== null) return { refusal: missing, index };
    if (result.state.stage !== current.stage) {
      steps.push({ stage: result.state.stage, at: now, actor: actor.name ?? actor.id });
    }
    if (action.type === 'dispatch') {
      row = { ...row, teamId: action.payload.teamId, officerIds: [...action.payload.officerIds] };
    } else if (action.type === 'reassign') {
      row = { ...row, gridCode: action.payload.gridCode as GridCode, teamId: action.payload.teamId };
    }
    current = result.state;
    events.push({ ...result.event, caseId: kase.id });
  }
  return { kase: { ...row, stage: current.stage, steps }, state: current, events };
}
