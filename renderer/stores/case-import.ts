import { defineStore } from 'pinia';
import { createCases, type NewCaseItem } from '../db/case-actions';
import { listExternalRefs } from '../db/cases-repo';
import { currentDb } from '../db/handle';
import type { SessionToken } from '../db/sessions';

export type { NewCaseItem };

/**
 * Importing cases from a file (the import dialog): which work orders are already stored, and writing
 * the new cases, all in one transaction, as the account of the session (db/case-actions.ts checks it).
 */
export const useCaseImportStore = defineStore('caseImport', () => {
  /** The external references (工单号) already stored, so a preview never counts them as new. */
  function knownExternalRefs(): Promise<Set<string>> {
    return listExternalRefs(currentDb());
  }
  /** Reports the cases (and runs each one's follow-up actions), at `now` (epoch ms). */
  function create(
    items: readonly NewCaseItem[],
    session: SessionToken,
    now: number,
  ): ReturnType<typeof createCases> {
    return createCases(currentDb(), items, session, now);
  }
  return { knownExternalRefs, create };
});
