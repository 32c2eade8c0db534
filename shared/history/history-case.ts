/**
 * 历史案件: a case of the township's old system (数字城管, 12345 platform) brought in from a file as
 * read-only reference. GridDesk did not handle it, so it has no loop and no events of its own: only
 * what the old system said about it, with the grid and team GridDesk's spatial engine assigns to its
 * place (or the grid code the file gave when it has no place). Later reads (workload per grid, the
 * 12345 import's already-imported check) use it; nothing ever edits it.
 */
import type { CaseSource, Urgency } from '../model/case';
import type { LonLat } from '../model/geo';

/** Where the case stood in the old system when it was exported. */
export const HISTORY_STATUSES = ['closed', 'voided', 'open'] as const;
export type HistoryStatus = (typeof HISTORY_STATUSES)[number];

export interface HistoryCase {
  /** 案件编号 in the old system; unique among the centre's history (the table's key). */
  readonly caseNo: string;
  /** 工单号 of the 12345 platform, when the file gave one. */
  readonly externalRef?: string;
  /** The source as GridDesk names it, when the file's words were recognised. */
  readonly source?: CaseSource;
  /** The file's own words for the source ('' for none). */
  readonly sourceText: string;
  /** A matter code of the centre's power list. */
  readonly matterCode: string;
  readonly urgency: Urgency;
  readonly address: string;
  readonly description: string;
  /** WGS84 lon/lat, converted from the file's coordinate system; null when the file gave none. */
  readonly location: LonLat | null;
  /** The grid: from the location where it lies in one, else the file's grid code. */
  readonly gridCode: string;
  /** The team owning that grid's patrol area (a team id of the centre). */
  readonly teamId: string;
  /** Epoch milliseconds. */
  readonly reportedAt: number;
  /** Epoch milliseconds, when the file gave a closing time. */
  readonly closedAt?: number;
  readonly status: HistoryStatus;
  /** 处置人员 / 队伍 as the old system wrote them (free text, '' for none). */
  readonly handledBy: string;
  /** The id of the 导入 event that brought it in: the undo removes exactly these rows. */
  readonly importId: string;
}
