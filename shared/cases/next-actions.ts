import type { Matter } from '../model/matter';
import type { CaseActionType, CaseLoopState, Role } from './loop-types';
import { allowedActions } from './state-machine';

/** The main-line step of each situation, first allowed wins: it is the highlighted button. */
const PRIMARY_ORDER: readonly CaseActionType[] = [
  'resume',
  'respondWhistle',
  'register',
  'approve',
  'dispatch',
  'acknowledge',
  'startHandling',
  'submitFeedback',
  'verifyPass',
  'close',
  'recordFollowUp',
  'evaluate',
  'rateWhistle',
];

/**
 * The highlighted next step among the allowed actions, if any. When the matter's power sits with a
 * county department (`viaDepartment`), dispatching a registered case means calling the department in:
 * 吹哨 (or, once it has reported in, 派遣 alongside it).
 */
export function primaryAction(
  allowed: readonly CaseActionType[],
  viaDepartment = false,
): CaseActionType | null {
  if (viaDepartment && allowed.includes('whistle') && allowed.includes('dispatch')) return 'whistle';
  if (viaDepartment && allowed.includes('respondWhistle')) return 'respondWhistle';
  return PRIMARY_ORDER.find((type) => allowed.includes(type)) ?? null;
}

/**
 * Whether the next step of a case goes through the county department (吹哨报到): its matter's power
 * sits with a department and no whistle is on record yet. Once the department has been called in (a
 * whistle on record, answered or not), the loop goes on as usual. An unknown matter is the township's.
 */
export function callsDepartmentIn(
  matter: Pick<Matter, 'authority'> | undefined,
  loop: Pick<CaseLoopState, 'whistle'> | undefined,
): boolean {
  const whistled = loop?.whistle !== null && loop?.whistle !== undefined;
  return matter?.authority.kind === 'department' && !whistled;
}

/** What an account may do with a case now: the allowed actions in button order and the highlighted one. */
export interface NextActions {
  readonly allowed: readonly CaseActionType[];
  readonly primary: CaseActionType | null;
}

/** No actions: no loop state known, or nobody signed in. */
export const NO_ACTIONS: NextActions = { allowed: [], primary: null };

/**
 * The actions `role` may take on a case in `loop` now (from the state machine) and the highlighted
 * main-line step among them, which is 吹哨 rather than 派遣 when {@link callsDepartmentIn} the
 * case's matter. Without a loop state or a role there is nothing to do.
 */
export function nextActions(
  loop: CaseLoopState | undefined,
  role: Role | null | undefined,
  matter: Pick<Matter, 'authority'> | undefined,
): NextActions {
  if (!loop || !role) return NO_ACTIONS;
  const allowed = allowedActions(loop, role);
  return { allowed, primary: primaryAction(allowed, callsDepartmentIn(matter, loop)) };
}
