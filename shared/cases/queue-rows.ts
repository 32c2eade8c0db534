/**
 * The case queue (案件队列) as pure functions: a case's running stage clock as the queue shows it,
 * the filters, the per-stage counts and the sort orders. The queue store (renderer/stores/queue.ts)
 * calls these; they return new arrays and never change their input.
 */
import { CASE_STAGES, type Case, type CaseSource, type LoopStage } from '../model/case';
import type { Matter } from '../model/matter';
import type { WorkingCalendar } from '../calendar';
import type { CaseLoopState } from './loop-types';
import type { StoredCaseEvent } from './history';
import type { AcknowledgeClock } from './acknowledge-clock';
import { caseClocks, type ClockName, type ClockStatus, type TimeLimitPolicy } from './time-limits';

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

/** No filter set: every case of the queue shows. */
export const EMPTY_FILTERS: Readonly<QueueFilters> = {
  stage: null,
  overdueOnly: false,
  source: null,
  gridCode: null,
  teamId: null,
  matterCode: null,
  text: '',
};

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
  /** The 签收 clock while the case waits for its officers to acknowledge it (shown only; not a stage clock). */
  readonly acknowledge?: AcknowledgeClock | null;
}

/**
 * The clock running for a case at `now` (epoch ms), from its recorded events (in seq order), its
 * matter's limits, the centre's working calendar and the time-limit policy; null when no clock runs
 * (e.g. suspended, or handled and waiting for nothing timed).
 */
export function runningClock(
  kase: Case,
  matter: Matter,
  events: readonly StoredCaseEvent[],
  calendar: WorkingCalendar,
  policy: TimeLimitPolicy,
  now: number,
): QueueClock | null {
  const current = caseClocks(
    { reportedAt: kase.reportedAt, urgency: kase.urgency, matter, events },
    calendar,
    policy,
    now,
  ).current;
  if (!current) return null;
  return { clock: current.clock, dueAt: current.dueAt, status: current.status, leftMs: current.dueAt - now };
}

function matchesText(kase: Case, text: string): boolean {
  if (text === '') return true;
  return [kase.caseNo, kase.description, kase.address, kase.externalRef ?? ''].some((field) =>
    field.toLowerCase().includes(text),
  );
}

/**
 * Rows passing every filter but the stage (what the stage chips count). The text matches case number,
 * description, address and external reference, case-insensitively, ignoring surrounding blanks.
 */
export function filterBeforeStage(rows: readonly QueueRow[], filters: Readonly<QueueFilters>): QueueRow[] {
  const text = filters.text.trim().toLowerCase();
  return rows.filter(
    ({ kase, clock }) =>
      (!filters.overdueOnly || clock?.status === 'overdue') &&
      (filters.source === null || kase.source === filters.source) &&
      (filters.gridCode === null || kase.gridCode === filters.gridCode) &&
      (filters.teamId === null || kase.teamId === filters.teamId) &&
      (filters.matterCode === null || kase.matterCode === filters.matterCode) &&
      matchesText(kase, text),
  );
}

/** How many rows are at each stage (every stage present, zero when none). */
export function countByStage(rows: readonly QueueRow[]): Map<LoopStage, number> {
  const counts = new Map<LoopStage, number>(CASE_STAGES.map((s) => [s, 0]));
  for (const { kase } of rows) counts.set(kase.stage, (counts.get(kase.stage) ?? 0) + 1);
  return counts;
}

const URGENCY_RANK = { critical: 0, urgent: 1, normal: 2 } as const;

/** Least time left first; cases without a running clock after them, newest report first. */
function byTimeLeft(a: QueueRow, b: QueueRow): number {
  if (a.clock && b.clock) return a.clock.leftMs - b.clock.leftMs;
  if (a.clock) return -1;
  if (b.clock) return 1;
  return b.kase.reportedAt - a.kase.reportedAt;
}

/** The rows at `stage` (all when null), in the queue's `sort` order, as a new array. */
export function stageRowsSorted(
  rows: readonly QueueRow[],
  stage: LoopStage | null,
  sort: QueueSort,
): QueueRow[] {
  const list = rows.filter((r) => stage === null || r.kase.stage === stage);
  switch (sort) {
    case 'newest':
      return list.sort((a, b) => b.kase.reportedAt - a.kase.reportedAt);
    case 'urgency':
      return list.sort(
        (a, b) => URGENCY_RANK[a.kase.urgency] - URGENCY_RANK[b.kase.urgency] || byTimeLeft(a, b),
      );
    default:
      return list.sort(byTimeLeft);
  }
}
