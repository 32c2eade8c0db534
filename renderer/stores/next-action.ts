import { defineStore } from 'pinia';
import type { Case } from '../../shared/model/case';
import type { CaseLoopState } from '../../shared/cases/loop-types';
import { nextActions, type NextActions } from '../../shared/cases/next-actions';
import { useAuthStore } from './auth';
import { useCasesStore } from './cases';
import { useTownshipStore } from './township';

export { primaryAction } from '../../shared/cases/next-actions';
export type { NextActions } from '../../shared/cases/next-actions';

/**
 * What the signed-in account may do next with a case, for the queue and the case detail: the allowed
 * actions and the highlighted one (shared/cases/next-actions.ts decides). Read inside a computed, so
 * it follows the account, the case's loop state and the township's power list.
 */
export const useNextActionStore = defineStore('next-action', () => {
  /**
   * The next actions on `kase` in `loop`. Without `loop`, the queue's loop state of the case is used;
   * without `kase`, the matter is looked up from the queue's copy of the case.
   */
  function forCase(caseId: string, kase?: Case | null, loop?: CaseLoopState): NextActions {
    const cases = useCasesStore();
    const matterCode = (kase ?? cases.queueCaseById.get(caseId))?.matterCode;
    const matter = matterCode === undefined ? undefined : useTownshipStore().matterByCode.get(matterCode);
    return nextActions(loop ?? cases.loops.get(caseId), useAuthStore().role, matter);
  }

  return { forCase };
});
