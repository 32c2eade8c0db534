/**
 * Events of the record that concern the centre's data rather than one case: an import of the centre's
 * own files (导入) and its undo (撤销导入). They are chained in the same record as the case events, in
 * the same table, so who brought which file in, and when, is as tamper-evident as every case step. A
 * data event has no `caseId`: the events' caseId index leaves it out, so reads of one case's events,
 * the per-case tallies and the record's case checks never meet it; readers of the whole chain (the
 * check, the backup) take both kinds and tell them apart with {@link isCaseEvent}.
 */
import type { ChainedEvent } from './record';
import type { Actor } from './loop-types';
import type { EventIdentity, StoredCaseEvent } from './history';

/** What a file brought into the centre, as named in the import wizard. */
export const IMPORT_FILE_ROLES = [
  'grids',
  'patrolAreas',
  'boundary',
  'teams',
  'officers',
  'gridWorkers',
  'matters',
  'departments',
] as const;
export type ImportFileRole = (typeof IMPORT_FILE_ROLES)[number];

/** One file of an import: what it was for, its name, size and SHA-256 (lower-case hex). */
export interface ImportedFile {
  readonly role: ImportFileRole;
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** The dataset tables an import writes, counted in its event. */
export const IMPORT_COUNTED = [
  'grids',
  'patrolAreas',
  'communities',
  'teams',
  'officers',
  'gridWorkers',
  'matters',
  'departments',
] as const;
export type ImportCounted = (typeof IMPORT_COUNTED)[number];

/**
 * `centreSetUp`: the first data of a centre set up here from its own files;
 * `gridsReplaced`: new grids (with their patrol areas and communities) for a centre that has cases.
 */
export type ImportKind = 'centreSetUp' | 'gridsReplaced';

export interface DataImportPayload {
  readonly kind: ImportKind;
  readonly files: readonly ImportedFile[];
  /** Rows written per table. */
  readonly counts: Readonly<Record<ImportCounted, number>>;
  /** Open cases the import moved to another grid (each also recorded as its own 调整归属 event). */
  readonly movedCases: number;
}

export type DataAction =
  | { readonly type: 'dataImport'; readonly payload: DataImportPayload }
  | {
      readonly type: 'dataImportUndo';
      readonly payload: {
        /** The id of the import's event. */
        readonly undoes: string;
        readonly kind: ImportKind;
        /** Open cases moved back to the grid they had before the import. */
        readonly movedCases: number;
      };
    };

/** A data event before it is chained. */
export interface DataEvent {
  readonly action: DataAction;
  readonly actor: Actor;
  /** Epoch milliseconds. */
  readonly at: number;
}

export type StoredDataEvent = ChainedEvent<DataEvent & EventIdentity>;

/** Any event of the record as stored. */
export type StoredRecordEvent = StoredCaseEvent | StoredDataEvent;

/** Whether a stored event belongs to a case (and so has a caseId, stages and a loop action). */
export function isCaseEvent(event: StoredRecordEvent): event is StoredCaseEvent {
  return 'caseId' in event;
}

/** The case events of a list, in the order given. */
export function caseEventsOf(events: readonly StoredRecordEvent[]): StoredCaseEvent[] {
  return events.filter(isCaseEvent);
}

/** The data events of a list, in the order given. */
export function dataEventsOf(events: readonly StoredRecordEvent[]): StoredDataEvent[] {
  return events.filter((e): e is StoredDataEvent => !isCaseEvent(e));
}

/** Rows per counted table of a dataset-like object. */
export function importCounts(
  data: Readonly<Record<ImportCounted, readonly unknown[]>>,
): Record<ImportCounted, number> {
  const counts = {} as Record<ImportCounted, number>;
  for (const table of IMPORT_COUNTED) counts[table] = data[table].length;
  return counts;
}
