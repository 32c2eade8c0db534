import { defineStore } from 'pinia';
import { computed, shallowRef } from 'vue';
import { attachmentBytesOf, findCaseIdByNo, readCaseFile, type CaseFile } from '../db/case-file-repo';
import { currentDb } from '../db/handle';
import { NO_ACTIONS } from '../../shared/cases/next-actions';
import { useCasesStore } from './cases';
import { useNextActionStore } from './next-action';
import { useQueueStore } from './queue';

export type { CaseFile } from '../db/case-file-repo';
export type { AttachmentRow } from '../db/tables';

/**
 * The case open in the detail panel (the queue's `openId`): its row and loop state (the queue's live
 * copy when it holds the case, else as last read from the database), its record and files, and what
 * the signed-in account may do with it next.
 */
export const useCaseDetailStore = defineStore('case-detail', () => {
  const loaded = shallowRef<CaseFile | null>(null);
  let request = 0;

  /** Reads the case, its loop state, its record and its files; a newer request supersedes an older one. */
  async function reload(id: string | null): Promise<void> {
    const mine = ++request;
    if (id === null) {
      loaded.value = null;
      return;
    }
    const file = await readCaseFile(currentDb(), id);
    if (mine !== request) return;
    loaded.value = file;
  }

  const openId = computed(() => useQueueStore().openId);
  const kase = computed(() => {
    const id = openId.value;
    if (id === null) return null;
    return (
      useCasesStore().queueCaseById.get(id) ??
      (loaded.value?.id === id ? loaded.value.kase : undefined) ??
      null
    );
  });
  const loop = computed(() => {
    const id = openId.value;
    if (id === null) return undefined;
    return useCasesStore().loops.get(id) ?? (loaded.value?.id === id ? loaded.value.loop : undefined);
  });
  const next = computed(() =>
    openId.value === null ? NO_ACTIONS : useNextActionStore().forCase(openId.value, kase.value, loop.value),
  );
  const clock = computed(() => (openId.value ? useQueueStore().clocks.get(openId.value) : undefined));
  /** The 签收 clock while the open case waits for its officers to acknowledge it. */
  const acknowledge = computed(() =>
    openId.value ? useQueueStore().acknowledgeClocks.get(openId.value) : undefined,
  );

  /** The case a duplicate is merged into, by its case number: the queue's copy first, then the database. */
  async function findCaseId(caseNo: string): Promise<string | null> {
    const no = caseNo.trim();
    const inQueue = useCasesStore().queueCases.find((c) => c.caseNo === no);
    if (inQueue) return inQueue.id;
    return findCaseIdByNo(currentDb(), no);
  }

  /** Bytes of the files already stored with a case, for the per-case attachment budget. */
  function attachmentBytes(caseId: string): Promise<number> {
    return attachmentBytesOf(currentDb(), caseId);
  }

  return { loaded, kase, loop, next, clock, acknowledge, reload, findCaseId, attachmentBytes };
});
