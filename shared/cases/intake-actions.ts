import type { CaseAction, DispatchTarget } from './loop-types';

/** How far intake takes a new case in one step: 上报 only, 上报 + 立案, or on to 派遣. */
export type IntakeMode = 'report' | 'register' | 'dispatch';

export interface IntakePlan {
  readonly mode: IntakeMode;
  /** Whether the case is registered as major (its dispatch then waits for the leader's approval). */
  readonly major: boolean;
  /** Whom to dispatch to (see `autoDispatchTarget`); null when intake may not dispatch by itself. */
  readonly target: DispatchTarget | null;
  /** Files stored with the report, named in a leading 备注. */
  readonly attachmentIds: readonly string[];
  /** Instead of going on: merge the new case into this one (a likely duplicate), with the reason. */
  readonly merge?: { readonly intoCaseId: string; readonly reason: string };
}

/**
 * The actions intake runs on a new case after its report: a note naming the files (when there are
 * any), then either the merge into a duplicate, or 立案 (for 'register' and 'dispatch'), then 派遣 for
 * 'dispatch' unless the case is major (it waits for approval) or there is nobody to send.
 */
export function intakeActions(plan: IntakePlan): CaseAction[] {
  const actions: CaseAction[] = [];
  if (plan.attachmentIds.length > 0) {
    actions.push({ type: 'note', payload: { text: '', attachmentIds: [...plan.attachmentIds] } });
  }
  if (plan.merge !== undefined) {
    actions.push({ type: 'merge', payload: { ...plan.merge } });
    return actions;
  }
  if (plan.mode === 'report') return actions;
  actions.push({ type: 'register', payload: { major: plan.major } });
  if (plan.mode === 'dispatch' && !plan.major && plan.target !== null) {
    actions.push({ type: 'dispatch', payload: plan.target });
  }
  return actions;
}
