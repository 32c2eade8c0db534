/**
 * The schema of an event of the record (行政执法全过程记录) as it is stored and travels in a backup:
 * the case, the recorded action with its payload, the actor, the time, the stages and the chain link.
 * Strict, so a field that GridDesk never writes is an error too: the hash covers every field, and an
 * unknown one can only come from an edit or another program. What the payload's values mean (a reason
 * given, a deadline later than the last) is the state machine's to judge; this checks the shape, so a
 * malformed event becomes a named problem instead of a TypeError further on.
 *
 * Versioned by the store version that changed them (store-tables.ts): version 2 events have no id;
 * from version 3 every event carries its workstation-scoped `id`, and events recorded before that
 * also their `legacyHash` (see store-migrations.ts). Later store versions left events as they were. A
 * backup says which version its events are.
 */
import { z } from 'zod';
import { ALL_STAGES, CASE_SOURCES, URGENCIES, type LoopStage } from '../model/case';
import { FOLLOW_UP_RESULTS, ROLES } from '../cases/loop-types';
import type { StoredCaseEventV2 } from '../cases/history';
import {
  IMPORT_COUNTED,
  IMPORT_FILE_ROLES,
  IMPORT_KINDS,
  type ImportCounted,
  type StoredRecordEvent,
} from '../cases/data-events';
import { EVENT_ID_PATTERN } from '../model/ids';

const text = z.string();
const id = z.string().min(1);
const epochMs = z.number().finite();
const score = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4), z.literal(5)]);
const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash in lower-case hex');
const stage = z.enum(ALL_STAGES as readonly LoopStage[] as [LoopStage, ...LoopStage[]]);
const none = z.strictObject({});
const withReason = z.strictObject({ reason: text });
const withNote = z.strictObject({ note: text.optional() });
const files = z.array(id).optional();
const checker = z.strictObject({ kind: z.enum(['gridWorker', 'officer']), id, name: text });

const action = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('report'),
    payload: z.strictObject({
      caseNo: id,
      source: z.enum(CASE_SOURCES),
      matterCode: id,
      urgency: z.enum(URGENCIES),
      description: text,
      address: text,
      location: z.tuple([z.number().finite(), z.number().finite()]),
      gridCode: id,
      teamId: id,
      externalRef: text.optional(),
    }),
  }),
  z.strictObject({ type: z.literal('register'), payload: z.strictObject({ major: z.boolean().optional() }) }),
  z.strictObject({ type: z.literal('reject'), payload: withReason }),
  z.strictObject({ type: z.literal('approve'), payload: none }),
  z.strictObject({
    type: z.literal('dispatch'),
    payload: z.strictObject({ teamId: id, officerIds: z.array(id) }),
  }),
  z.strictObject({ type: z.literal('acknowledge'), payload: none }),
  z.strictObject({ type: z.literal('startHandling'), payload: none }),
  z.strictObject({
    type: z.literal('submitFeedback'),
    payload: z.strictObject({ note: text.optional(), attachmentIds: files }),
  }),
  z.strictObject({
    type: z.literal('verifyPass'),
    payload: z.strictObject({ checker: checker.optional(), note: text.optional(), attachmentIds: files }),
  }),
  z.strictObject({
    type: z.literal('verifyFail'),
    payload: z.strictObject({ reason: text, checker: checker.optional(), attachmentIds: files }),
  }),
  z.strictObject({ type: z.literal('close'), payload: z.strictObject({ summary: text.optional() }) }),
  z.strictObject({
    type: z.literal('recordFollowUp'),
    payload: z.strictObject({
      note: text.optional(),
      reached: z.boolean().optional(),
      result: z.enum(FOLLOW_UP_RESULTS).optional(),
    }),
  }),
  z.strictObject({
    type: z.literal('evaluate'),
    payload: z.strictObject({ satisfaction: score, reason: text.optional() }),
  }),
  z.strictObject({ type: z.literal('reopen'), payload: withReason }),
  z.strictObject({ type: z.literal('returnToPrevious'), payload: withReason }),
  z.strictObject({ type: z.literal('suspend'), payload: withReason }),
  z.strictObject({ type: z.literal('resume'), payload: none }),
  z.strictObject({
    type: z.literal('extend'),
    payload: z.strictObject({ reason: text, deadline: epochMs }),
  }),
  z.strictObject({ type: z.literal('void'), payload: withReason }),
  z.strictObject({ type: z.literal('whistle'), payload: z.strictObject({ departmentId: id }) }),
  z.strictObject({ type: z.literal('respondWhistle'), payload: withNote }),
  z.strictObject({
    type: z.literal('rateWhistle'),
    payload: z.strictObject({ response: score, completion: score, satisfaction: score }),
  }),
  z.strictObject({
    type: z.literal('reassign'),
    payload: z.strictObject({ gridCode: id, teamId: id, reason: text }),
  }),
  z.strictObject({ type: z.literal('merge'), payload: z.strictObject({ intoCaseId: id, reason: text }) }),
  z.strictObject({
    type: z.literal('note'),
    payload: z.strictObject({ text, attachmentIds: files }),
  }),
]);

