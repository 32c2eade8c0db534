/**
 * Backups (备份) of a workstation: the dataset, the whole record with its chain head, the local
 * accounts (hashes only) and the centre settings, as one JSON file. The head is written into the file
 * and checked on restore, so a backup whose record was cut short, edited or reordered is refused, by
 * event; every event must fit the event schema; the loop state of every case is rebuilt from its
 * record and must match the stage the case is stored at; at least one enabled shift leader must be
 * among the accounts; history cases (历史案件) must fit their schema. Attachments (photos, files) travel beside the JSON in the same
 * ZIP archive (see archive.ts), described here by {@link BackupAttachment}.
 */
import { z } from 'zod';
import { accountSchema, type Account } from '../accounts/account';
import type { TownshipDataset } from '../model/dataset';
import type { CaseLoopState } from '../cases/loop-types';
import type { StoredCaseEvent, StoredCaseEventV2 } from '../cases/history';
import type { StoredRecordEvent } from '../cases/data-events';
import { verifyRecord, type ChainHead, type VerifyResult } from '../cases/record';
import { parseStoredEvent } from '../schema/event-schema';
import { storeStep, type RecordRekey } from '../schema/store-migrations';
import { isWorkstationId } from '../model/ids';
import type { Case } from '../model/case';
import type { HistoryCase } from '../history/history-case';
import { parseHistoryCases } from '../history/history-schema';
import { applyAction, initialLoopState } from '../cases/state-machine';
import { parseDataset } from '../schema/parse';
import type { DatasetIssue } from '../schema/issues';
import { validateCentreSettings, type CentreSettings } from '../settings/centre-settings';
import { centreTimestamp, DEFAULT_TIME_ZONE } from '../calendar/zone';

export const BACKUP_FORMAT = 'griddesk-backup';
/**
 * Format 2 (store version 3): events carry their workstation-scoped ids and the file names the
 * workstation it came from. Format 1 files (store version 2) are still read: checked as they are,
 * then brought to format 2 by the store's own version-3 step with the reading workstation's id.
 */
export const BACKUP_VERSION = 2;

export interface BackupFile {
  readonly format: typeof BACKUP_FORMAT;
  readonly version: typeof BACKUP_VERSION;
  /** The workstation whose ids the cases and events carry (shared/model/ids.ts). */
  readonly workstationId: string;
  /** When the record's ids were scoped from an older layout: its head before and after. */
  readonly recordRekey?: RecordRekey;
  /** Set when the file was format 1 and was brought to this format as it was read. */
  readonly migratedFrom?: 1;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** Display name of the account that made it. */
  readonly createdBy: string;
  /** Where the record ends: also shown on screen so it can be noted down and compared. */
  readonly chainHead: ChainHead;
  readonly dataset: TownshipDataset;
  /** The whole record: case events and the centre's data events, in chain order. */
  readonly events: readonly StoredRecordEvent[];
  readonly accounts: readonly Account[];
  readonly settings: CentreSettings;
  /** Photos and files of cases; their bytes are archive entries named by {@link attachmentPath}. */
  readonly attachments: readonly BackupAttachment[];
  /** 历史案件 (store version 5 on; absent in older files: none). */
  readonly historyCases?: readonly HistoryCase[];
}

/** An attachment as described in a backup; its bytes (and thumbnail) are separate archive entries. */
export interface BackupAttachment {
  readonly id: string;
  readonly caseId: string;
  readonly name: string;
  readonly type: string;
  /** Bytes. */
  readonly size: number;
  /** Epoch milliseconds. */
  readonly addedAt: number;
  readonly addedBy: string;
  readonly hasThumbnail: boolean;
}

/** Archive entry of an attachment's bytes, or of its thumbnail. */
export function attachmentPath(id: string, part: 'file' | 'thumbnail'): string {
  return `attachments/${id}/${part}`;
}

const attachmentSchema = z.strictObject({
  id: z.string().min(1),
  caseId: z.string().min(1),
  name: z.string().min(1),
  type: z.string(),
  size: z.number().int().nonnegative(),
  addedAt: z.number(),
  addedBy: z.string(),
  hasThumbnail: z.boolean(),
});

