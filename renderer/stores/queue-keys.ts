import type { CaseActionType } from '../../shared/cases/loop-types';
import type { ClockStatus } from '../../shared/cases/time-limits';

/** Actions that ask for input in a dialog; the others run at once. */
export const ACTIONS_WITH_INPUT: readonly CaseActionType[] = [
  'reject',
  'submitFeedback',
  'verifyPass',
  'verifyFail',
  'close',
  'recordFollowUp',
  'reopen',
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

type Translate = (key: string, named: Record<string, unknown>) => string;

/** A duration (ms, sign ignored) as "25分钟", "3小时5分" or "2天4小时". */
export function durationText(t: Translate, ms: number): string {
  const minutes = Math.floor(Math.abs(ms) / 60_000);
  if (minutes < 60) return t('queue.minutes', { m: minutes });
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return t('queue.hours', { h: hours, m: minutes % 60 });
  return t('queue.days', { d: Math.floor(hours / 24), h: hours % 24 });
}

/**
 * A queue row's clock in words: "剩余 3小时5分", "即将超时 · 剩余 25分钟", or "超时 2小时10分" (the word
 * 超时 once: the overdue time says it already).
 */
export function clockText(
  t: Translate,
  clock: { readonly status: ClockStatus; readonly leftMs: number },
): string {
  if (clock.status === 'overdue' || clock.leftMs < 0)
    return t('queue.overdueBy', { time: durationText(t, clock.leftMs) });
  const left = t('queue.left', { time: durationText(t, clock.leftMs) });
  return clock.status === 'near' ? `${t('queue.near', {})} · ${left}` : left;
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

/** A limit (ms) as "1小时" when it is whole hours, else as {@link durationText}. */
function limitText(t: Translate, ms: number): string {
  return ms % 3_600_000 === 0 ? t('ackClock.hours', { h: ms / 3_600_000 }) : durationText(t, ms);
}

/**
 * The 签收 clock of a dispatched case nobody has acknowledged yet, as the queue row and the case detail
 * show it: "签收已用 25分钟，时限 1小时", or once past due "签收超时 10分钟，时限 1小时" (`now` epoch ms).
 */
export function acknowledgeText(
  t: Translate,
  ack: { readonly usedMs: number; readonly limitMs: number; readonly dueAt: number; readonly status: string },
  now: number,
): string {
  const limit = limitText(t, ack.limitMs);
  return ack.status === 'overdue'
    ? t('ackClock.overdue', { over: durationText(t, now - ack.dueAt), limit })
    : t('ackClock.waiting', { used: durationText(t, ack.usedMs), limit });
}
