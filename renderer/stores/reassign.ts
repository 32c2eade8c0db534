import { defineStore } from 'pinia';
import { ref, shallowRef } from 'vue';
import { caseCoordinates, caseGridChanges, type CaseGridChange } from '../../shared/assignment/reassign';
import { spatial } from '../spatial/client';
import { runActionsOnCases } from '../db/case-actions';
import { useAuthStore } from './auth';
import { i18n } from '../i18n';
import { messageText } from '../i18n/message-text';
import { currentDb } from '../db/handle';
import { useCasesStore } from './cases';
import { useTownshipStore } from './township';

/**
 * Re-checks every open case against the current grids (after a grid or zone change): the spatial worker
 * locates all of them in chunks with progress, the operator sees what would change and applies it in
 * one transaction, or cancels at any time.
 */
export const useReassignStore = defineStore('reassign', () => {
  const open = ref(false);
  const running = ref(false);
  const done = ref(0);
  const total = ref(0);
  const cancelled = ref(false);
  const changes = shallowRef<readonly CaseGridChange[] | null>(null);
  const applied = ref<number | null>(null);
  const applying = ref(false);
  const error = ref<string | null>(null);
  let stop = false;

  const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

  async function run(): Promise<void> {
    if (running.value) return;
    error.value = null;
    const cases = useCasesStore().openCases;
    const township = useTownshipStore();
    open.value = true;
    running.value = true;
    cancelled.value = false;
    changes.value = null;
    applied.value = null;
    done.value = 0;
    total.value = cases.length;
    stop = false;
    try {
      const { lon, lat } = caseCoordinates(cases);
      const answer = await spatial().locateAll(lon, lat, (d: number) => {
        done.value = d;
        return !stop;
      });
      if (!answer) {
        cancelled.value = true;
        return;
      }
      changes.value = caseGridChanges(cases, answer, township);
    } catch (e) {
      error.value = message(e);
    } finally {
      running.value = false;
    }
  }

  function cancel(): void {
    stop = true;
  }

  /**
   * Writes the moved cases' new grid and team, each as a 调整归属 event by the signed-in account, all in
   * one transaction; cases now outside every grid are left for a decision.
   */
  async function apply(): Promise<void> {
    const moved = (changes.value ?? []).flatMap((c) =>
      c.kind === 'moved' ? [{ caseId: c.caseId, ...c.to }] : [],
    );
    const token = useAuthStore().token;
    if (token === null) return;
    const reason = i18n.global.t('reassign.recordReason');
    const result = await runActionsOnCases(
      currentDb(),
      moved.map((m) => ({
        caseId: m.caseId,
        actions: [{ type: 'reassign', payload: { gridCode: m.gridCode, teamId: m.teamId, reason } }],
      })),
      token,
      Date.now(),
    );
    if (!result.ok) {
      error.value = messageText(i18n.global.t, i18n.global.te, result.reason.key, result.reason.params);
      return;
    }
    // The case stores follow the database through the session's live query.
    applied.value = result.cases.length;
    changes.value = (changes.value ?? []).filter((c) => c.kind === 'outside');
  }

  /** Closes the dialog and forgets the result: it was computed against data that may change next. */
  function close(): void {
    stop = true;
    open.value = false;
    changes.value = null;
    applied.value = null;
    error.value = null;
  }

  return {
    open,
    running,
    done,
    total,
    cancelled,
    changes,
    applied,
    applying,
    error,
    run,
    cancel,
    apply,
    close,
  };
});