/** Why a backup file cannot be restored; each names what is wrong. */
export type BackupProblem =
  | { readonly key: 'backup.notBackup'; readonly params: { readonly file: string } }
  | { readonly key: 'backup.version'; readonly params: { readonly file: string; readonly version: string } }
  | {
      readonly key: 'backup.dataset';
      readonly params: { readonly file: string };
      readonly issues: readonly DatasetIssue[];
    }
  | {
      /** An event that does not fit the event schema: its seq (or position) and the field. */
      readonly key: 'backup.event';
      readonly params: { readonly file: string; readonly seq: number; readonly field: string };
    }
  | {
      readonly key: 'backup.record';
      readonly params: { readonly file: string };
      readonly record: VerifyResult;
    }
  | {
      /** The record does not lead to the case as stored: a case missing from the record, or at another stage. */
      readonly key: 'backup.loops';
      readonly params: { readonly file: string; readonly caseId: string };
    }
  | {
      readonly key: 'backup.accounts';
      readonly params: { readonly file: string; readonly index: number; readonly field: string };
    }
  | {
      /** No enabled shift leader among the accounts: after restoring, nobody could manage the centre. */
      readonly key: 'backup.noLeader';
      readonly params: { readonly file: string };
    }
  | { readonly key: 'backup.settings'; readonly params: { readonly file: string; readonly field: string } }
  | {
      /** A history case (历史案件) that does not fit the schema, or repeats a case number: its index and field. */
      readonly key: 'backup.historyCase';
      readonly params: { readonly file: string; readonly index: number; readonly field: string };
    }
  | {
      /** An attachment whose description is bad, whose case is missing, or whose bytes are not in the archive. */
      readonly key: 'backup.attachment';
      readonly params: { readonly file: string; readonly id: string };
    };

export type ParseBackupResult =
  | { readonly ok: true; readonly backup: BackupFile }
  | { readonly ok: false; readonly problems: readonly BackupProblem[] };

const headSchema = z.strictObject({
  count: z.number().int().nonnegative(),
  lastHash: z.string().regex(/^[0-9a-f]{64}$/),
});
const rekeySchema = z.strictObject({
  at: z.number(),
  workstationId: z.string(),
  before: headSchema,
  after: headSchema,
  problem: z
    .strictObject({
      kind: z.enum(['edited', 'removed', 'reordered', 'truncated', 'headMismatch']),
      seq: z.number().int(),
    })
    .optional(),
});
const envelopeSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.number(),
  workstationId: z.string().optional(),
  recordRekey: rekeySchema.optional(),
  createdAt: z.number(),
  createdBy: z.string(),
  chainHead: headSchema,
  dataset: z.unknown(),
  events: z.array(z.unknown()),
  accounts: z.array(z.unknown()),
  settings: z.unknown(),
  attachments: z.array(z.unknown()).default([]),
  historyCases: z.array(z.unknown()).default([]),
});

/** Whether the accounts include at least one enabled shift leader (带班领导). */
export function hasEnabledLeader(accounts: readonly Account[]): boolean {
  return accounts.some((a) => a.role === 'leader' && !a.disabled);
}

/**
 * Checks a backup file before anything is restored, and names EVERY problem found, not only the
 * first: its envelope and version (nothing else is checked without them), the dataset (full schema),
 * each event against the event schema (seq and field), the record against the head written in the
 * file (every event's hash and link), a loop state for every case, the accounts (at least one enabled
 * shift leader among them), the settings and the attachments. Returns the backup or the problems.
 */
export interface ParseBackupOptions {
  /** The reading workstation's id: a format-1 file's ids are scoped by it. Without it, format 1 is refused. */
  readonly workstationId?: string;
  /** Epoch ms, for the note of a format-1 file's re-keyed record. */
  readonly now?: number;
}

