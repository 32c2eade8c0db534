import { computed, ref } from 'vue';
import type { StoredCaseEvent } from '../../shared/cases/history';
import { DEFAULT_TIME_LIMIT_POLICY } from '../../shared/cases/time-limits';
import { acknowledgeClock, type AcknowledgeClock } from '../../shared/cases/acknowledge-clock';
import { runningClock, type QueueClock } from '../../shared/cases/queue-rows';
import type { Case } from '../../shared/model/case';
import type { Matter } from '../../shared/model/matter';
import type { WorkingCalendar } from '../../shared/calendar/config';
import { useCasesStore } from './cases';
import { useSettingsStore } from './settings';
import { useTownshipStore } from './township';

interface ClockMemo {
  readonly events: readonly StoredCaseEvent[];
  readonly matter: Matter;
  readonly calendar: WorkingCalendar;
  readonly now: number;
  readonly clock: QueueClock | null;
}

interface AcknowledgeMemo {
  readonly events: readonly StoredCaseEvent[];
  readonly urgency: Case['urgency'];
  readonly calendar: WorkingCalendar;
  readonly now: number;
  readonly clock: AcknowledgeClock | null;
}

/**
 * The queue's running stage clocks (part of the queue store's setup): the events of the open cases,
 * which the cases store reads with the queue (one transaction per write), and the clock's "now",
 * refreshed each minute while the queue shows.
 */
export function useQueueClocks() {
  /** Events of the open cases, by case id, in seq order; plain data (the cases store's). */
  const eventsByCase = computed(() => useCasesStore().eventsByCase);
  /** The clock's "now" (epoch ms). */
  const now = ref(Date.now());

  /**
   * Moves "now" when a new minute has begun (on each queue change): a new minute moves every clock;
   * within the minute only the cases just read are computed again (a clock judged a few seconds
   * before its newest event counts no time since it, as the calendar does for any instant before a
   * period's start).
   */
  function tickOnNewMinute(): void {
    const wall = Date.now();
    if (Math.floor(wall / 60_000) !== Math.floor(now.value / 60_000)) now.value = wall;
  }

  function tick(): void {
    now.value = Date.now();
  }

  /**
   * Each case's clock as last computed, with what it was computed from: after a write only the cases
   * whose events moved are computed again (a case's reported time and urgency only change with an
   * event), until "now", the calendar or the matter changes.
   */
  let lastClocks = new Map<string, ClockMemo>();

  const clocks = computed(() => {
    const township = useTownshipStore();
    const calendar = useSettingsStore().settings.calendar;
    const at = now.value;
    const out = new Map<string, QueueClock>();
    const memo = new Map<string, ClockMemo>();
    for (const kase of useCasesStore().openCases) {
      const events = eventsByCase.value.get(kase.id);
      const matter = township.matterByCode.get(kase.matterCode);
      if (!events || !matter) continue;
      const held = lastClocks.get(kase.id);
      const clock =
        held !== undefined &&
        held.events === events &&
        held.matter === matter &&
        held.calendar === calendar &&
        held.now === at
          ? held.clock
          : runningClock(kase, matter, events, calendar, DEFAULT_TIME_LIMIT_POLICY, at);
      memo.set(kase.id, { events, matter, calendar, now: at, clock });
      if (clock) out.set(kase.id, clock);
    }
    lastClocks = memo;
    return out;
  });

  /** Each dispatched case's 签收 clock as last computed, with what it was computed from (as lastClocks). */
  let lastAcknowledge = new Map<string, AcknowledgeMemo>();

  /** The 签收 clocks of the dispatched cases not yet acknowledged, by case id. */
  const acknowledgeClocks = computed(() => {
    const calendar = useSettingsStore().settings.calendar;
    const at = now.value;
    const out = new Map<string, AcknowledgeClock>();
    const memo = new Map<string, AcknowledgeMemo>();
    for (const kase of useCasesStore().openCases) {
      if (kase.stage !== 'dispatched') continue;
      const events = eventsByCase.value.get(kase.id);
      if (!events) continue;
      const held = lastAcknowledge.get(kase.id);
      const clock =
        held !== undefined &&
        held.events === events &&
        held.urgency === kase.urgency &&
        held.calendar === calendar &&
        held.now === at
          ? held.clock
          : acknowledgeClock({ urgency: kase.urgency, events }, calendar, DEFAULT_TIME_LIMIT_POLICY, at);
      memo.set(kase.id, { events, urgency: kase.urgency, calendar, now: at, clock });
      if (clock) out.set(kase.id, clock);
    }
    lastAcknowledge = memo;
    return out;
  });

  /** Ids of the open cases whose running clock is overdue, for the map's red rings. */
  const overdueIds = computed<ReadonlySet<string>>(
    () => new Set([...clocks.value].filter(([, c]) => c.status === 'overdue').map(([id]) => id)),
  );

  return { eventsByCase, now, clocks, acknowledgeClocks, overdueIds, tickOnNewMinute, tick };
}
