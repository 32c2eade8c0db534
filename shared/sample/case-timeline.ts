import type { CaseStage, CaseStep, Urgency } from '../model/case';
import type { Matter } from '../model/matter';
import type { Rng } from './random';

const HOUR = 3_600_000;
/** Calendar hours per working hour of a limit: nights and weekends stretch the clock. */
const CALENDAR_PER_WORKING_HOUR = 4;
const URGENCY_PACE: Readonly<Record<Urgency, number>> = { normal: 1, urgent: 0.6, critical: 0.3 };

export interface TimelineActors {
  readonly reporter: string;
  readonly operator: () => string;
  readonly handler: string;
  readonly verifier: () => string;
  readonly evaluator: string;
}

/** Hour of the day (0–24, China time) of an epoch-millisecond instant. */
function hourOfDay(at: number): number {
  return (((at / HOUR + 8) % 24) + 24) % 24;
}

/** The next start of office hours (Mon–Fri 08:30 China time) at or after `at`, or `at` itself in office hours. */
export function nextOfficeHours(at: number): number {
  const day = 24 * HOUR;
  for (let t = at; ;) {
    const local = t + 8 * HOUR;
    const weekday = new Date(local).getUTCDay();
    const hour = hourOfDay(t);
    if (weekday >= 1 && weekday <= 5 && hour >= 8.5 && hour < 17.5) return t;
    if (weekday >= 1 && weekday <= 5 && hour < 8.5) return t + (8.5 - hour) * HOUR;
    // Jump to 08:30 of the next day and check again.
    t = t - (((local % day) + day) % day) + day + 8.5 * HOUR;
  }
}

/**
 * Plays a case through the closed loop from its report and keeps the steps that happened before `now`
 * (epoch ms). Durations follow the matter's stage limits scaled by urgency; about 10 % of cases stall and
 * overrun the handling limit. Out of office hours half the normal reports wait for office hours to be
 * registered; a county department takes hours to sign a whistle in. Each step is at
 * least a minute after the previous one (whole seconds), so times strictly increase.
 */
export function playTimeline(
  reportedAt: number,
  matter: Matter,
  urgency: Urgency,
  viaDepartment: boolean,
  now: number,
  actors: TimelineActors,
  rng: Rng,
): CaseStep[] {
  const pace = URGENCY_PACE[urgency];
  const limits = matter.limits;
  // Out of office hours the duty desk registers urgent reports and most of the rest; the others wait.
  const waits = urgency === 'normal' && rng.chance(0.4) && nextOfficeHours(reportedAt) > reportedAt;
  const registerHours = waits
    ? (nextOfficeHours(reportedAt) - reportedAt) / HOUR + rng.range(0, 1.5)
    : limits.register * pace * rng.range(0.1, 1.1);
  // A whistle to a county department goes out in office hours.
  const registeredAt = reportedAt + registerHours * HOUR;
  const dispatchHours =
    viaDepartment && urgency === 'normal'
      ? (nextOfficeHours(registeredAt) - registeredAt) / HOUR + limits.dispatch * rng.range(0.1, 1)
      : limits.dispatch * pace * rng.range(0.1, 1);
  const stalled = rng.chance(0.12);
  const handleStretch = (viaDepartment ? 1.4 : 1) * (stalled ? rng.range(1.3, 5) : rng.range(0.15, 1));
  const signIn = viaDepartment ? rng.range(2, 30) : rng.range(0.1, 1.5) * pace;
  const durations: [CaseStage, number, () => string][] = [
    ['registered', registerHours, actors.operator],
    ['dispatched', dispatchHours, actors.operator],
    ['handling', signIn, () => actors.handler],
    ['feedback', limits.handle * pace * CALENDAR_PER_WORKING_HOUR * handleStretch, () => actors.handler],
    ['verified', limits.verify * CALENDAR_PER_WORKING_HOUR * rng.range(0.1, 1), actors.verifier],
    ['closed', rng.range(0.3, 8), actors.operator],
  ];
  if (rng.chance(0.85)) durations.push(['evaluated', rng.range(6, 72), () => actors.evaluator]);
  const steps: CaseStep[] = [{ stage: 'reported', at: reportedAt, actor: actors.reporter }];
  let at = reportedAt;
  for (const [stage, hours, actor] of durations) {
    at += Math.max(60, Math.round(hours * 3600)) * 1000;
    if (at > now) break;
    steps.push({ stage, at, actor: actor() });
  }
  return steps;
}
