import { type CaseActionType, type Role, ROLES } from './loop-types';

/** Actions only a shift leader (带班领导) may take: 作废 and approving a major case for dispatch. */
export const LEADER_ONLY_ACTIONS: readonly CaseActionType[] = ['void', 'approve'];

/**
 * Whether a role may ever take an action type, whatever the case's stage. The display wall and other
 * viewers take none; operators take everything but the leader-only actions; leaders take all.
 * Unknown roles (bad input from outside) may take nothing.
 */
export function can(role: Role, actionType: CaseActionType): boolean {
  if (!(ROLES as readonly string[]).includes(role)) return false;
  if (role === 'viewer') return false;
  if (role === 'leader') return true;
  return !LEADER_ONLY_ACTIONS.includes(actionType);
}

/**
 * Roles that may report (上报) a new case, from intake or an import: operators and leaders. The
 * display wall and other viewers report nothing. Unknown roles may not.
 */
export const REPORTING_ROLES: readonly Role[] = ['operator', 'leader'];

/** Whether `role` may report a new case (see {@link REPORTING_ROLES}). */
export function canReport(role: Role): boolean {
  return REPORTING_ROLES.includes(role);
}
