import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../calendar/holidays';
import type { Urgency } from '../model/case';
import type { CaseAction, LoopEvent, LoopStage } from './loop-types';
import { acknowledgeClock } from './acknowledge-clock';
import { DEFAULT_TIME_LIMIT_POLICY } from './time-limits';

const MINUTE = 60_000;
/** Beijing wall time in 2026 as epoch ms (2 March 2026 is a Monday, a working day). */
const bj = (month: number, day: number, hour: number, minute = 0): number =>
  Date.UTC(2026, month - 1, day, hour - 8, minute);

const actor = { id: 'op-01', role: 'operator' } as const;
const ev = (action: CaseAction, at: number, from: LoopStage, to: LoopStage): LoopEvent => ({
  action,
  actor,
  at,
  from,
  to,
});
const register = (at: number): LoopEvent =>
  ev({ type: 'register', payload: {} }, at, 'reported', 'registered');
const dispatch = (at: number): LoopEvent =>
  ev({ type: 'dispatch', payload: { teamId: 't1', officerIds: ['o1'] } }, at, 'registered', 'dispatched');
const acknowledge = (at: number): LoopEvent =>
  ev({ type: 'acknowledge', payload: {} }, at, 'dispatched', 'dispatched');
const suspend = (at: number): LoopEvent =>
  ev({ type: 'suspend', payload: { reason: '等待当事人' } }, at, 'dispatched', 'dispatched');
const resume = (at: number): LoopEvent => ev({ type: 'resume', payload: {} }, at, 'dispatched', 'dispatched');

const clockAt = (events: readonly LoopEvent[], now: number, urgency: Urgency = 'normal') =>
  acknowledgeClock({ urgency, events }, DEFAULT_CALENDAR, DEFAULT_TIME_LIMIT_POLICY, now);

describe('acknowledgeClock (签收)', () => {
  const dispatched = [register(bj(3, 2, 9)), dispatch(bj(3, 2, 9, 10))];

  it('runs from the dispatch against one working hour, near from 80 %, overdue after the due instant', () => {
    expect(clockAt(dispatched, bj(3, 2, 9, 30))).toEqual({
      dispatchedAt: bj(3, 2, 9, 10),
      usedMs: 20 * MINUTE,
      limitMs: 60 * MINUTE,
      dueAt: bj(3, 2, 10, 10),
      status: 'ok',
    });
    expect(clockAt(dispatched, bj(3, 2, 9, 58))?.status).toBe('near');
    expect(clockAt(dispatched, bj(3, 2, 10, 10))?.status).toBe('near');
    expect(clockAt(dispatched, bj(3, 2, 10, 10) + 1)?.status).toBe('overdue');
  });

  it('counts working time for a normal case: dispatched at 11:40, due after lunch at 14:10', () => {
    const late = [register(bj(3, 2, 11)), dispatch(bj(3, 2, 11, 40))];
    const clock = clockAt(late, bj(3, 2, 13, 0));
    expect(clock?.usedMs).toBe(20 * MINUTE);
    expect(clock?.dueAt).toBe(bj(3, 2, 14, 10));
  });

  it('gives an urgent case 30 minutes around the clock and a critical one 15', () => {
    const night = [register(bj(3, 2, 22)), dispatch(bj(3, 2, 22, 5))];
    expect(clockAt(night, bj(3, 2, 22, 20), 'urgent')).toMatchObject({
      limitMs: 30 * MINUTE,
      usedMs: 15 * MINUTE,
      dueAt: bj(3, 2, 22, 35),
    });
    expect(clockAt(night, bj(3, 2, 22, 21), 'critical')).toMatchObject({
      limitMs: 15 * MINUTE,
      status: 'overdue',
    });
  });

  it('stops once the officers acknowledge, and before any dispatch', () => {
    expect(clockAt([...dispatched, acknowledge(bj(3, 2, 9, 40))], bj(3, 2, 11))).toBeNull();
    expect(clockAt([register(bj(3, 2, 9))], bj(3, 2, 11))).toBeNull();
    expect(clockAt([], bj(3, 2, 11))).toBeNull();
  });

  it('does not count suspended time and pushes the due instant later', () => {
    const events = [...dispatched, suspend(bj(3, 2, 9, 20)), resume(bj(3, 2, 9, 50))];
    expect(clockAt(events, bj(3, 2, 10, 0))).toMatchObject({
      usedMs: 20 * MINUTE,
      dueAt: bj(3, 2, 10, 40),
      status: 'ok',
    });
    // While suspended, used time stays as of the suspension.
    expect(clockAt(events.slice(0, 3), bj(3, 2, 11))?.usedMs).toBe(10 * MINUTE);
  });
});
