/**
 * What each step of the loop must carry before it is recorded (GB/T 30428 and the 12345 rules): 处置反馈
 * says what was done with photos after handling; 核查 names who checked — a grid worker or an officer
 * who did not handle it — recorded by an account other than the one that reported the handling; 结案
 * has a closing summary and is refused while the photos the matter requires are missing; 回访 records
 * whether the reporter was reached and what they said; 评价 below satisfied says why.
 *
 * The state machine (state-machine.ts) checks shapes and stages and replays every recorded event,
 * old ones included; these rules apply where an action is planned (projection.ts), to new actions only,
 * so events recorded before the rules existed still replay.
 */
import type { Case } from '../model/case';
import type { MatterDomain } from '../model/matter';
import type { Actor, CaseAction, CaseLoopState, LoopRefusal, LoopRefusalKey } from './loop-types';
import { evidenceOf } from './state-machine';

/** How many files a matter's 处置反馈 and passing 核查 must carry (photos after handling, on-site checks). */
export interface EvidenceRule {
  readonly feedbackPhotos: number;
  readonly verifyPhotos: number;
}

/** 中心设置 › 证据要求: per domain, overridden per matter, and the separation of duties. */
export interface EvidenceSettings {
  /** The account that recorded 处置反馈 may not record the 核查 of the same case. */
  readonly separateVerifier: boolean;
  /** The rule of a domain's matters; a domain not listed uses {@link DEFAULT_EVIDENCE_RULE}. */
  readonly byDomain: Readonly<Partial<Record<MatterDomain, EvidenceRule>>>;
  /** A matter's own rule, by matter code, over its domain's. */
  readonly byMatter: Readonly<Record<string, EvidenceRule>>;
}

/** One photo after handling; the on-site check's own photos optional. */
export const DEFAULT_EVIDENCE_RULE: EvidenceRule = { feedbackPhotos: 1, verifyPhotos: 0 };

/**
 * Defaults: every domain whose matters are things on site (stalls, buildings, discharges…) asks for one
 * photo after handling; 民政 (civil affairs) and 卫生健康 (health) matters are mostly paperwork and ask
 * for none. A leader changes any of it in 中心设置.
 */
export const DEFAULT_EVIDENCE_SETTINGS: EvidenceSettings = {
  separateVerifier: true,
  byDomain: {
    'civil-affairs': { feedbackPhotos: 0, verifyPhotos: 0 },
    health: { feedbackPhotos: 0, verifyPhotos: 0 },
  },
  byMatter: {},
};

/** The rule of one matter: its own, else its domain's, else the default. */
export function evidenceRuleFor(
  settings: EvidenceSettings,
  matter: { readonly code: string; readonly domain: MatterDomain } | undefined,
): EvidenceRule {
  if (matter === undefined) return DEFAULT_EVIDENCE_RULE;
  return settings.byMatter[matter.code] ?? settings.byDomain[matter.domain] ?? DEFAULT_EVIDENCE_RULE;
}

/** What the rules need besides the action: the matter's rule and the centre's separation of duties. */
export interface EvidenceContext {
  readonly rule: EvidenceRule;
  readonly separateVerifier: boolean;
}

function refuse(key: LoopRefusalKey, params: Record<string, string | number> = {}): LoopRefusal {
  return { key, params };
}

function hasText(value: string | undefined): boolean {
  return value !== undefined && value.trim().length > 0;
}

/** Satisfaction scores below this need a reason (4 = 满意). */
export const SATISFIED_SCORE = 4;

/**
 * Why `action` by `actor` may not be recorded on `kase` in `state` for want of its evidence, or null.
 * Call it before the state machine applies the action (the state is the one the action starts from).
 */
export function evidenceRefusal(
  kase: Pick<Case, 'officerIds'>,
  state: CaseLoopState,
  action: CaseAction,
  actor: Actor,
  context: EvidenceContext,
): LoopRefusal | null {
  const { rule } = context;
  const evidence = evidenceOf(state);
  switch (action.type) {
    case 'submitFeedback': {
      if (!hasText(action.payload.note)) return refuse('evidence.feedbackNote');
      const given = action.payload.attachmentIds?.length ?? 0;
      return given < rule.feedbackPhotos
        ? refuse('evidence.feedbackPhotos', { required: rule.feedbackPhotos, given })
        : null;
    }
    case 'verifyPass':
    case 'verifyFail': {
      const { checker } = action.payload;
      if (checker === undefined) return refuse('evidence.checkerRequired');
      const handlers = state.dispatch?.officerIds ?? kase.officerIds ?? [];
      if (checker.kind === 'officer' && handlers.includes(checker.id))
        return refuse('evidence.checkerHandled', { name: checker.name });
      if (context.separateVerifier && evidence.feedbackBy === actor.id)
        return refuse('evidence.sameAccount', { name: actor.name ?? actor.id });
      const given = action.payload.attachmentIds?.length ?? 0;
      return action.type === 'verifyPass' && given < rule.verifyPhotos
        ? refuse('evidence.verifyPhotos', { required: rule.verifyPhotos, given })
        : null;
    }
    case 'close':
      if (!hasText(action.payload.summary)) return refuse('evidence.closeSummary');
      return evidence.feedbackFiles < rule.feedbackPhotos
        ? refuse('evidence.missingForClose', { required: rule.feedbackPhotos, given: evidence.feedbackFiles })
        : null;
    case 'recordFollowUp': {
      const { reached, result } = action.payload;
      if (reached === undefined) return refuse('evidence.followUpResult');
      return reached && result === undefined ? refuse('evidence.followUpResult') : null;
    }
    case 'evaluate':
      return action.payload.satisfaction < SATISFIED_SCORE && !hasText(action.payload.reason)
        ? refuse('evidence.evaluateReason', { satisfaction: action.payload.satisfaction })
        : null;
    default:
      return null;
  }
}
