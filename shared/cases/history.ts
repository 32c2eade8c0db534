/**
 * Cases that arrive with a history (the embedded sample, a migrated store) carry only the stage steps
 * they went through. Before they can live in the loop they are replayed through the state machine:
 * every step becomes the action that leads to it, so the loop state and the record are exactly what
 * they would be had an operator done each step in GridDesk. A step the state machine refuses is a bug
 * in the history, reported by case and step, never silently stored.
 */
import type { Case, CaseStep } from '../model/case';
import type { Matter } from '../model/matter';
import { appendEventSync, type ChainHead, type ChainedEvent } from './record';
import { applyAction, initialLoopState } from './state-machine';
import type { Actor, CaseAction, CaseLoopState, LoopEvent, ReportPayload, Satisfaction } from './loop-types';

/** An event of the record before it is chained: which case and what happened. */
export type CaseEvent = LoopEvent & { readonly caseId: string };

/** What store version 3 adds to every event: its own id, scoped by the workstation that wrote it. */
export interface EventIdentity {
  /** See shared/model/ids.ts scopedEventId. */
  readonly id: string;
  /**
   * Only on events recorded before ids were scoped (store version 2): the hash the event had then,
   * so a head noted or backed up before the upgrade can still be checked (record-anchor.ts).
   */
  readonly legacyHash?: string;
}

/** An event of the record as stored: its id, which case, what happened, and its chain link. */
export type StoredCaseEvent = ChainedEvent<CaseEvent & EventIdentity>;

/** An event as store version 2 kept it, before events had ids (backups of format 1 carry these). */
export type StoredCaseEventV2 = ChainedEvent<CaseEvent>;

/** Thrown when a stored history cannot be played through the loop; names the case and the step. */
export class HistoryReplayError extends Error {
  override readonly name = 'HistoryReplayError';
  constructor(
    readonly caseId: string,
    readonly step: string,
    readonly refusal: string,
  ) {
    super(`case ${caseId}: step ${step} refused by the loop (${refusal})`);
  }
}

/** The first event of every case: what was reported, where, by whom. */
export function reportEvent(kase: Case, actor: Actor, at: number = kase.reportedAt): CaseEvent {
  const payload: ReportPayload = {
    caseNo: kase.caseNo,
    source: kase.source,
    matterCode: kase.matterCode,
    urgency: kase.urgency,
    description: kase.description,
    address: kase.address,
    location: kase.location,
    gridCode: kase.gridCode,
    teamId: kase.teamId,
    ...(kase.externalRef === undefined ? {} : { externalRef: kase.externalRef }),
  };
  return {
    caseId: kase.id,
    action: { type: 'report', payload },
    actor,
    at,
    from: 'reported',
    to: 'reported',
  };
}

/** A stable 32-bit hash of a text (FNV-1a), to derive per-case sample values without a random source. */
function textHash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Mostly satisfied, as township surveys report: 5 (55 %), 4 (30 %), 3 (10 %), 2 or 1 (5 %). */
function scoreOf(text: string): Satisfaction {
  const u = (textHash(text) % 1000) / 1000;
  if (u < 0.55) return 5;
  if (u < 0.85) return 4;
  if (u < 0.95) return 3;
  return u < 0.98 ? 2 : 1;
}

export interface ReplayedCase {
  readonly state: CaseLoopState;
  readonly events: readonly CaseEvent[];
}

/**
 * Replays a case's steps as loop actions. `actorOf` maps a step's actor name to the account that did
 * it. A case whose matter sits with a county department is whistled (吹哨) at the dispatch step and the
 * department answers (报到) before the team is dispatched alongside it; it is rated once verified.
 * Satisfaction and ratings of the sample are derived from the case id, so the replay is deterministic.
 * Throws {@link HistoryReplayError} when the loop refuses a step.
 */
