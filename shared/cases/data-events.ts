/**
 * Events of the record that concern the centre rather than one case: an import of the centre's own
 * files (导入) and its undo (撤销导入), and the acknowledgement of a geofence alert (越界告警确认,
 * shared/positions/geofence.ts). They are chained in the same record as the case events, in
 * the same table, so who brought which file in, or who acknowledged which alert, and when, is as tamper-evident as every
 * case step. A
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
  /** 导入地名: a list of named places (shared/import/centre/places.ts). */
  'places',
  /** 历史案件: an old system's cases, imported as read-only history (shared/history/). */
  'caseHistory',
] as const;
export type ImportFileRole = (typeof IMPORT_FILE_ROLES)[number];

/** One file of an import: what it was for, its name, size and SHA-256 (lower-case hex). */
export interface ImportedFile {
  readonly role: ImportFileRole;
  readonly name: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** The dataset tables a centre's set-up or grid replacement writes, counted in every such event. */
export const DATASET_COUNTED = [
  'grids',
  'patrolAreas',
  'communities',
  'teams',
  'officers',
  'gridWorkers',
  'matters',
  'departments',
] as const;
export type DatasetCounted = (typeof DATASET_COUNTED)[number];

/**
 * Every table an import may count: the dataset's, the places added to the basemap (导入地名) and the
 * history cases (历史案件). An import counts the tables it writes; events recorded before a table was
 * counted lack its key (read it as 0, {@link countOf}).
 */
export const IMPORT_COUNTED = [...DATASET_COUNTED, 'places', 'historyCases'] as const;
export type ImportCounted = (typeof IMPORT_COUNTED)[number];

/** Rows written per table; a table the import does not write may be left out. */
export type ImportCounts = Readonly<Partial<Record<ImportCounted, number>>>;

/**
 * `centreSetUp`: the first data of a centre set up here from its own files;
 * `gridsReplaced`: new grids (with their patrol areas and communities) for a centre that has cases;
 * `places`: named places (POIs, roads, settlements) added to the centre's basemap (导入地名);
 * `caseHistory`: an old system's cases as read-only history (历史案件).
 */
export const IMPORT_KINDS = ['centreSetUp', 'gridsReplaced', 'places', 'caseHistory'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export interface DataImportPayload {
  readonly kind: ImportKind;
  readonly files: readonly ImportedFile[];
  /** Rows written per table. */
  readonly counts: ImportCounts;
  /** Open cases the import moved to another grid (each also recorded as its own 调整归属 event). */
  readonly movedCases: number;
}

/** What the record keeps of a geofence alert someone acknowledged (告警确认). */
export interface GeofenceAckPayload {
  readonly alertId: string;
  readonly officerId: string;
  readonly teamId: string;
  /** The nearest of the team's patrol areas when last outside. */
  readonly areaId: string;
  /** The first fix outside, epoch ms. */
  readonly since: number;
  /** When it passed the threshold, epoch ms. */
  readonly raisedAt: number;
  /** When the stretch ended (back inside, off duty), epoch ms; null: still outside. */
  readonly endedAt: number | null;
}

/** The actions of the import record (导入记录): an import and its undo. */
export type ImportAction = Extract<DataAction, { readonly type: 'dataImport' | 'dataImportUndo' }>;

export type DataAction =
  | { readonly type: 'geofenceAcknowledge'; readonly payload: GeofenceAckPayload }
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

/** A stored data event of the import record (an import or its undo). */
export type StoredImportEvent = StoredDataEvent & { readonly action: ImportAction };

/** Whether a data event is an import or an import's undo (not, say, an alert's acknowledgement). */
export function isImportEvent(event: StoredDataEvent): event is StoredImportEvent {
  return event.action.type === 'dataImport' || event.action.type === 'dataImportUndo';
}

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

/** Rows per counted dataset table of a dataset-like object. */
export function importCounts(
  data: Readonly<Record<DatasetCounted, readonly unknown[]>>,
): Record<DatasetCounted, number> {
  const counts = {} as Record<DatasetCounted, number>;
  for (const table of DATASET_COUNTED) counts[table] = data[table].length;
  return counts;
}

/** The rows an import event counts for `table` (0 when the event does not name it). */
export function countOf(counts: ImportCounts, table: ImportCounted): number {
  return counts[table] ?? 0;
}