export async function parseBackup(
  json: unknown,
  file: string,
  /** Size of each archive entry present, by path; attachments must have their bytes there. */
  entrySizes: ReadonlyMap<string, number> = new Map(),
  options: ParseBackupOptions = {},
): Promise<ParseBackupResult> {
  const envelope = envelopeSchema.safeParse(json);
  if (!envelope.success) return { ok: false, problems: [{ key: 'backup.notBackup', params: { file } }] };
  const raw = envelope.data;
  const legacy = raw.version === 1 && options.workstationId !== undefined;
  const source = legacy ? options.workstationId : raw.workstationId;
  if ((raw.version !== BACKUP_VERSION && !legacy) || source === undefined || !isWorkstationId(source)) {
    return {
      ok: false,
      problems: [{ key: 'backup.version', params: { file, version: String(raw.version) } }],
    };
  }
  const problems: BackupProblem[] = [];
  const dataset = parseDataset(raw.dataset, `${file} › dataset`);
  if (!dataset.ok) problems.push({ key: 'backup.dataset', params: { file }, issues: dataset.errors });

  const events: (StoredRecordEvent | StoredCaseEventV2)[] = [];
  for (const [index, item] of raw.events.entries()) {
    const parsed = legacy ? parseStoredEvent(item, index + 1, 2) : parseStoredEvent(item, index + 1);
    if (parsed.ok) events.push(parsed.event);
    else problems.push({ key: 'backup.event', params: { file, ...parsed.problem } });
  }
  const eventsValid = events.length === raw.events.length;
  // The chain is checked on what the file holds, malformed events included: it hashes any JSON.
  const chainable = raw.events.every((e) => typeof e === 'object' && e !== null);
  if (chainable) {
    const record = await verifyRecord(raw.events as object[], raw.chainHead);
    if (!record.ok) problems.push({ key: 'backup.record', params: { file }, record });
  }
  if (dataset.ok && eventsValid) {
    const loops = loopStatesFromRecord(events);
    for (const kase of dataset.dataset.cases) {
      if (loops.get(kase.id)?.state.stage !== kase.stage) {
        problems.push({ key: 'backup.loops', params: { file, caseId: kase.id } });
      }
    }
  }

  const accounts: Account[] = [];
  for (const [index, item] of raw.accounts.entries()) {
    const parsed = accountSchema.safeParse(item);
    if (parsed.success) accounts.push(parsed.data);
    else {
      const field = parsed.error.issues[0]?.path.join('.') ?? '';
      problems.push({ key: 'backup.accounts', params: { file, index, field } });
    }
  }
  if (!hasEnabledLeader(accounts)) problems.push({ key: 'backup.noLeader', params: { file } });

  const matterCodes = new Set(dataset.ok ? dataset.dataset.matters.map((m) => m.code) : []);
  const settings = validateCentreSettings(raw.settings, matterCodes);
  if (!settings.ok && dataset.ok) {
    for (const issue of settings.issues) {
      problems.push({ key: 'backup.settings', params: { file, field: issue.field } });
    }
  }

  const caseIds = new Set(dataset.ok ? dataset.dataset.cases.map((c) => c.id) : []);
  const attachments: BackupAttachment[] = [];
  for (const item of raw.attachments) {
    const parsed = attachmentSchema.safeParse(item);
    const id = parsed.success ? parsed.data.id : String((item as { id?: unknown } | null)?.id ?? '?');
    const fits =
      parsed.success &&
      (!dataset.ok || caseIds.has(parsed.data.caseId)) &&
      entrySizes.get(attachmentPath(id, 'file')) === parsed.data.size &&
      (!parsed.data.hasThumbnail || entrySizes.has(attachmentPath(id, 'thumbnail')));
    if (fits) attachments.push(parsed.data);
    else problems.push({ key: 'backup.attachment', params: { file, id } });
  }

  const history = parseHistoryCases(raw.historyCases);
  if (!history.ok)
    problems.push({
      key: 'backup.historyCase',
      params: { file, index: history.index, field: history.field },
    });

  if (problems.length > 0 || !dataset.ok || !settings.ok || !history.ok) return { ok: false, problems };
  const checked: BackupFile = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    workstationId: source,
    ...(raw.recordRekey === undefined ? {} : { recordRekey: raw.recordRekey }),
    createdAt: raw.createdAt,
    createdBy: raw.createdBy,
    chainHead: raw.chainHead,
    dataset: dataset.dataset,
    events: events as StoredRecordEvent[],
    accounts,
    settings: settings.settings,
    attachments,
    ...(history.rows.length === 0 ? {} : { historyCases: history.rows }),
  };
  return {
    ok: true,
    backup: legacy ? scopeLegacyBackup(checked, source, options.now ?? raw.createdAt) : checked,
  };
}

