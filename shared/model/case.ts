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

/** Stages after which a case no longer needs action on the map. */
export const FINISHED_STAGES: readonly CaseStage[] = ['closed', 'evaluated'];

export function isOpenStage(stage: CaseStage): boolean {
  return !FINISHED_STAGES.includes(stage);
}

/** 12345 热线, 网格员上报, 视频发现, 物联感知, 巡查发现, 群众来访. */
export const CASE_SOURCES = ['hotline', 'grid-worker', 'video', 'sensor', 'patrol', 'walk-in'] as const;
export type CaseSource = (typeof CASE_SOURCES)[number];

/** 一般 normal, 紧急 urgent, 特急 critical (急要件). */
export const URGENCIES = ['normal', 'urgent', 'critical'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** One step of the loop as it happened; the full tamper-evident event log comes with the case workflow. */
export interface CaseStep {
  readonly stage: CaseStage;
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
  readonly stage: CaseStage;
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
  readonly steps: readonly CaseStep[];
}
