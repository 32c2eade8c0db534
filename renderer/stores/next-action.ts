import type { CaseActionType } from '../../shared/cases/loop-types';

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
