import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../calendar/holidays';
import type { Urgency } from '../model/case';
import type { Matter, StageLimits } from '../model/matter';
import type { CaseAction, LoopEvent, LoopStage } from './loop-types';
import {
  caseClocks,
  DEFAULT_TIME_LIMIT_POLICY,
  timeLimitPolicySchema,
  type ClockPeriod,
} from './time-limits';

const HOUR = 3_600_000;
const MINUTE = 60_000;
/** Beijing wall time in 2026 as epoch ms. */
const bj = (month: number, day: number, hour: number, minute = 0): number =>
  Date.UTC(2026, month - 1, day, hour - 8, minute);

const matter = (limits: Partial<StageLimits> = {}): Matter => ({
  code: 'CG-001',
  name: '占道经营',
  domain: 'urban-management',
  legalBasis: '《城市市容和环境卫生管理条例》第十四条',
  authority: { kind: 'township', basis: 'granted' },
  limits: { register: 2, dispatch: 1, handle: 8, verify: 4, ...limits },
  needsCertified: false,
});

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
const startHandling = (at: number): LoopEvent =>
  ev({ type: 'startHandling', payload: {} }, at, 'dispatched', 'handling');
const feedback = (at: number): LoopEvent =>
  ev({ type: 'submitFeedback', payload: {} }, at, 'handling', 'feedback');
const suspend = (at: number, stage: LoopStage = 'handling'): LoopEvent =>
  ev({ type: 'suspend', payload: { reason: '当事人住院' } }, at, stage, stage);
const resume = (at: number, stage: LoopStage = 'handling'): LoopEvent =>
  ev({ type: 'resume', payload: {} }, at, stage, stage);

/** A case reported, registered, dispatched and acknowledged at the given times. */
const upToHandling = (registeredAt: number, dispatchedAt: number, ackAt: number): LoopEvent[] => [
  register(registeredAt),
  dispatch(dispatchedAt),
  acknowledge(ackAt),
  startHandling(ackAt + MINUTE),
];

const clocksOf = (
  events: readonly LoopEvent[],
  now: number,
  options: { reportedAt?: number; urgency?: Urgency; limits?: Partial<StageLimits> } = {},
) =>
  caseClocks(
    {
      reportedAt: options.reportedAt ?? bj(3, 2, 8),
      urgency: options.urgency ?? 'normal',
      matter: matter(options.limits),
      events,
    },
    DEFAULT_CALENDAR,
    DEFAULT_TIME_LIMIT_POLICY,
    now,
  );

const summary = (p: ClockPeriod) => [p.clock, p.status, p.onTime];