/**
 * A checked format-1 backup brought to format 2 by the store's version-3 step (the one a database
 * upgraded in place runs): case ids and event ids scoped by `workstationId`, the record re-chained
 * over them, each event keeping its old hash, and the head before and after noted.
 */
function scopeLegacyBackup(backup: BackupFile, workstationId: string, now: number): BackupFile {
  const rows = {
    meta: [{ key: 'chainHead', value: backup.chainHead }],
    cases: backup.dataset.cases,
    caseLoops: [],
    events: backup.events,
    attachments: backup.attachments,
  };
  const out = storeStep(3).run(rows, { workstationId, now });
  const meta = (out.meta ?? []) as readonly { readonly key: string; readonly value: unknown }[];
  const value = (key: string): unknown => meta.find((row) => row.key === key)?.value;
  const rekey = value('recordRekey') as RecordRekey | undefined;
  return {
    ...backup,
    workstationId,
    ...(rekey === undefined ? {} : { recordRekey: rekey }),
    migratedFrom: 1,
    chainHead: (value('chainHead') as ChainHead | undefined) ?? backup.chainHead,
    dataset: { ...backup.dataset, cases: (out.cases ?? []) as Case[] },
    events: (out.events ?? []) as StoredRecordEvent[],
    attachments: (out.attachments ?? []) as BackupAttachment[],
  };
}

/**
 * The loop state of every case, rebuilt by playing its recorded actions through the state machine (the
 * record is the truth; stored states are only a cache of it). A case whose events the machine refuses
 * gets no state.
 */
export function loopStatesFromRecord(
  events: readonly (StoredRecordEvent | StoredCaseEventV2)[],
): Map<string, { readonly state: CaseLoopState; readonly lastSeq: number; readonly lastAt: number }> {
  const out = new Map<string, { state: CaseLoopState; lastSeq: number; lastAt: number }>();
  const broken = new Set<string>();
  // Data events (imports) belong to no case: they play no part in any case's loop.
  const caseEvents = events.filter((e): e is StoredCaseEvent | StoredCaseEventV2 => 'caseId' in e);
  for (const event of caseEvents.sort((a, b) => a.seq - b.seq)) {
    if (broken.has(event.caseId)) continue;
    const current = out.get(event.caseId) ?? { state: initialLoopState(), lastSeq: 0, lastAt: 0 };
    if (event.action.type === 'report') {
      out.set(event.caseId, { state: current.state, lastSeq: event.seq, lastAt: event.at });
      continue;
    }
    const result = applyAction(current.state, event.action, event.actor, event.at);
    if (!result.ok) {
      broken.add(event.caseId);
      out.delete(event.caseId);
      continue;
    }
    out.set(event.caseId, { state: result.state, lastSeq: event.seq, lastAt: event.at });
  }
  return out;
}

/**
 * A file name that carries the time (local time of the centre's zone) and the head, e.g.
 * griddesk-backup-20261123-1405-33260-3fa2c1d0.zip.
 */
export function backupFileName(createdAt: number, head: ChainHead, zone: string = DEFAULT_TIME_ZONE): string {
  const local = centreTimestamp(createdAt, zone);
  const stamp = `${local.slice(0, 10).replaceAll('-', '')}-${local.slice(11, 16).replace(':', '')}`;
  return `griddesk-backup-${stamp}-${head.count}-${head.lastHash.slice(0, 8)}.zip`;
}
