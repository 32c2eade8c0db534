/**
 * Types of the case closed loop (闭环), after the GB/T 30428 digital urban management flow:
 * 上报 reported → 立案 registered → 派遣 dispatched (→ 签收 acknowledged) → 处置 handling → 反馈 feedback
 * → 核查 verified → 结案 closed → 评价 evaluated, plus the terminal 不予立案 rejected and 作废 voided.
 * Everything here is plain readonly data so it can be stored, sent over IPC and hashed into the record.
 */
import type { LonLat } from '../model/geo';
import type { CaseSource, LoopStage, Urgency } from '../model/case';

export { TERMINAL_STAGES, type LoopStage, type TerminalStage } from '../model/case';

/** 值班员 operator, 带班领导 leader, 只读 viewer (e.g. the display wall). */
export const ROLES = ['operator', 'leader', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

/** Who performs an action: the signed-in account. */
export interface Actor {
  readonly id: string;
  readonly role: Role;
  /** Display name at the time of the action (账号姓名), kept in the record for the timeline. */
  readonly name?: string;
}

/** 挂起: the loop clock is stopped since `since` (epoch ms). */
export interface Suspension {
  readonly since: number;
  readonly reason: string;
}

/** 吹哨: a county department called in; the case waits until `respondedAt` is set. */
export interface Whistle {
  readonly departmentId: string;
  /** Epoch milliseconds. */
  readonly calledAt: number;
  /** Epoch milliseconds; absent while the department has not answered (报到). */
  readonly respondedAt?: number;
  /** The township's rating of the department on this case; absent until rated. */
  readonly rating?: WhistleRating;
}

/** 响应度、办结度、满意度, each 1 (poor) … 5 (excellent): how a called-in department did on one case. */
export interface WhistleRating {
  readonly response: Satisfaction;
  readonly completion: Satisfaction;
  readonly satisfaction: Satisfaction;
}

/** 回访 result as the reporter put it: 满意, 基本满意, 不满意. */
export const FOLLOW_UP_RESULTS = ['satisfied', 'basicallySatisfied', 'dissatisfied'] as const;
export type FollowUpResult = (typeof FOLLOW_UP_RESULTS)[number];

/** 回访: the follow-up call after closing; `satisfaction` (1–5) is set by the evaluation. */
export interface FollowUp {
  /** Epoch milliseconds. */
  readonly calledAt: number;
  readonly satisfaction?: Satisfaction;
  /** Whether the reporter was reached, and what they said (absent on calls recorded before evidence). */
  readonly reached?: boolean;
  readonly result?: FollowUpResult;
}

/** Who checked the handling on site (核查): a grid worker of the dataset, or a supervising officer. */
export interface Checker {
  readonly kind: 'gridWorker' | 'officer';
  readonly id: string;
  /** Name at the time, kept in the record. */
  readonly name: string;
}

/**
 * What the loop knows of the evidence recorded so far (处置反馈 and 核查), for the rules of
 * evidence.ts. Absent on loop states recorded before evidence was required.
 */
export interface EvidenceFacts {
  /** The account that recorded the latest 处置反馈. */
  readonly feedbackBy?: string;
  /** Files attached to the latest 处置反馈 (photos after handling). */
  readonly feedbackFiles: number;
  /** Files attached to the latest passing 核查. */
  readonly verifyFiles: number;
}

/** Where and to whom a case was sent (派遣). */
export interface DispatchTarget {
  readonly teamId: string;
  readonly officerIds: readonly string[];
}

/** Counted irregularities, used by performance statistics (绩效考核). */
export interface LoopCounters {
  /** 退回 count. */
  readonly returns: number;
  /** 返工 count: 核查不通过 sending the case back to handling. */
  readonly reworks: number;
  /** 延期 count. */
  readonly extensions: number;
}

/** 满意度 from the follow-up call: 1 (very dissatisfied) … 5 (very satisfied). */
export type Satisfaction = 1 | 2 | 3 | 4 | 5;

/** The state of one case in the loop. Plain readonly data; {@link applyAction} returns a new one. */
export interface CaseLoopState {
  readonly stage: LoopStage;
  /** Non-null while 挂起. */
  readonly suspended: Suspension | null;
  /** 重大案件: dispatch needs a leader's approval (审批) first. */
  readonly major: boolean;
  /** Epoch ms of the leader's approval of a major case; null until approved. */
  readonly approvedAt: number | null;
  readonly dispatch: DispatchTarget | null;
  /** 签收 done: only meaningful in 'dispatched'; handling can start only after it. */
  readonly acknowledged: boolean;
  /** Epoch ms of 签收: the handling clock starts here (12345 rules); null before. */
  readonly acknowledgedAt: number | null;
  /** Deadline set by the latest 延期 (epoch ms); null while the matter's stage limits apply. */
  readonly deadline: number | null;
  readonly counters: LoopCounters;
  readonly whistle: Whistle | null;
  readonly followUp: FollowUp | null;
  /** Absent on states recorded before evidence was kept; read it through evidence.ts. */
  readonly evidence?: EvidenceFacts;
}

/** Every action of the loop, as a discriminated union on `type`. */
export type CaseAction =
  | { readonly type: 'register'; readonly payload: { readonly major?: boolean } }
  | { readonly type: 'reject'; readonly payload: { readonly reason: string } }
  | { readonly type: 'approve'; readonly payload: Record<string, never> }
  | { readonly type: 'dispatch'; readonly payload: DispatchTarget }
  | { readonly type: 'acknowledge'; readonly payload: Record<string, never> }
  | { readonly type: 'startHandling'; readonly payload: Record<string, never> }
  | {
      /** 处置反馈: `note` says what was done; `attachmentIds` the photos after handling. */
      readonly type: 'submitFeedback';
      readonly payload: { readonly note?: string; readonly attachmentIds?: readonly string[] };
    }
  | {
      /** 核查通过: who checked, what they found, their photos. */
      readonly type: 'verifyPass';
      readonly payload: {
        readonly checker?: Checker;
        readonly note?: string;
        readonly attachmentIds?: readonly string[];
      };
    }
  | {
      /** 核查不通过: why, who checked, their photos; the case goes back to handling. */
      readonly type: 'verifyFail';
      readonly payload: {
        readonly reason: string;
        readonly checker?: Checker;
        readonly attachmentIds?: readonly string[];
      };
    }
  | { readonly type: 'close'; readonly payload: { readonly summary?: string } }
  | {
      /** 回访: reached or not, the result, the reporter's words (`note`). */
      readonly type: 'recordFollowUp';
      readonly payload: {
        readonly note?: string;
        readonly reached?: boolean;
        readonly result?: FollowUpResult;
      };
    }
  | {
      readonly type: 'evaluate';
      /** `reason` says why when the rating is below satisfied (4). */
      readonly payload: { readonly satisfaction: Satisfaction; readonly reason?: string };
    }
  | {
      /** 重新处置: a closed case the reporter was dissatisfied with goes back to handling. */
      readonly type: 'reopen';
      readonly payload: { readonly reason: string };
    }
  | { readonly type: 'returnToPrevious'; readonly payload: { readonly reason: string } }
  | { readonly type: 'suspend'; readonly payload: { readonly reason: string } }
  | { readonly type: 'resume'; readonly payload: Record<string, never> }
  | {
      readonly type: 'extend';
      /** `deadline` in epoch milliseconds. */
      readonly payload: { readonly reason: string; readonly deadline: number };
    }
  | { readonly type: 'void'; readonly payload: { readonly reason: string } }
  | { readonly type: 'whistle'; readonly payload: { readonly departmentId: string } }
  | { readonly type: 'respondWhistle'; readonly payload: { readonly note?: string } }
  | { readonly type: 'rateWhistle'; readonly payload: WhistleRating }
  | {
      /** 改派/调整归属: the operator overrides the grid and team the engine assigned, saying why. */
      readonly type: 'reassign';
      readonly payload: { readonly gridCode: string; readonly teamId: string; readonly reason: string };
    }
  | {
      /** 合并: a duplicate report folded into the case it repeats. */
      readonly type: 'merge';
      readonly payload: { readonly intoCaseId: string; readonly reason: string };
    }
  | {
      /** 备注: a note or attachments added to the record; changes nothing else. */
      readonly type: 'note';
      readonly payload: { readonly text: string; readonly attachmentIds?: readonly string[] };
    };

export type CaseActionType = CaseAction['type'];

/** What the reporter said, as first recorded (上报): the first event of every case. */
export interface ReportPayload {
  readonly caseNo: string;
  readonly source: CaseSource;
  readonly matterCode: string;
  readonly urgency: Urgency;
  readonly description: string;
  readonly address: string;
  readonly location: LonLat;
  readonly gridCode: string;
  readonly teamId: string;
  readonly externalRef?: string;
}

/** Everything the record can hold: the loop's actions plus the report that opens a case. */
export type RecordedAction = CaseAction | { readonly type: 'report'; readonly payload: ReportPayload };

/** All action types, in the order the UI shows their buttons. */
export const CASE_ACTION_TYPES = [
  'register',
  'reject',
  'approve',
  'dispatch',
  'acknowledge',
  'startHandling',
  'submitFeedback',
  'verifyPass',
  'verifyFail',
  'close',
  'recordFollowUp',
  'evaluate',
  'reopen',
  'returnToPrevious',
  'suspend',
  'resume',
  'extend',
  'void',
  'whistle',
  'respondWhistle',
  'rateWhistle',
  'reassign',
  'merge',
  'note',
] as const satisfies readonly CaseActionType[];

/** i18n keys of refusals; params name the stage, action, field… for the message. */
export const LOOP_REFUSAL_KEYS = [
  'loop.unknownAction',
  'loop.invalidActor',
  'loop.invalidTime',
  'loop.roleForbidden',
  'loop.notAllowedInStage',
  'loop.suspended',
  'loop.notSuspended',
  'loop.whistlePending',
  'loop.notMajor',
  'loop.alreadyApproved',
  'loop.approvalRequired',
  'loop.alreadyAcknowledged',
  'loop.notAcknowledged',
  'loop.followUpRequired',
  'loop.followUpRecorded',
  'loop.noWhistlePending',
  'loop.reasonRequired',
  'loop.teamRequired',
  'loop.officersRequired',
  'loop.departmentRequired',
  'loop.invalidSatisfaction',
  'loop.invalidDeadline',
  'loop.deadlineNotLater',
  'loop.invalidPayload',
  'loop.noWhistleToRate',
  'loop.whistleRated',
  'loop.invalidRating',
  'loop.gridRequired',
  'loop.mergeTargetRequired',
  'loop.noteEmpty',
  'evidence.feedbackNote',
  'evidence.feedbackPhotos',
  'evidence.checkerRequired',
  'evidence.checkerHandled',
  'evidence.sameAccount',
  'evidence.verifyPhotos',
  'evidence.closeSummary',
  'evidence.missingForClose',
  'evidence.followUpResult',
  'evidence.evaluateReason',
  'evidence.reopenNotDissatisfied',
] as const;
export type LoopRefusalKey = (typeof LOOP_REFUSAL_KEYS)[number];

export interface LoopRefusal {
  readonly key: LoopRefusalKey;
  readonly params: Readonly<Record<string, string | number>>;
}

/** What happened, ready for the tamper-evident record (see record.ts). */
export interface LoopEvent {
  readonly action: RecordedAction;
  readonly actor: Actor;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly from: LoopStage;
  readonly to: LoopStage;
}

export type ApplyResult =
  | { readonly ok: true; readonly state: CaseLoopState; readonly event: LoopEvent }
  | { readonly ok: false; readonly reason: LoopRefusal };
