import { defineStore } from 'pinia';
import { computed, markRaw, shallowRef } from 'vue';
import { ALL_STAGES, type Case, type LoopStage } from '../../shared/model/case';
import type { CaseLoopState } from '../../shared/cases/loop-types';
import { liveQuery, type Subscription } from 'dexie';
import type { GridDeskDb } from '../db/database';
import { loadQueue, queueFollower } from '../db/cases-repo';

/**
 * The open cases on the map and in the queue, as plain data from the local database, kept live by
 * {@link follow} (Dexie liveQuery). The queue also holds closed cases still waiting for 回访/评价, and the loop
 * state of every case it holds.
 */
export const useCasesStore = defineStore('cases', () => {
  const openCases = shallowRef<readonly Case[]>([]);
  /** Closed (结案) cases whose follow-up call or evaluation is still to do. */
  const awaitingEvaluation = shallowRef<readonly Case[]>([]);
  const loops = shallowRef<ReadonlyMap<string, CaseLoopState>>(new Map());
  /** Each held case's last event seq (its loop row's): what tells a re-read which cases changed. */
  const lastSeqs = shallowRef<ReadonlyMap<string, number>>(new Map());

  const caseById = computed(() => new Map(openCases.value.map((c) => [c.id, c])));
  const countsByStage = computed(() => {
    const counts = Object.fromEntries(ALL_STAGES.map((s) => [s, 0])) as Record<LoopStage, number>;
    for (const c of openCases.value) counts[c.stage] += 1;
    return counts;
  });
  const openCountByGrid = computed(() => {
    const counts = new Map<string, number>();
    for (const c of openCases.value) counts.set(c.gridCode, (counts.get(c.gridCode) ?? 0) + 1);
    return counts;
  });

  const queueCases = computed(() => [...openCases.value, ...awaitingEvaluation.value]);
  const queueCaseById = computed(() => new Map(queueCases.value.map((c) => [c.id, c])));

  function setQueue(
    open: readonly Case[],
    closed: readonly Case[],
    loopStates: ReadonlyMap<string, CaseLoopState>,
    seqs: ReadonlyMap<string, number> = new Map(),
  ): void {
    openCases.value = markRaw([...open]);
    awaitingEvaluation.value = markRaw([...closed]);
    loops.value = markRaw(new Map(loopStates));
    lastSeqs.value = markRaw(new Map(seqs));
  }

  let subscription: Subscription | null = null;

  /** Reads the queue from `db` once (start-up, after a reset or restore). */
  async function load(db: GridDeskDb): Promise<void> {
    const queue = await loadQueue(db);
    setQueue(queue.open, queue.closed, queue.loops, queue.lastSeqs);
  }

  /**
   * Keeps the cases in step with `db`: any write (this window, another window, an import) re-reads
   * what it changed in the queue (queueFollower). Replaces an earlier subscription.
   */
  function follow(db: GridDeskDb): void {
    subscription?.unsubscribe();
    subscription = liveQuery(queueFollower(db)).subscribe({
      next: (queue) => setQueue(queue.open, queue.closed, queue.loops, queue.lastSeqs),
      error: (error: unknown) => console.error('[queue] live query failed:', error),
    });
  }

  /** Stops following the database (tests, before their database goes). */
  function unfollow(): void {
    subscription?.unsubscribe();
    subscription = null;
  }

  return {
    openCases,
    awaitingEvaluation,
    loops,
    lastSeqs,
    queueCases,
    queueCaseById,
    caseById,
    countsByStage,
    openCountByGrid,
    setQueue,
    load,
    follow,
    unfollow,
  };
});
