/**
 * The case closed loop (闭环) as a pure state machine. Stores call {@link applyAction}, append the
 * returned event to the record (record.ts) and keep the returned state; the UI asks
 * {@link allowedActions} which buttons to show. Nothing here throws for user input: refusals are values
 * with an i18n key and the params the message needs.
 */
import { ALL_STAGES, CASE_STAGES } from '../model/case';
import { can } from './permissions';
import {
  type Actor,
  type ApplyResult,
  type CaseAction,
  type CaseActionType,
  type CaseLoopState,
  type LoopRefusal,
  type LoopRefusalKey,
  type LoopStage,
  type Role,
  type Satisfaction,
  type EvidenceFacts,
  CASE_ACTION_TYPES,
  FOLLOW_UP_RESULTS,
} from './loop-types';

/** Stages in which a case still needs work and may be suspended, extended or voided. */
export const OPEN_LOOP_STAGES: readonly LoopStage[] = CASE_STAGES.filter(
  (stage) => stage !== 'closed' && stage !== 'evaluated',
);

/** In which stages each action type is possible at all. */
export const ACTION_STAGES: Readonly<Record<CaseActionType, readonly LoopStage[]>> = {
  register: ['reported'],
  reject: ['reported'],
  approve: ['registered'],
  dispatch: ['registered'],
  acknowledge: ['dispatched'],
  startHandling: ['dispatched'],
  submitFeedback: ['handling'],
  verifyPass: ['feedback'],
  verifyFail: ['feedback'],
  close: ['verified'],
  recordFollowUp: ['closed'],
  evaluate: ['closed'],
  reopen: ['closed'],
  returnToPrevious: ['registered', 'dispatched', 'handling'],
  suspend: OPEN_LOOP_STAGES,
  resume: OPEN_LOOP_STAGES,
  extend: OPEN_LOOP_STAGES,
  void: OPEN_LOOP_STAGES,
  whistle: ['registered', 'dispatched'],
  respondWhistle: ['registered', 'dispatched'],
  rateWhistle: ['handling', 'feedback', 'verified', 'closed', 'evaluated'],
  reassign: OPEN_LOOP_STAGES,
  merge: ['reported', 'registered'],
  note: ALL_STAGES,
};

/** Actions still possible while the case is suspended (挂起). */
const WHILE_SUSPENDED: readonly CaseActionType[] = ['resume', 'void', 'reassign', 'note'];
/** Actions still possible while a whistled department has not answered. */
const WHILE_WHISTLE_PENDING: readonly CaseActionType[] = [
  'respondWhistle',
  'suspend',
  'resume',
  'extend',
  'void',
  'reassign',
  'note',
];
/** The stage 退回 goes back to. */
const PREVIOUS_STAGE: Partial<Record<LoopStage, LoopStage>> = {
  registered: 'reported',
  dispatched: 'registered',
  handling: 'dispatched',
};

/** The state of a freshly reported case (上报). */
export function initialLoopState(): CaseLoopState {
  return {
    stage: 'reported',
    suspended: null,
    major: false,
    approvedAt: null,
    dispatch: null,
    acknowledged: false,
    acknowledgedAt: null,
    deadline: null,
    counters: { returns: 0, reworks: 0, extensions: 0 },
    whistle: null,
    followUp: null,
  };
}

function refuse(key: LoopRefusalKey, params: Record<string, string | number> = {}): LoopRefusal {
  return { key, params };
}

function whistlePending(state: CaseLoopState): boolean {
  return state.whistle !== null && state.whistle.respondedAt === undefined;
}

/**
 * Why `role` may not take an action of `type` in `state` now, or null if it may (given a valid
 * payload). Checks, in order: role, stage, suspension, pending whistle, then the action's own
 * precondition (approval, 签收, follow-up…).
 */
