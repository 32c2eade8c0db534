import type { LonLat } from './geo';
import type { GridCode } from '../grid/code';

/** The closed loop: 上报 → 立案 → 派遣 → 处置 → 反馈 → 核查 → 结案 → 评价. */
export const CASE_STAGES = [
  'reported',
  'registered',
  'dispatched',
  'handling',
  'feedback',
  'verified',
  'closed',
  'evaluated',
] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** Terminal stages outside the normal loop: 不予立案 rejected, 作废 voided, 合并 merged into another case. */
export const TERMINAL_STAGES = ['rejected', 'voided', 'merged'] as const;
export type TerminalStage = (typeof TERMINAL_STAGES)[number];

/** Where a case stands: one of the eight loop stages or a terminal stage. */
export type LoopStage = CaseStage | TerminalStage;

/** Every stage a stored case can be in, loop order first. */
export const ALL_STAGES: readonly LoopStage[] = [...CASE_STAGES, ...TERMINAL_STAGES];

/** Loop stages after which a case no longer needs action on the map. */
export const FINISHED_STAGES: readonly CaseStage[] = ['closed', 'evaluated'];

/** The loop stages a case is open in: every stage before 结案, in loop order. */
export type OpenStage = Exclude<CaseStage, 'closed' | 'evaluated'>;
export const OPEN_STAGES: readonly OpenStage[] = CASE_STAGES.filter(
  (stage): stage is OpenStage => !FINISHED_STAGES.includes(stage),
);

/** Open: still in the loop, neither finished (结案/评价) nor terminal (不予立案/作废/合并). */
export function isOpenStage(stage: LoopStage): boolean {
  return (CASE_STAGES as readonly string[]).includes(stage) && !FINISHED_STAGES.includes(stage as CaseStage);
}

/** 12345 热线, 网格员上报, 视频发现, 物联感知, 巡查发现, 群众来访. */
export const CASE_SOURCES = ['hotline', 'grid-worker', 'video', 'sensor', 'patrol', 'walk-in'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** 一般 normal, 紧急 urgent, 特急 critical (急要件). */
export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** One step of the loop as it happened; the full tamper-evident event log comes with the case workflow. */
export interface CaseStep {
  readonly stage: LoopStage;
  /** Epoch milliseconds. */
  readonly at: number;
  readonly actor: string;
}

/** 案件/事件: an incident at a point. */
export interface Case {
  readonly id: string;
  /** Human case number, e.g. "2026-000123". */
  readonly caseNo: string;
  readonly source: CaseSource;
  readonly matterCode: string;
  readonly urgency: Urgency;
  readonly stage: LoopStage;
  readonly description: string;
  readonly address: string;
  readonly location: LonLat;
  readonly gridCode: GridCode;
  readonly teamId: string;
  /**
   * Officers assigned at dispatch (派遣), by officer id; absent before dispatch. Open cases that name an
   * officer count towards that officer's load when recommending whom to send.
   */
  readonly officerIds?: readonly string[];
  /** Epoch milliseconds. */
  readonly reportedAt: number;
  /** The work-order number of the source system, e.g. the 12345 工单编号; absent for cases raised here. */
  readonly externalRef?: string;
  /** Who reported it (来电人), when known. */
  readonly reporter?: { readonly name?: string; readonly phone?: string };
  readonly steps: readonly CaseStep[];
}