export function replayCase(
  kase: Case,
  matter: Matter | undefined,
  actorOf: (name: string) => Actor,
): ReplayedCase {
  const events: CaseEvent[] = [];
  let state = initialLoopState();
  const first = kase.steps[0];
  events.push(reportEvent(kase, actorOf(first?.actor ?? '上报人'), kase.reportedAt));

  const act = (action: CaseAction, at: number, actor: Actor, step: string): void => {
    const result = applyAction(state, action, actor, at);
    if (!result.ok) throw new HistoryReplayError(kase.id, step, result.reason.key);
    state = result.state;
    events.push({ ...result.event, caseId: kase.id });
  };
  const department = matter?.authority.kind === 'department' ? matter.authority.departmentId : undefined;
  const steps = kase.steps;
  steps.forEach((step: CaseStep, index) => {
    const actor = actorOf(step.actor);
    const next = steps[index + 1]?.at ?? step.at + 60_000;
    const within = (fraction: number): number => Math.round(step.at + (next - step.at) * fraction);
    switch (step.stage) {
      case 'reported':
        return;
      case 'registered':
        return act({ type: 'register', payload: {} }, step.at, actor, step.stage);
      case 'dispatched': {
        const officerIds = kase.officerIds ?? [];
        if (department !== undefined) {
          act({ type: 'whistle', payload: { departmentId: department } }, step.at, actor, 'whistle');
          act({ type: 'respondWhistle', payload: {} }, within(0.3), actor, 'respondWhistle');
          return act(
            { type: 'dispatch', payload: { teamId: kase.teamId, officerIds } },
            within(0.35),
            actor,
            step.stage,
          );
        }
        return act(
          { type: 'dispatch', payload: { teamId: kase.teamId, officerIds } },
          step.at,
          actor,
          step.stage,
        );
      }
      case 'handling':
        act({ type: 'acknowledge', payload: {} }, step.at, actor, 'acknowledge');
        return act({ type: 'startHandling', payload: {} }, step.at, actor, step.stage);
      case 'feedback':
        return act({ type: 'submitFeedback', payload: {} }, step.at, actor, step.stage);
      case 'verified': {
        // About one case in twelve failed its first check (返工) and was handled again before passing.
        const fedBackAt = steps[index - 1]?.at ?? step.at;
        if (textHash(`${kase.id}:rework`) % 12 === 0 && step.at - fedBackAt > 4 * 60_000) {
          const span = step.at - fedBackAt;
          const reason = '现场复核仍未整改到位';
          act(
            { type: 'verifyFail', payload: { reason } },
            fedBackAt + Math.round(span * 0.3),
            actor,
            'verifyFail',
          );
          act(
            { type: 'submitFeedback', payload: {} },
            fedBackAt + Math.round(span * 0.7),
            actorOf(kase.steps.find((s) => s.stage === 'feedback')?.actor ?? step.actor),
            'rework',
          );
        }
        act({ type: 'verifyPass', payload: {} }, step.at, actor, step.stage);
        if (department === undefined) return;
        return act(
          {
            type: 'rateWhistle',
            payload: {
              response: scoreOf(`${kase.id}:response`),
              completion: scoreOf(`${kase.id}:completion`),
              satisfaction: scoreOf(`${kase.id}:satisfaction`),
            },
          },
          step.at,
          actor,
          'rateWhistle',
        );
      }
      case 'closed':
        return act({ type: 'close', payload: {} }, step.at, actor, step.stage);
      case 'evaluated': {
        const previous = steps[index - 1]?.at ?? step.at;
        act(
          { type: 'recordFollowUp', payload: {} },
          Math.round((previous + step.at) / 2),
          actor,
          'recordFollowUp',
        );
        return act(
          { type: 'evaluate', payload: { satisfaction: scoreOf(kase.id) } },
          step.at,
          actor,
          step.stage,
        );
      }
      case 'rejected':
        return act({ type: 'reject', payload: { reason: '不属于受理范围' } }, step.at, actor, step.stage);
      case 'voided':
        return act(
          { type: 'void', payload: { reason: '作废' } },
          step.at,
          { ...actor, role: 'leader' },
          step.stage,
        );
      case 'merged':
        return act(
          { type: 'merge', payload: { intoCaseId: 'unknown', reason: '重复上报' } },
          step.at,
          actor,
          step.stage,
        );
    }
  });
  if (state.stage !== kase.stage) {
    throw new HistoryReplayError(kase.id, kase.stage, `replay ended at ${state.stage}`);
  }
  return { state, events };
}

/**
 * Links events into the record in time order (ties by case id, then as given), starting from `head`.
 * Returns the stored events and the new head; the caller writes both in one transaction.
 */
/**
 * Events in the order the record keeps them: by time, then case id, then the order given. Cases
 * replayed one after the other interleave into one record this way.
 */
export function recordOrder<E extends CaseEvent>(events: readonly E[]): E[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort(
      (a, b) => a.event.at - b.event.at || a.event.caseId.localeCompare(b.event.caseId) || a.index - b.index,
    )
    .map(({ event }) => event);
}

/**
 * Chains events onto the record ending at `head`, in record order (see {@link recordOrder}); each
 * gets the id `eventId(seq)` of its chain position before it is hashed, so the hash covers the id.
 */
export function chainEventsSync(
  head: ChainHead,
  events: readonly CaseEvent[],
  eventId: (seq: number) => string,
): { readonly events: StoredCaseEvent[]; readonly head: ChainHead } {
  const stored: StoredCaseEvent[] = [];
  let current = head;
  for (const linked of chainEach(head, events, eventId)) {
    stored.push(linked.event);
    current = linked.head;
  }
  return { events: stored, head: current };
}

/**
 * {@link chainEventsSync} one event at a time: each stored event with the head after it, hashed only
 * when asked for, so a caller can pause between them.
 */
export function* chainEach(
  head: ChainHead,
  events: readonly CaseEvent[],
  eventId: (seq: number) => string,
): Generator<{ readonly event: StoredCaseEvent; readonly head: ChainHead }> {
  let current = head;
  for (const event of recordOrder(events)) {
    const linked = appendEventSync(current, { ...event, id: eventId(current.count + 1) });
    current = linked.head;
    yield linked;
  }
}

/** {@link chainEventsSync} behind a promise. */
export async function chainEvents(
  head: ChainHead,
  events: readonly CaseEvent[],
  eventId: (seq: number) => string,
): Promise<{ readonly events: StoredCaseEvent[]; readonly head: ChainHead }> {
  return Promise.resolve(chainEventsSync(head, events, eventId));
}
