import { defineStore } from 'pinia';
import { computed, markRaw, shallowRef } from 'vue';
import { ALL_STAGES, type Case, type LoopStage } from '../../shared/model/case';
import type { CaseLoopState } from '../../shared/cases/loop-types';
import type { StoredCaseEvent } from '../../shared/cases/history';
import { liveQuery, type Subscription } from 'dexie';
import type { GridDeskDb } from '../db/database';
import { loadQueueAt, queueFollower, type QueueAt } from '../db/cases-repo';

/**
 * The open cases on the map and in the queue, as plain data from the local database, kept live by
 * {@link follow} (Dexie liveQuery). The queue also holds closed cases still waiting for 回访/评价, the loop
 * state of every case it holds and the events of the open ones (for the queue's running clocks), read
 * with the cases in one transaction.
 */
export const useCasesStore = defineStore('cases', () => {
  const openCases = shallowRef<readonly Case[]>([]);
  /** Closed (结案) cases whose follow-up call or evaluation is still to do. */
  const awaitingEvaluation = shallowRef<readonly Case[]>([]);
  const loops = shallowRef<ReadonlyMap<string, CaseLoopState>>(new Map());
  /** Each held case's last event seq (its loop row's): what tells a re-read which cases changed. */
  const lastSeqs = shallowRef<ReadonlyMap<string, number>>(new Map());
  /**
   * Events of the open cases, by case id, in seq order; plain data. Empty until the follower's first
   * run (start-up reads the cases without them); a case's list is the same object until it is written.
   */
  const eventsByCase = shallowRef<ReadonlyMap<string, readonly StoredCaseEvent[]>>(new Map());

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
    events?: ReadonlyMap<string, readonly StoredCaseEvent[]>,
  ): void {
    openCases.value = markRaw([...open]);
    awaitingEvaluation.value = markRaw([...closed]);
    loops.value = markRaw(new Map(loopStates));
    lastSeqs.value = markRaw(new Map(seqs));
    if (events !== undefined) eventsByCase.value = markRaw(new Map(events));
  }

  let subscription: Subscription | null = null;
  /** What {@link load} read, for the follower of the same database to start from. */
  let loaded: { readonly db: GridDeskDb; readonly at: QueueAt } | null = null;

  /** Reads the queue from `db` once (start-up, after a reset or restore), without the events. */
  async function load(db: GridDeskDb): Promise<void> {
    const at = await loadQueueAt(db);
    loaded = { db, at };
    setQueue(at.read.open, at.read.closed, at.read.loops, at.read.lastSeqs, new Map());
  }

  /**
   * Keeps the cases in step with `db`: any write (this window, another window, an import) re-reads
   * what it changed in the queue, with the events of the cases it touched (queueFollower); the first
   * run starts from what {@link load} read of the same database and reads the open cases' events.
   * Replaces an earlier subscription.
   */
  function follow(db: GridDeskDb): void {
    subscription?.unsubscribe();
    const from = loaded?.db === db ? loaded.at : undefined;
    loaded = null;
    subscription = liveQuery(queueFollower(db, Date.now, from)).subscribe({
      next: (queue) => setQueue(queue.open, queue.closed, queue.loops, queue.lastSeqs, queue.events),
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
    eventsByCase,
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
