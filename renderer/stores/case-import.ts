import { defineStore } from 'pinia';
import { createCases, type NewCaseItem } from '../db/case-actions';
import { listExternalRefs } from '../db/cases-repo';
import { listHistoryExternalRefs } from '../db/history-repo';
import { currentDb } from '../db/handle';
import type { SessionToken } from '../db/sessions';

export type { NewCaseItem };

/**
 * Importing cases from a file (the import dialog): which work orders are already stored, and writing
 * the new cases, all in one transaction, as the account of the session (db/case-actions.ts checks it).
 */
export const useCaseImportStore = defineStore('caseImport', () => {
  /**
   * The external references (工单号) already stored, of cases and of the imported history (历史案件),
   * so a preview never counts them as new: an old work order handled before GridDesk is flagged too.
   */
  async function knownExternalRefs(): Promise<Set<string>> {
    const db = currentDb();
    const [cases, history] = await Promise.all([listExternalRefs(db), listHistoryExternalRefs(db)]);
    for (const ref of history) cases.add(ref);
    return cases;
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
