/** Test fixtures for the loop: a fixed clock, actors, and one valid action of every type. */
import type { Actor, CaseAction, CaseActionType, CaseLoopState } from './loop-types';

/** 2026-03-02 08:00 Beijing time, in epoch milliseconds. */
export const T0 = Date.UTC(2026, 2, 2, 0, 0, 0);
export const HOUR = 3_600_000;

export const OPERATOR: Actor = { id: 'op-01', role: 'operator' };
export const LEADER: Actor = { id: 'ld-01', role: 'leader' };
export const VIEWER: Actor = { id: 'wall-01', role: 'viewer' };
/** A workstation id for tests (shared/model/ids.ts). */
export const TEST_WORKSTATION = 'k3m9q2x7ab';

/** A freshly reported case, written out field by field (not taken from the code under test). */
export const REPORTED: CaseLoopState = {
  stage: 'reported',
  suspended: null,
  major: false,
  approvedAt: null,
  dispatch: null,
  acknowledged: false,
  acknowledgedAt: null,
  deadline: null,
  counters: { returns: 0, reworks: 0, extensions: 0 },
  whistle: null,
  followUp: null,
};

/** One action of `type` with a valid payload, for a case acted on at `at`. */
export function validAction(type: CaseActionType, at = T0): CaseAction {
  switch (type) {
    case 'register':
      return { type, payload: {} };
    case 'reject':
      return { type, payload: { reason: '不属于本镇管辖' } };
    case 'dispatch':
      return { type, payload: { teamId: 'team-1', officerIds: ['off-1', 'off-2'] } };
    case 'submitFeedback':
      return { type, payload: { note: '已清理占道摊点' } };
    case 'verifyFail':
      return { type, payload: { reason: '现场仍有堆物' } };
    case 'recordFollowUp':
      return { type, payload: {} };
    case 'evaluate':
      return { type, payload: { satisfaction: 4 } };
    case 'reopen':
      return { type, payload: { reason: '回访不满意：摊点又回来了' } };
    case 'returnToPrevious':
      return { type, payload: { reason: '非本队职责' } };
    case 'suspend':
      return { type, payload: { reason: '当事人住院' } };
    case 'extend':
      return { type, payload: { reason: '需要第三方检测', deadline: at + 72 * HOUR } };
    case 'void':
      return { type, payload: { reason: '重复上报' } };
    case 'whistle':
      return { type, payload: { departmentId: 'dept-env' } };
    case 'respondWhistle':
      return { type, payload: { note: '生态环境局已到场' } };
    case 'rateWhistle':
      return { type, payload: { response: 4, completion: 5, satisfaction: 4 } };
    case 'reassign':
      return { type, payload: { gridCode: '321281104001002', teamId: 'team-2', reason: '实际位于相邻网格' } };
    case 'merge':
      return { type, payload: { intoCaseId: 'case-2026-000001', reason: '同一占道点位重复上报' } };
    case 'note':
      return { type, payload: { text: '当事人电话已联系' } };
    case 'approve':
    case 'acknowledge':
    case 'startHandling':
    case 'verifyPass':
    case 'close':
    case 'resume':
      return { type, payload: {} };
  }
}