describe('caseClocks for a normal case (working time)', () => {
  // Reported Fri 2026-03-06 16:00; register limit 2 h: 16:00–17:30 and Mon 08:30–09:00.
  const reportedAt = bj(3, 6, 16);
  const events = upToHandling(bj(3, 9, 8, 45), bj(3, 9, 10), bj(3, 9, 11));
  const clocks = clocksOf(events, bj(3, 10, 10), { reportedAt });

  it('runs the register clock over the weekend and finds it on time', () => {
    const [reg] = clocks.periods;
    expect(reg).toMatchObject({
      clock: 'register',
      startedAt: reportedAt,
      endedAt: bj(3, 9, 8, 45),
      endedBy: 'register',
    });
    expect(reg?.dueAt).toBe(bj(3, 9, 9));
    expect(reg?.usedMs).toBe(1.75 * HOUR);
    expect(reg?.onTime).toBe(true);
  });

  it('finds dispatch 15 minutes late', () => {
    const dispatchPeriod = clocks.periods[1];
    expect(dispatchPeriod?.dueAt).toBe(bj(3, 9, 9, 45));
    expect(dispatchPeriod?.usedMs).toBe(1.25 * HOUR);
    expect(dispatchPeriod && summary(dispatchPeriod)).toEqual(['dispatch', 'overdue', false]);
  });

  it('starts the handle clock at 签收, not at dispatch, and skips lunch', () => {
    expect(clocks.periods).toHaveLength(3);
    const handle = clocks.current;
    expect(handle?.clock).toBe('handle');
    expect(handle?.startedAt).toBe(bj(3, 9, 11));
    // 11:00–12:00, 13:30–17:30 Monday, 08:30–10:00 Tuesday = 6.5 h of 8 h: near overdue (≥ 80 %).
    expect(handle?.usedMs).toBe(6.5 * HOUR);
    expect(handle?.dueAt).toBe(bj(3, 10, 11, 30));
    expect(handle?.status).toBe('near');
    expect(handle?.onTime).toBeNull();
  });

  it('turns overdue once the due instant has passed', () => {
    const later = clocksOf(events, bj(3, 10, 11, 31), { reportedAt });
    expect(later.current?.status).toBe('overdue');
    const earlier = clocksOf(events, bj(3, 9, 15), { reportedAt });
    expect(earlier.current?.status).toBe('ok');
  });

  it('counts a report finished on Saturday as on time when due on Monday', () => {
    const clocks2 = clocksOf([register(bj(3, 7, 10))], bj(3, 7, 11), { reportedAt });
    expect(clocks2.periods[0]?.onTime).toBe(true);
    expect(clocks2.periods[0]?.usedMs).toBe(1.5 * HOUR);
    expect(clocks2.current?.clock).toBe('dispatch');
  });
});

describe('caseClocks across a holiday', () => {
  it('does not count the Qingming holiday', () => {
    // 签收 Fri 04-03 14:00: 3.5 h Friday, Sat–Mon off, Tue 04-07 08:30–12:00 and 13:30–14:30.
    const events = [...upToHandling(bj(4, 3, 9), bj(4, 3, 10), bj(4, 3, 14)), feedback(bj(4, 7, 14))];
    const clocks = clocksOf(events, bj(4, 7, 15), { reportedAt: bj(4, 3, 8) });
    const handle = clocks.periods[2];
    expect(handle?.dueAt).toBe(bj(4, 7, 14, 30));
    expect(handle?.usedMs).toBe(7.5 * HOUR);
    expect(handle?.onTime).toBe(true);
    expect(clocks.current?.clock).toBe('verify');
    expect(clocks.current?.startedAt).toBe(bj(4, 7, 14));
  });
});

describe('caseClocks for urgent cases (natural time)', () => {
  it('halves the limits of an urgent case and counts the night', () => {
    // Sat 03-07 22:00; register limit 2 h × 0.5 = 1 h natural; dispatch 1 h × 0.5 = 30 min.
    const reportedAt = bj(3, 7, 22);
    const clocks = clocksOf([register(bj(3, 7, 22, 40))], bj(3, 7, 23, 20), {
      reportedAt,
      urgency: 'urgent',
    });
    expect(clocks.periods[0]).toMatchObject({
      counting: 'natural',
      dueAt: bj(3, 7, 23),
      usedMs: 40 * MINUTE,
      onTime: true,
    });
    expect(clocks.current).toMatchObject({ clock: 'dispatch', dueAt: bj(3, 7, 23, 10), usedMs: 40 * MINUTE });
    expect(clocks.current?.status).toBe('overdue');
  });

  it('quarters the handling limit of a critical case', () => {
    const reportedAt = bj(3, 7, 22);
    const events = upToHandling(bj(3, 7, 22, 5), bj(3, 7, 22, 10), bj(3, 7, 22, 30));
    const clocks = clocksOf(events, bj(3, 8, 0, 10), { reportedAt, urgency: 'critical' });
    // 8 h × 0.25 = 2 h from 22:30: due 00:30; at 00:10, 100 of 120 minutes are used (≥ 80 %).
    expect(clocks.current).toMatchObject({
      clock: 'handle',
      limitMs: 2 * HOUR,
      dueAt: bj(3, 8, 0, 30),
      usedMs: 100 * MINUTE,
    });
    expect(clocks.current?.status).toBe('near');
  });
});