const eventFields = {
  caseId: id,
  action,
  actor: z.strictObject({ id, role: z.enum(ROLES), name: text.optional() }),
  at: epochMs,
  from: stage,
  to: stage,
  seq: z.number().int().min(1),
  prevHash: hex64,
  hash: hex64,
};

/** Schema of one event as store version 2 kept it (see {@link StoredCaseEventV2}): no id. */
export const storedEventSchemaV2 = z.strictObject(eventFields);

/** Schema of one stored event (see {@link StoredCaseEvent}), store version 3 on. */
export const storedEventSchema = z.strictObject({
  ...eventFields,
  id: z.string().regex(EVENT_ID_PATTERN, 'a workstation-scoped event id'),
  legacyHash: hex64.optional(),
});

const sha256 = hex64;
const count = z.number().int().min(0);
const importKind = z.enum(IMPORT_KINDS);
const dataAction = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('dataImport'),
    payload: z.strictObject({
      kind: importKind,
      files: z.array(z.strictObject({ role: z.enum(IMPORT_FILE_ROLES), name: text, bytes: count, sha256 })),
      counts: z
        .strictObject(
          Object.fromEntries(IMPORT_COUNTED.map((table) => [table, count])) as Record<
            ImportCounted,
            typeof count
          >,
        )
        .partial(),
      movedCases: count,
    }),
  }),
  z.strictObject({
    type: z.literal('dataImportUndo'),
    payload: z.strictObject({ undoes: id, kind: importKind, movedCases: count }),
  }),
  z.strictObject({
    type: z.literal('geofenceAcknowledge'),
    payload: z.strictObject({
      alertId: id,
      officerId: id,
      teamId: id,
      areaId: id,
      since: epochMs,
      raisedAt: epochMs,
      endedAt: epochMs.nullable(),
    }),
  }),
]);

/**
 * Schema of one stored data event (shared/cases/data-events.ts): an import, its undo or a geofence
 * alert's acknowledgement, chained like
 * case events but with no case, no stages.
 */
export const storedDataEventSchema = z.strictObject({
  action: dataAction,
  actor: eventFields.actor,
  at: epochMs,
  seq: eventFields.seq,
  prevHash: hex64,
  hash: hex64,
  id: z.string().regex(EVENT_ID_PATTERN, 'a workstation-scoped event id'),
});

/** The store versions whose events {@link parseStoredEvent} reads. */
export const EVENT_SCHEMA_VERSIONS = [2, 3] as const;
export type EventSchemaVersion = (typeof EVENT_SCHEMA_VERSIONS)[number];
/** The events' layout at the current store version (unchanged since store version 3). */
export const CURRENT_EVENT_SCHEMA: EventSchemaVersion = 3;

/** What is wrong with an event: its seq (its 1-based position when it has no usable seq) and the field. */
export interface EventProblem {
  readonly seq: number;
  readonly field: string;
}

/**
 * Checks one event's shape against {@link storedEventSchema}. `position` is the event's 1-based place
 * in the record, named when the event's own `seq` is missing or not a whole number. Returns the event,
 * or the first problem with the dotted path of the field (e.g. `action.payload.reason`).
 */
export function parseStoredEvent(
  raw: unknown,
  position: number,
):
  | { readonly ok: true; readonly event: StoredRecordEvent }
  | { readonly ok: false; readonly problem: EventProblem };
export function parseStoredEvent(
  raw: unknown,
  position: number,
  version: 2,
):
  | { readonly ok: true; readonly event: StoredCaseEventV2 }
  | { readonly ok: false; readonly problem: EventProblem };
export function parseStoredEvent(
  raw: unknown,
  position: number,
  version: EventSchemaVersion = CURRENT_EVENT_SCHEMA,
):
  | { readonly ok: true; readonly event: StoredRecordEvent | StoredCaseEventV2 }
  | { readonly ok: false; readonly problem: EventProblem } {
  // An event with no caseId is a data event (an import), known from store version 3's layout on.
  const isData = version !== 2 && typeof raw === 'object' && raw !== null && !('caseId' in raw);
  const schema = isData ? storedDataEventSchema : version === 2 ? storedEventSchemaV2 : storedEventSchema;
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, event: parsed.data as StoredRecordEvent };
  const rawSeq = typeof raw === 'object' && raw !== null ? (raw as { seq?: unknown }).seq : undefined;
  const seq = typeof rawSeq === 'number' && Number.isInteger(rawSeq) ? rawSeq : position;
  const issue = parsed.error.issues[0];
  const path = issue?.path.map(String) ?? [];
  // An unknown field is named by itself, not by the object that holds it.
  const keys = issue?.code === 'unrecognized_keys' ? issue.keys : [];
  const field = [...path, ...keys.slice(0, 1)].join('.');
  return { ok: false, problem: { seq, field: field === '' ? 'event' : field } };
}