export function actionRefusal(state: CaseLoopState, type: CaseActionType, role: Role): LoopRefusal | null {
  if (!can(role, type)) return refuse('loop.roleForbidden', { role, action: type });
  if (!ACTION_STAGES[type].includes(state.stage)) {
    return refuse('loop.notAllowedInStage', { stage: state.stage, action: type });
  }
  if (state.suspended !== null && !WHILE_SUSPENDED.includes(type)) {
    return refuse('loop.suspended', { since: state.suspended.since, action: type });
  }
  if (type === 'resume' && state.suspended === null) return refuse('loop.notSuspended');
  if (state.whistle !== null && whistlePending(state) && !WHILE_WHISTLE_PENDING.includes(type)) {
    return refuse('loop.whistlePending', { departmentId: state.whistle.departmentId, action: type });
  }
  switch (type) {
    case 'approve':
      if (!state.major) return refuse('loop.notMajor');
      return state.approvedAt === null ? null : refuse('loop.alreadyApproved');
    case 'dispatch':
      return state.major && state.approvedAt === null ? refuse('loop.approvalRequired') : null;
    case 'acknowledge':
      return state.acknowledged ? refuse('loop.alreadyAcknowledged') : null;
    case 'startHandling':
      return state.acknowledged ? null : refuse('loop.notAcknowledged');
    case 'recordFollowUp':
      return state.followUp === null ? null : refuse('loop.followUpRecorded');
    case 'evaluate':
      return state.followUp === null ? refuse('loop.followUpRequired') : null;
    case 'reopen':
      return state.followUp?.result === 'dissatisfied' ? null : refuse('evidence.reopenNotDissatisfied');
    case 'respondWhistle':
      return whistlePending(state) ? null : refuse('loop.noWhistlePending');
    case 'rateWhistle':
      if (state.whistle?.respondedAt === undefined) return refuse('loop.noWhistleToRate');
      return state.whistle.rating === undefined ? null : refuse('loop.whistleRated');
    default:
      return null;
  }
}

/**
 * The action types `role` may take now, in button order. An action listed here succeeds with any
 * valid payload; one not listed is refused whatever the payload.
 */