describe('caseClocks with suspension', () => {
  const base = upToHandling(bj(3, 2, 8, 30), bj(3, 2, 8, 40), bj(3, 2, 9));

  it('leaves suspended time out and moves the due instant later', () => {
    // 1 h used Monday before the suspension; 7 h left from Wed 10:00: Wed 6 h, Thu 08:30–09:30.
    const events = [...base, suspend(bj(3, 2, 10)), resume(bj(3, 4, 10))];
    const clocks = clocksOf(events, bj(3, 5, 9));
    expect(clocks.current?.dueAt).toBe(bj(3, 5, 9, 30));
    expect(clocks.current?.usedMs).toBe(7.5 * HOUR);
    expect(clocks.current?.status).toBe('near');
    expect(clocks.current?.suspensions).toEqual([{ from: bj(3, 2, 10), to: bj(3, 4, 10) }]);
  });

  it('while suspended, judges the clock as of the suspension and projects the due instant from now', () => {
    const events = [...base, suspend(bj(3, 2, 10))];
    const clocks = clocksOf(events, bj(3, 3, 15));
    expect(clocks.current?.usedMs).toBe(1 * HOUR);
    expect(clocks.current?.status).toBe('ok');
    // Resumed at Tue 15:00, 7 h left: Tue 2.5 h, Wed 08:30–12:00, 13:30–14:30.
    expect(clocks.current?.dueAt).toBe(bj(3, 4, 14, 30));
  });

  it('keeps a clock suspended near its limit near, and one suspended after its limit overdue', () => {
    const near = clocksOf([...base, suspend(bj(3, 2, 9, 55))], bj(3, 6, 10), { limits: { handle: 1 } });
    expect(near.current?.status).toBe('near');
    const late = clocksOf([...base, suspend(bj(3, 2, 10, 30))], bj(3, 6, 10), { limits: { handle: 1 } });
    expect(late.current?.status).toBe('overdue');
    expect(late.current?.dueAt).toBe(bj(3, 2, 10));
  });
});

describe('caseClocks of a finished period', () => {
  const base = upToHandling(bj(3, 2, 8, 30), bj(3, 2, 8, 40), bj(3, 2, 9));

  it('judges it the same whatever now is, even after a second suspend the loop would refuse', () => {
    // Suspended Mon 10:00, suspended "again" Tue 10:00, fed back Wed 10:00 without a resume: one stretch.
    const events = [...base, suspend(bj(3, 2, 10)), suspend(bj(3, 3, 10)), feedback(bj(3, 4, 10))];
    const early = clocksOf(events, bj(3, 4, 11));
    const late = clocksOf(events, bj(4, 30, 11));
    const handle = (clocks: typeof early) => clocks.periods.find((p) => p.clock === 'handle');
    expect(handle(early)?.suspensions).toEqual([{ from: bj(3, 2, 10), to: bj(3, 4, 10) }]);
    expect(handle(late)).toEqual(handle(early));
    expect(handle(early)?.onTime).toBe(true);
  });
});

describe('caseClocks with an extension (延期)', () => {
  const base = upToHandling(bj(3, 2, 8, 30), bj(3, 2, 8, 40), bj(3, 2, 9));
  const extend = ev(
    { type: 'extend', payload: { reason: '需要第三方检测', deadline: bj(3, 6, 17, 30) } },
    bj(3, 2, 15),
    'handling',
    'handling',
  );

  it('replaces the limit with the new deadline', () => {
    // Without the extension it would be due Tue 09:30 and overdue by Thursday.
    expect(clocksOf(base, bj(3, 5, 12)).current?.dueAt).toBe(bj(3, 3, 9, 30));
    expect(clocksOf(base, bj(3, 5, 12)).current?.status).toBe('overdue');
    const clocks = clocksOf([...base, extend], bj(3, 5, 12));
    expect(clocks.current?.dueAt).toBe(bj(3, 6, 17, 30));
    expect(clocks.current?.deadline).toBe(bj(3, 6, 17, 30));
    // 25.5 h used of 37 h allowed up to the deadline: below 80 %.
    expect(clocks.current?.usedMs).toBe(25.5 * HOUR);
    expect(clocks.current?.status).toBe('ok');
  });

  it('is overdue after the deadline and on time when fed back before it', () => {
    expect(clocksOf([...base, extend], bj(3, 6, 17, 31)).current?.status).toBe('overdue');
    const done = clocksOf([...base, extend, feedback(bj(3, 6, 16))], bj(3, 6, 17));
    expect(done.periods[2]?.onTime).toBe(true);
  });
});

