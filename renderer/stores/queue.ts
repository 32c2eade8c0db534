import { defineStore } from 'pinia';
import { computed, markRaw, reactive, ref, shallowRef } from 'vue';
import { ElMessage } from 'element-plus';
import { CASE_STAGES, type Case, type CaseSource, type LoopStage } from '../../shared/model/case';
import type { CaseAction, CaseActionType, CaseLoopState } from '../../shared/cases/loop-types';
import type { StoredCaseEvent } from '../../shared/cases/history';
import {
  caseClocks,
  DEFAULT_TIME_LIMIT_POLICY,
  type ClockName,
  type ClockStatus,
} from '../../shared/cases/time-limits';
import { useSettingsStore } from './settings';
import { isMajorCase } from '../../shared/settings/centre-settings';
import { runCaseActions } from '../db/case-actions';
import type { AttachmentRow } from '../db/tables';
import { currentDb } from '../db/handle';
import { i18n } from '../i18n';
import { useCasesStore } from './cases';
import { useTownshipStore } from './township';
import { useAuthStore } from './auth';

export type QueueSort = 'timeLeft' | 'newest' | 'urgency';

export interface QueueFilters {
  stage: LoopStage | null;
  overdueOnly: boolean;
  source: CaseSource | null;
  gridCode: string | null;
  teamId: string | null;
  matterCode: string | null;
  text: string;
}

/** The running stage clock of a case, as the queue shows it. */
export interface QueueClock {
  readonly clock: ClockName;
  /** Epoch ms. */
  readonly dueAt: number;
  readonly status: ClockStatus;
  /** dueAt − now, ms; negative when overdue. */
  readonly leftMs: number;
}

export interface QueueRow {
  readonly kase: Case;
  readonly loop: CaseLoopState | undefined;
  readonly clock: QueueClock | null;
}

/** Actions that ask for input in a dialog; the others run at once. */
export const ACTIONS_WITH_INPUT: readonly CaseActionType[] = [
  'reject',
  'verifyFail',
  'returnToPrevious',
  'suspend',
  'void',
  'extend',
  'dispatch',
  'whistle',
  'evaluate',
  'rateWhistle',
  'reassign',
  'merge',
  'note',
];

/** Single-key shortcuts of case actions, active while focus is in the queue or the case detail. */
export const ACTION_KEYS: Partial<Record<CaseActionType, string>> = {
  register: 'r',
  reject: 'j',
  approve: 'y',
  dispatch: 'd',
  acknowledge: 'a',
  startHandling: 'h',
  submitFeedback: 'f',
  verifyPass: 'v',
  close: 'c',
  recordFollowUp: 'u',
  evaluate: 'e',
  suspend: 's',
  resume: 'o',
  extend: 't',
  whistle: 'w',
  respondWhistle: 'b',
  reassign: 'g',
  merge: 'm',
  note: 'n',
};

export { primaryAction } from './next-action';

const URGENCY_RANK = { critical: 0, urgent: 1, normal: 2 } as const;
const EMPTY_FILTERS: QueueFilters = {
  stage: null,
  overdueOnly: false,
  source: null,
  gridCode: null,
  teamId: null,
  matterCode: null,
  text: '',
};

/**
 * The case queue's view state: filters, sort, the selected case, the case open in the detail panel,
 * the running stage clocks (from the events of the open cases, re-read when the queue changes) and
 * the action waiting for its dialog.
 */
