import type { ZoneRefusal } from './messages';
import type { ZonePlan } from './plan';
import { applyEdit, type PlanEdit } from './plan-edit';

/**
 * Undo and redo over a zone plan: the plan now, the steps that led to it and the steps undone. A step
 * keeps the edit and its inverse (not whole plans), so a long session of moves over 7,000 grids stays
 * small. Pure: every function returns a new history.
 */

export interface HistoryStep {
  readonly edit: PlanEdit;
  readonly inverse: PlanEdit;
}

export interface PlanHistory {
  readonly plan: ZonePlan;
  /** Steps done, oldest first. */
  readonly done: readonly HistoryStep[];
  /** Steps undone, the next to redo last. */
  readonly undone: readonly HistoryStep[];
}

/** Steps kept by default; older ones are dropped (they can no longer be undone). */
export const HISTORY_LIMIT = 200;

export function startHistory(plan: ZonePlan): PlanHistory {
  return { plan, done: [], undone: [] };
}

/**
 * Applies `edit` as a new step (clearing what could be redone), keeping at most `limit` steps; or the
 * edit's refusal, the history unchanged.
 */
export function recordEdit(
  history: PlanHistory,
  edit: PlanEdit,
  limit: number = HISTORY_LIMIT,
): { ok: true; history: PlanHistory } | { ok: false; refusal: ZoneRefusal } {
  const result = applyEdit(history.plan, edit);
  if (!result.ok) return result;
  const done = [...history.done, { edit, inverse: result.inverse }];
  return {
    ok: true,
    history: { plan: result.plan, done: done.slice(Math.max(0, done.length - limit)), undone: [] },
  };
}

export function canUndo(history: PlanHistory): boolean {
  return history.done.length > 0;
}

export function canRedo(history: PlanHistory): boolean {
  return history.undone.length > 0;
}

/** The history with its last step undone; unchanged when there is none. */
export function undo(history: PlanHistory): PlanHistory {
  const step = history.done[history.done.length - 1];
  if (step === undefined) return history;
  const result = applyEdit(history.plan, step.inverse);
  // An inverse applies to the plan its edit produced; refusal here means the history was tampered with.
  if (!result.ok) throw new Error(`undo refused: ${result.refusal.key}`);
  return { plan: result.plan, done: history.done.slice(0, -1), undone: [...history.undone, step] };
}

/** The history with the last undone step done again; unchanged when there is none. */
export function redo(history: PlanHistory): PlanHistory {
  const step = history.undone[history.undone.length - 1];
  if (step === undefined) return history;
  const result = applyEdit(history.plan, step.edit);
  if (!result.ok) throw new Error(`redo refused: ${result.refusal.key}`);
  return {
    plan: result.plan,
    done: [...history.done, { edit: step.edit, inverse: result.inverse }],
    undone: history.undone.slice(0, -1),
  };
}