describe('caseClocks with rework (返工)', () => {
  it('adds the handle rounds up and leaves verification out', () => {
    const events = [
      ...upToHandling(bj(3, 2, 8, 10), bj(3, 2, 8, 20), bj(3, 2, 8, 30)),
      feedback(bj(3, 2, 14, 30)),
      ev(
        { type: 'verifyFail', payload: { reason: '现场仍有堆物' } },
        bj(3, 3, 9, 30),
        'feedback',
        'handling',
      ),
      feedback(bj(3, 3, 15)),
      ev({ type: 'verifyPass', payload: {} }, bj(3, 3, 16), 'feedback', 'verified'),
    ];
    const clocks = clocksOf(events, bj(3, 4, 9));
    expect(clocks.periods.map(summary)).toEqual([
      ['register', 'ok', true],
      ['dispatch', 'ok', true],
      ['handle', 'ok', true],
      ['verify', 'ok', true],
      ['handle', 'overdue', false],
      ['verify', 'ok', true],
    ]);
    const [first, verify, second] = clocks.periods.slice(2);
    expect(first?.usedMs).toBe(4.5 * HOUR);
    // Verification Mon 14:30 → Tue 09:30 used exactly its 4 h.
    expect(verify?.usedMs).toBe(4 * HOUR);
    // Second round carries 4.5 h; 3.5 h left from Tue 09:30 runs out at 14:30; fed back at 15:00.
    expect(second).toMatchObject({ carriedMs: 4.5 * HOUR, dueAt: bj(3, 3, 14, 30), usedMs: 8.5 * HOUR });
    expect(clocks.current).toBeNull();
  });
});

describe('caseClocks with returns and terminal actions', () => {
  const returned = (at: number, from: LoopStage, to: LoopStage): LoopEvent =>
    ev({ type: 'returnToPrevious', payload: { reason: '非本队职责' } }, at, from, to);

  it('restarts the register clock when a registration is returned', () => {
    const clocks = clocksOf(
      [register(bj(3, 2, 9)), returned(bj(3, 2, 10), 'registered', 'reported')],
      bj(3, 2, 11),
    );
    expect(clocks.periods.map((p) => [p.clock, p.endedBy])).toEqual([
      ['register', 'register'],
      ['dispatch', 'returnToPrevious'],
      ['register', null],
    ]);
    expect(clocks.current).toMatchObject({ clock: 'register', startedAt: bj(3, 2, 10), usedMs: 1 * HOUR });
  });

  it('waits for a new 签收 after a return from handling, then starts afresh', () => {
    const base = upToHandling(bj(3, 2, 8, 30), bj(3, 2, 8, 40), bj(3, 2, 9));
    const back = [...base, returned(bj(3, 2, 11), 'handling', 'dispatched')];
    expect(clocksOf(back, bj(3, 2, 11, 30)).current).toBeNull();
    const again = clocksOf([...back, acknowledge(bj(3, 2, 14))], bj(3, 2, 15));
    expect(again.current).toMatchObject({
      clock: 'handle',
      startedAt: bj(3, 2, 14),
      carriedMs: 0,
      usedMs: 1 * HOUR,
    });
  });

  it('ends the dispatch clock at a whistle to a county department', () => {
    const whistle = ev(
      { type: 'whistle', payload: { departmentId: 'dept-env' } },
      bj(3, 2, 9),
      'registered',
      'registered',
    );
    const clocks = clocksOf([register(bj(3, 2, 8, 45)), whistle], bj(3, 2, 12));
    expect(clocks.periods[1]).toMatchObject({ clock: 'dispatch', endedBy: 'whistle', onTime: true });
    expect(clocks.current).toBeNull();
  });

  it('stops at reject and void and ignores what follows', () => {
    const rejected = clocksOf(
      [ev({ type: 'reject', payload: { reason: '不属于本镇管辖' } }, bj(3, 2, 9), 'reported', 'rejected')],
      bj(3, 9, 9),
    );
    expect(rejected.periods.map((p) => [p.clock, p.endedBy, p.onTime])).toEqual([
      ['register', 'reject', true],
    ]);
    const voided = clocksOf(
      [
        register(bj(3, 2, 9)),
        ev({ type: 'void', payload: { reason: '重复上报' } }, bj(3, 2, 9, 30), 'registered', 'voided'),
        dispatch(bj(3, 2, 10)),
      ],
      bj(3, 9, 9),
    );
    expect(voided.periods.map((p) => [p.clock, p.endedBy])).toEqual([
      ['register', 'register'],
      ['dispatch', 'void'],
    ]);
    expect(voided.current).toBeNull();
  });
});