export const useQueueStore = defineStore('queue', () => {
  const filters = reactive<QueueFilters>({ ...EMPTY_FILTERS });
  const sort = ref<QueueSort>('timeLeft');
  const collapsed = ref(false);
  const selectedId = ref<string | null>(null);
  const openId = ref<string | null>(null);
  /** Bumped to ask the queue list to take the keyboard focus. */
  const focusRequest = ref(0);
  /** Bumped with each selection or opening, so the map flies to the case even when it is the same one. */
  const focusSeq = ref(0);
  /** The action whose dialog is open. */
  const pending = shallowRef<{ readonly caseId: string; readonly type: CaseActionType } | null>(null);
  const busy = ref(false);
  /** Events of the open cases, by case id; plain data. */
  const eventsByCase = shallowRef<ReadonlyMap<string, readonly StoredCaseEvent[]>>(new Map());
  /** The clock's "now" (epoch ms), refreshed each minute while the queue is shown. */
  const now = ref(Date.now());
  let eventsRequest = 0;

  /** Re-reads the events of the open cases in one indexed query (on each queue change). */
  async function refreshEvents(): Promise<void> {
    const mine = ++eventsRequest;
    const ids = useCasesStore().openCases.map((c) => c.id);
    const events = ids.length === 0 ? [] : await currentDb().events.where('caseId').anyOf(ids).toArray();
    if (mine !== eventsRequest) return;
    const grouped = new Map<string, StoredCaseEvent[]>();
    for (const event of events) {
      const list = grouped.get(event.caseId);
      if (list) list.push(event);
      else grouped.set(event.caseId, [event]);
    }
    for (const list of grouped.values()) list.sort((a, b) => a.seq - b.seq);
    eventsByCase.value = markRaw(grouped);
    now.value = Date.now();
  }

  function tick(): void {
    now.value = Date.now();
  }

  const clocks = computed(() => {
    const township = useTownshipStore();
    const out = new Map<string, QueueClock>();
    for (const kase of useCasesStore().openCases) {
      const events = eventsByCase.value.get(kase.id);
      const matter = township.matterByCode.get(kase.matterCode);
      if (!events || !matter) continue;
      const current = caseClocks(
        { reportedAt: kase.reportedAt, urgency: kase.urgency, matter, events },
        useSettingsStore().settings.calendar,
        DEFAULT_TIME_LIMIT_POLICY,
        now.value,
      ).current;
      if (current) {
        out.set(kase.id, {
          clock: current.clock,
          dueAt: current.dueAt,
          status: current.status,
          leftMs: current.dueAt - now.value,
        });
      }
    }
    return out;
  });

  /** Ids of the open cases whose running clock is overdue, for the map's red rings. */
  const overdueIds = computed<ReadonlySet<string>>(
    () => new Set([...clocks.value].filter(([, c]) => c.status === 'overdue').map(([id]) => id)),
  );

  const allRows = computed<QueueRow[]>(() => {
    const cases = useCasesStore();
    return cases.queueCases.map((kase) => ({
      kase,
      loop: cases.loops.get(kase.id),
      clock: clocks.value.get(kase.id) ?? null,
    }));
  });

  function matchesText(kase: Case, text: string): boolean {
    if (text === '') return true;
    return [kase.caseNo, kase.description, kase.address, kase.externalRef ?? ''].some((field) =>
      field.toLowerCase().includes(text),
    );
  }

  /** Rows passing every filter but the stage: what the stage chips count. */
  const beforeStage = computed(() => {
    const text = filters.text.trim().toLowerCase();
    return allRows.value.filter(
      ({ kase, clock }) =>
        (!filters.overdueOnly || clock?.status === 'overdue') &&
        (filters.source === null || kase.source === filters.source) &&
        (filters.gridCode === null || kase.gridCode === filters.gridCode) &&
        (filters.teamId === null || kase.teamId === filters.teamId) &&
        (filters.matterCode === null || kase.matterCode === filters.matterCode) &&
        matchesText(kase, text),
    );
  });

  const stageCounts = computed(() => {
    const counts = new Map<LoopStage, number>(CASE_STAGES.map((s) => [s, 0]));
    for (const { kase } of beforeStage.value) counts.set(kase.stage, (counts.get(kase.stage) ?? 0) + 1);
    return counts;
  });

  const byTimeLeft = (a: QueueRow, b: QueueRow): number => {
    if (a.clock && b.clock) return a.clock.leftMs - b.clock.leftMs;
    if (a.clock) return -1;
    if (b.clock) return 1;
    return b.kase.reportedAt - a.kase.reportedAt;
  };

  const rows = computed<QueueRow[]>(() => {
    const list = beforeStage.value.filter((r) => filters.stage === null || r.kase.stage === filters.stage);
    switch (sort.value) {
      case 'newest':
        return list.sort((a, b) => b.kase.reportedAt - a.kase.reportedAt);
      case 'urgency':
        return list.sort(
          (a, b) => URGENCY_RANK[a.kase.urgency] - URGENCY_RANK[b.kase.urgency] || byTimeLeft(a, b),
        );
      default:
        return list.sort(byTimeLeft);
    }
  });

  const selectedRow = computed(() => rows.value.find((r) => r.kase.id === selectedId.value) ?? null);

  function setFilter<K extends keyof QueueFilters>(key: K, value: QueueFilters[K]): void {
    filters[key] = value;
  }
  function resetFilters(): void {
    Object.assign(filters, EMPTY_FILTERS);
  }
  function select(id: string | null): void {
    selectedId.value = id;
    focusSeq.value += 1;
  }
  /** Moves the selection `step` rows down (negative: up), staying within the list. */
  function moveSelection(step: number): void {
    const list = rows.value;
    if (list.length === 0) return;
    const index = list.findIndex((r) => r.kase.id === selectedId.value);
    const next = index < 0 ? (step > 0 ? 0 : list.length - 1) : index + step;
    const row = list[Math.max(0, Math.min(list.length - 1, next))];
    if (row) select(row.kase.id);
  }
  function openCase(id: string): void {
    selectedId.value = id;
    openId.value = id;
    focusSeq.value += 1;
  }
  function closeCase(): void {
    openId.value = null;
  }
  function toggleCollapsed(): void {
    collapsed.value = !collapsed.value;
  }
  function requestFocus(): void {
    collapsed.value = false;
    focusRequest.value += 1;
  }

  /** Runs actions on a case as the signed-in account; says what went wrong or that it worked. */
  async function perform(
    caseId: string,
    action: CaseAction,
    attachments: readonly AttachmentRow[] = [],
  ): Promise<boolean> {
    const t = i18n.global.t;
    const token = useAuthStore().token;
    if (!token) {
      ElMessage.error(t('auth.notSignedIn'));
      return false;
    }
    busy.value = true;
    try {
      const result = await runCaseActions(currentDb(), caseId, [action], token, Date.now(), {
        attachments,
      });
      if (!result.ok) {
        ElMessage.error(t(result.reason.key, { ...result.reason.params }));
        return false;
      }
      ElMessage.success({
        message: t('caseView.done', { action: t(`action.${action.type}`) }),
        duration: 1500,
      });
      return true;
    } catch (error) {
      ElMessage.error(error instanceof Error ? error.message : String(error));
      return false;
    } finally {
      busy.value = false;
    }
  }

  /** Starts an action: a dialog for one that needs input, otherwise it runs at once. */
  async function act(caseId: string, type: CaseActionType): Promise<void> {
    if (ACTIONS_WITH_INPUT.includes(type)) {
      pending.value = { caseId, type };
      return;
    }
    if (type === 'register') {
      // 立案 marks the case major when the centre's policy says so (by urgency or matter): its dispatch
      // then waits for the shift leader's approval.
      const kase = useCasesStore().queueCaseById.get(caseId);
      const major =
        kase !== undefined &&
        isMajorCase(useSettingsStore().settings.majorCase, kase.matterCode, kase.urgency);
      await perform(caseId, { type, payload: { major } });
      return;
    }
    await perform(caseId, { type, payload: {} } as CaseAction);
  }

  function closeDialog(): void {
    pending.value = null;
  }

  return {
    filters,
    sort,
    collapsed,
    selectedId,
    openId,
    focusRequest,
    focusSeq,
    pending,
    busy,
    eventsByCase,
    now,
    clocks,
    overdueIds,
    rows,
    stageCounts,
    selectedRow,
    refreshEvents,
    tick,
    setFilter,
    resetFilters,
    select,
    moveSelection,
    openCase,
    closeCase,
    toggleCollapsed,
    requestFocus,
    perform,
    act,
    closeDialog,
  };
});

type Translate = (key: string, named: Record<string, unknown>) => string;

/** A duration (ms, sign ignored) as "25分钟", "3小时5分" or "2天4小时". */
export function durationText(t: Translate, ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 60) return t('queue.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('queue.hours', { h: hours, m: minutes % 60 });
  return t('queue.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/** Whether a key press belongs to a text field (never take those keys). */
export function isTyping(e: KeyboardEvent): boolean {
  const target = e.target as HTMLElement | null;
  return (
    target !== null && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
  );
}

/** The allowed action bound to a plain letter key press, if any. */
export function actionForKey(e: KeyboardEvent, allowed: readonly CaseActionType[]): CaseActionType | null {
  if (e.ctrlKey || e.metaKey || e.altKey || e.repeat || e.key.length !== 1) return null;
  const key = e.key.toLowerCase();
  return allowed.find((type) => ACTION_KEYS[type] === key) ?? null;
}