export function allowedActions(state: CaseLoopState, role: Role): CaseActionType[] {
  return CASE_ACTION_TYPES.filter((type) => actionRefusal(state, type, role) === null);
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isText(value: unknown): value is string {
  return typeof value === 'string' && value.trim().length > 0;
}

const REASON_REQUIRED: readonly CaseActionType[] = [
  'reject',
  'verifyFail',
  'returnToPrevious',
  'suspend',
  'extend',
  'void',
  'reassign',
  'merge',
  'reopen',
];

/** Actions whose payload may carry `attachmentIds` (photos and files stored with them). */
const WITH_FILES: readonly CaseActionType[] = ['note', 'submitFeedback', 'verifyPass', 'verifyFail'];

function isChecker(value: unknown): boolean {
  return (
    isRecord(value) &&
    (value.kind === 'gridWorker' || value.kind === 'officer') &&
    isText(value.id) &&
    typeof value.name === 'string'
  );
}

/** The shape of the optional evidence fields (whether they are required is evidence.ts's to say). */
function evidenceShapeRefusal(type: CaseActionType, payload: Record<string, unknown>): LoopRefusal | null {
  const invalid = (field: string) => refuse('loop.invalidPayload', { action: type, field });
  const files = payload.attachmentIds;
  if (files !== undefined && !(WITH_FILES.includes(type) && Array.isArray(files) && files.every(isText)))
    return invalid('attachmentIds');
  if (
    payload.checker !== undefined &&
    !((type === 'verifyPass' || type === 'verifyFail') && isChecker(payload.checker))
  )
    return invalid('checker');
  if (payload.summary !== undefined && !(type === 'close' && typeof payload.summary === 'string'))
    return invalid('summary');
  if (type === 'recordFollowUp') {
    if (payload.reached !== undefined && typeof payload.reached !== 'boolean') return invalid('reached');
    if (payload.result !== undefined && !(FOLLOW_UP_RESULTS as readonly unknown[]).includes(payload.result))
      return invalid('result');
  }
  if (type === 'evaluate' && payload.reason !== undefined && typeof payload.reason !== 'string')
    return invalid('reason');
  return null;
}

function isScore(value: unknown): boolean {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5;
}

/** Checks the payload of an action whose type and preconditions already passed. */
function payloadRefusal(
  state: CaseLoopState,
  type: CaseActionType,
  payload: Record<string, unknown>,
  at: number,
): LoopRefusal | null {
  if (REASON_REQUIRED.includes(type) && !isText(payload.reason)) {
    return refuse('loop.reasonRequired', { action: type });
  }
  if ('note' in payload && payload.note !== undefined && typeof payload.note !== 'string') {
    return refuse('loop.invalidPayload', { action: type, field: 'note' });
  }
  const shape = evidenceShapeRefusal(type, payload);
  if (shape !== null) return shape;
  switch (type) {
    case 'register':
      return payload.major === undefined || typeof payload.major === 'boolean'
        ? null
        : refuse('loop.invalidPayload', { action: type, field: 'major' });
    case 'dispatch': {
      if (!isText(payload.teamId)) return refuse('loop.teamRequired');
      const officers = payload.officerIds;
      const valid = Array.isArray(officers) && officers.length > 0 && officers.every(isText);
      return valid ? null : refuse('loop.officersRequired');
    }
    case 'whistle':
      return isText(payload.departmentId) ? null : refuse('loop.departmentRequired');
    case 'evaluate': {
      const value = payload.satisfaction;
      return isScore(value) ? null : refuse('loop.invalidSatisfaction', { value: String(value) });
    }
    case 'rateWhistle': {
      const bad = (['response', 'completion', 'satisfaction'] as const).find((f) => !isScore(payload[f]));
      return bad === undefined
        ? null
        : refuse('loop.invalidRating', { field: bad, value: String(payload[bad]) });
    }
    case 'reassign':
      if (!isText(payload.gridCode)) return refuse('loop.gridRequired');
      return isText(payload.teamId) ? null : refuse('loop.teamRequired');
    case 'merge':
      return isText(payload.intoCaseId) ? null : refuse('loop.mergeTargetRequired');
    case 'note': {
      const files = payload.attachmentIds;
      const hasFiles = Array.isArray(files) && files.length > 0;
      if (payload.text !== undefined && typeof payload.text !== 'string') {
        return refuse('loop.invalidPayload', { action: type, field: 'text' });
      }
      return isText(payload.text) || hasFiles ? null : refuse('loop.noteEmpty');
    }
    case 'extend': {
      const deadline = payload.deadline;
      if (typeof deadline !== 'number' || !Number.isFinite(deadline) || deadline <= at) {
        return refuse('loop.invalidDeadline', { deadline: String(deadline) });
      }
      if (state.deadline !== null && deadline <= state.deadline) {
        return refuse('loop.deadlineNotLater', { deadline, current: state.deadline });
      }
      return null;
    }
    default:
      return null;
  }
}

/** The evidence facts of a state, as recorded so far (none on states from before they were kept). */
export function evidenceOf(state: CaseLoopState): EvidenceFacts {
  return state.evidence ?? { feedbackFiles: 0, verifyFiles: 0 };
}

/** The next state for an action that passed every check. */
function transition(state: CaseLoopState, action: CaseAction, actor: Actor, at: number): CaseLoopState {
  const counters = state.counters;
  const evidence = evidenceOf(state);
  switch (action.type) {
    case 'register':
      return { ...state, stage: 'registered', major: action.payload.major ?? false };
    case 'reject':
      return { ...state, stage: 'rejected' };
    case 'approve':
      return { ...state, approvedAt: at };
    case 'dispatch':
      return {
        ...state,
        stage: 'dispatched',
        dispatch: { teamId: action.payload.teamId, officerIds: [...action.payload.officerIds] },
        acknowledged: false,
        acknowledgedAt: null,
      };
    case 'acknowledge':
      return { ...state, acknowledged: true, acknowledgedAt: at };
    case 'startHandling':
      return { ...state, stage: 'handling' };
    case 'submitFeedback': {
      const feedbackFiles = action.payload.attachmentIds?.length ?? 0;
      return { ...state, stage: 'feedback', evidence: { ...evidence, feedbackBy: actor.id, feedbackFiles } };
    }
    case 'verifyPass': {
      const verifyFiles = action.payload.attachmentIds?.length ?? 0;
      return { ...state, stage: 'verified', evidence: { ...evidence, verifyFiles } };
    }
    case 'verifyFail':
      return { ...state, stage: 'handling', counters: { ...counters, reworks: counters.reworks + 1 } };
    case 'close':
      return { ...state, stage: 'closed' };
    case 'recordFollowUp': {
      const { reached, result } = action.payload;
      return {
        ...state,
        followUp: {
          calledAt: at,
          ...(reached === undefined ? {} : { reached }),
          ...(result === undefined ? {} : { result }),
        },
      };
    }
    case 'reopen':
      return {
        ...state,
        stage: 'handling',
        followUp: null,
        counters: { ...counters, reworks: counters.reworks + 1 },
      };
    case 'evaluate': {
      const satisfaction: Satisfaction = action.payload.satisfaction;
      return {
        ...state,
        stage: 'evaluated',
        followUp: { ...(state.followUp ?? { calledAt: at }), satisfaction },
      };
    }
    case 'returnToPrevious': {
      const stage = PREVIOUS_STAGE[state.stage] ?? state.stage;
      const back = { ...state, stage, counters: { ...counters, returns: counters.returns + 1 } };
      if (stage === 'reported') return { ...back, approvedAt: null };
      if (stage === 'registered')
        return { ...back, dispatch: null, acknowledged: false, acknowledgedAt: null };
      return { ...back, acknowledged: false, acknowledgedAt: null };
    }
    case 'suspend':
      return { ...state, suspended: { since: at, reason: action.payload.reason } };
    case 'resume':
      return { ...state, suspended: null };
    case 'extend':
      return {
        ...state,
        deadline: action.payload.deadline,
        counters: { ...counters, extensions: counters.extensions + 1 },
      };
    case 'void':
      return { ...state, stage: 'voided', suspended: null };
    case 'whistle':
      return { ...state, whistle: { departmentId: action.payload.departmentId, calledAt: at } };
    case 'respondWhistle':
      return state.whistle === null ? state : { ...state, whistle: { ...state.whistle, respondedAt: at } };
    case 'rateWhistle': {
      const { response, completion, satisfaction } = action.payload;
      return state.whistle === null
        ? state
        : { ...state, whistle: { ...state.whistle, rating: { response, completion, satisfaction } } };
    }
    case 'merge':
      return { ...state, stage: 'merged', suspended: null };
    case 'note': {
      // Photos added to a case reported back (补充处置照片) count with its feedback's.
      const added = action.payload.attachmentIds?.length ?? 0;
      if (added === 0 || (state.stage !== 'feedback' && state.stage !== 'verified')) return state;
      return { ...state, evidence: { ...evidence, feedbackFiles: evidence.feedbackFiles + added } };
    }
    case 'reassign':
      return state;
  }
}

/**
 * Applies one user action to a case's loop state. Pure: returns a new state and the event to record
 * (行政执法全过程记录), or a refusal naming why (role, stage, suspension, pending whistle, missing
 * 签收/approval/follow-up, or a bad payload). `at` is epoch milliseconds; the handling clock starts at
 * the `acknowledge` (签收) event, not at dispatch. Never throws for malformed input.
 */
export function applyAction(state: CaseLoopState, action: CaseAction, actor: Actor, at: number): ApplyResult {
  const raw: unknown = action;
  if (!isRecord(raw) || !(CASE_ACTION_TYPES as readonly unknown[]).includes(raw.type)) {
    const type = isRecord(raw) ? String(raw.type) : typeof raw;
    return { ok: false, reason: refuse('loop.unknownAction', { action: type }) };
  }
  const rawActor: unknown = actor;
  if (!isRecord(rawActor) || !isText(rawActor.id)) {
    return { ok: false, reason: refuse('loop.invalidActor') };
  }
  if (typeof at !== 'number' || !Number.isFinite(at)) {
    return { ok: false, reason: refuse('loop.invalidTime', { at: String(at) }) };
  }
  const refusal = actionRefusal(state, action.type, actor.role);
  if (refusal !== null) return { ok: false, reason: refusal };
  const payload: unknown = raw.payload ?? {};
  if (!isRecord(payload)) {
    return { ok: false, reason: refuse('loop.invalidPayload', { action: action.type, field: 'payload' }) };
  }
  const bad = payloadRefusal(state, action.type, payload, at);
  if (bad !== null) return { ok: false, reason: bad };
  const next = transition(state, action, actor, at);
  return {
    ok: true,
    state: next,
    event: {
      action,
      actor:
        typeof actor.name === 'string'
          ? { id: actor.id, role: actor.role, name: actor.name }
          : { id: actor.id, role: actor.role },
      at,
      from: state.stage,
      to: next.stage,
    },
  };
}