describe('caseClocks exactly at the boundaries', () => {
  const MS = 1;
  const statusAt = (
    events: readonly LoopEvent[],
    now: number,
    options: Parameters<typeof clocksOf>[2] = {},
  ) => clocksOf(events, now, options).current?.status;

  describe('on working time (a normal case)', () => {
    // 签收 Mon 03-02 09:00, handle limit 8 h: 09:00–12:00 and 13:30–17:30 Monday, 08:30–09:30 Tuesday.
    const handling = upToHandling(bj(3, 2, 8, 30), bj(3, 2, 8, 40), bj(3, 2, 9));

    it('turns near at exactly 80 % of the limit used, not 1 ms later', () => {
      // 80 % of 8 h is 6 h 24 min: 3 h in the morning, then 13:30 + 3 h 24 min = 16:54.
      const at = bj(3, 2, 16, 54);
      expect(clocksOf(handling, at).current?.usedMs).toBe(0.8 * 8 * HOUR);
      expect(statusAt(handling, at)).toBe('near');
      expect(statusAt(handling, at - MS)).toBe('ok');
    });

    it('is near at the due instant itself and overdue 1 ms after it', () => {
      const due = bj(3, 3, 9, 30);
      expect(clocksOf(handling, due).current?.dueAt).toBe(due);
      expect(statusAt(handling, due)).toBe('near');
      expect(statusAt(handling, due + MS)).toBe('overdue');
    });

    it('counts a period ended exactly at the due instant as on time, and 1 ms later as overdue', () => {
      const due = bj(3, 3, 9, 30);
      const onTime = clocksOf([...handling, feedback(due)], due + HOUR).periods[2];
      expect(onTime && summary(onTime)).toEqual(['handle', 'ok', true]);
      const late = clocksOf([...handling, feedback(due + MS)], due + HOUR).periods[2];
      expect(late && summary(late)).toEqual(['handle', 'overdue', false]);
    });

    it('makes a limit that runs out at noon due at noon, and overdue over the lunch break', () => {
      const options = { limits: { handle: 3 } };
      expect(clocksOf(handling, bj(3, 2, 12), options).current?.dueAt).toBe(bj(3, 2, 12));
      expect(statusAt(handling, bj(3, 2, 12), options)).toBe('near');
      // No working time passes between 12:00 and 13:30, but the due instant has.
      expect(clocksOf(handling, bj(3, 2, 12, 45), options).current?.usedMs).toBe(3 * HOUR);
      expect(statusAt(handling, bj(3, 2, 12, 45), options)).toBe('overdue');
    });

    it('makes a limit that runs out as a suspension starts due then, not when the clock resumes', () => {
      const options = { limits: { handle: 1 } };
      const suspended = [...handling, suspend(bj(3, 2, 10))];
      const during = clocksOf(suspended, bj(3, 4, 9), options).current;
      expect(during?.dueAt).toBe(bj(3, 2, 10));
      expect(during?.status).toBe('near');
      const resumed = [...suspended, resume(bj(3, 4, 10))];
      const after = clocksOf(resumed, bj(3, 4, 10), options).current;
      expect(after?.dueAt).toBe(bj(3, 2, 10));
      expect(after?.usedMs).toBe(1 * HOUR);
      expect(after?.status).toBe('overdue');
    });

    it('is near at an extension deadline itself and overdue 1 ms after it', () => {
      const deadline = bj(3, 6, 17, 30);
      const extend = ev(
        { type: 'extend', payload: { reason: '需要第三方检测', deadline } },
        bj(3, 2, 15),
        'handling',
        'handling',
      );
      expect(statusAt([...handling, extend], deadline)).toBe('near');
      expect(statusAt([...handling, extend], deadline + MS)).toBe('overdue');
      const done = clocksOf([...handling, extend, feedback(deadline)], deadline + HOUR).periods[2];
      expect(done?.onTime).toBe(true);
    });
    it('makes a 返工 round that carries more than the whole limit due at its start', () => {
      // Handle limit 1 h; the first round took 2 h (09:00–11:00), verification failed at 14:00.
      const reworked = [
        ...handling,
        feedback(bj(3, 2, 11)),
        ev({ type: 'verifyFail', payload: { reason: '现场仍有堆物' } }, bj(3, 2, 14), 'feedback', 'handling'),
      ];
      const clocks = clocksOf(reworked, bj(3, 2, 14) + MS, { limits: { handle: 1 } });
      expect(clocks.current).toMatchObject({
        clock: 'handle',
        carriedMs: 2 * HOUR,
        startedAt: bj(3, 2, 14),
        dueAt: bj(3, 2, 14),
        status: 'overdue',
      });
    });
  });

  describe('on natural time (an urgent case)', () => {
    // Reported Sat 03-07 22:00; register limit 2 h × 0.5 = 1 h around the clock: due 23:00.
    const reportedAt = bj(3, 7, 22);
    const options = { reportedAt, urgency: 'urgent' as const };
    const due = bj(3, 7, 23);

    it('turns near at exactly 80 % of the limit used, not 1 ms later', () => {
      const at = bj(3, 7, 22, 48);
      expect(clocksOf([], at, options).current).toMatchObject({ counting: 'natural', usedMs: 48 * MINUTE });
      expect(statusAt([], at, options)).toBe('near');
      expect(statusAt([], at - MS, options)).toBe('ok');
    });

    it('is near at the due instant itself and overdue 1 ms after it', () => {
      expect(clocksOf([], due, options).current?.dueAt).toBe(due);
      expect(statusAt([], due, options)).toBe('near');
      expect(statusAt([], due + MS, options)).toBe('overdue');
    });

    it('counts a registration exactly at the due instant as on time, and 1 ms later as overdue', () => {
      expect(clocksOf([register(due)], due + HOUR, options).periods[0]?.onTime).toBe(true);
      expect(clocksOf([register(due + MS)], due + HOUR, options).periods[0]?.onTime).toBe(false);
    });
  });
});

describe('timeLimitPolicySchema', () => {
  it('accepts the default policy and refuses a zero factor', () => {
    expect(timeLimitPolicySchema.safeParse(DEFAULT_TIME_LIMIT_POLICY).success).toBe(true);
    const bad = { ...DEFAULT_TIME_LIMIT_POLICY, factors: { normal: 1, urgent: 0, critical: 0.25 } };
    expect(timeLimitPolicySchema.safeParse(bad).success).toBe(false);
  });
});
