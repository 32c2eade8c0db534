import type { LonLat } from '../model/geo';
import type { Urgency } from '../model/case';
import type { ImportField } from './mapping';

/**
 * A hotline case read from an import file, ready to become a case once the operator confirms it.
 * `location` is WGS84, converted from the file's coordinate system; null when the row had no coordinates
 * but an address: the operator places such a case on the map before registering it.
 */
export interface IntakeDraft {
  /** 工单编号 of the 12345 platform. */
  readonly externalRef?: string;
  readonly source: 'hotline';
  /** Epoch milliseconds. */
  readonly reportedAt: number;
  readonly description: string;
  readonly address: string;
  readonly location: LonLat | null;
  readonly matterCode: string;
  readonly urgency: Urgency;
  readonly reporter?: { readonly name?: string; readonly phone?: string };
}

export type ImportRejectionKey =
  | 'import.missingField'
  | 'import.badDate'
  | 'import.badCoordinate'
  | 'import.coordinateOutsideChina'
  | 'import.coordinatesSwapped'
  | 'import.missingPlace'
  | 'import.unknownCategory'
  | 'import.ambiguousCategory'
  | 'import.badUrgency'
  | 'import.duplicateRef'
  | 'import.refExists';

/**
 * Why a row was not imported. `row` is the row number the operator sees in Excel (header = row 1).
 * `params` always hold `file`, `row` and `column` (the header text of the offending column, or the
 * field id when the field is not mapped), and `value` when there was one, so that the message names
 * the file, the record and the field. A row can have several rejections, one per problem.
 */
export interface ImportRejection {
  readonly row: number;
  readonly field: ImportField;
  readonly key: ImportRejectionKey;
  readonly params: Readonly<Record<string, string | number>>;
}

export interface ImportResult {
  readonly accepted: readonly IntakeDraft[];
  /** The source row of each accepted draft, same order and length as `accepted`. */
  readonly acceptedRows: readonly number[];
  /** In row order. */
  readonly rejected: readonly ImportRejection[];
}
