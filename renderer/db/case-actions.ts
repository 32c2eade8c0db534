/**
 * Where case actions run. Every change to a case goes through here: the caller passes its session
 * token (sessions.ts), the account behind it is read from the database (its stored role decides, not
 * what the caller claims; a disabled account is refused), the shared state machine decides, and the
 * case, its loop state, the new events and the chain head are written in ONE transaction, so a change
 * without its event (or an event without its change) cannot exist; the indicators' case tallies and
 * day roll-ups of the cases written are kept in that transaction too (tallies-repo.ts). The transaction reads the account
 * again, so an account disabled meanwhile writes nothing.
 *
 * Events are planned and chained (synchronous SHA-256, @noble/hashes: shared/cases/record.ts) against
 * the head read beforehand, outside the write transaction, which stays short: it re-checks that
 * neither the head nor the case moved meanwhile (optimistic concurrency); if one did, the whole
 * attempt is redone.
 */
import type { Case, CaseSource, Urgency } from '../../shared/model/case';
import type { LonLat } from '../../shared/model/geo';
import type { GridCode } from '../../shared/grid/code';
import { initialLoopState } from '../../shared/cases/state-machine';
import { projectCase, type CaseProjection } from '../../shared/cases/projection';
import { canReport } from '../../shared/cases/permissions';
import { chainEvents, reportEvent, type StoredCaseEvent } from '../../shared/cases/history';
import type { Actor, CaseAction, CaseLoopState, LoopRefusalKey } from '../../shared/cases/loop-types';
import type { ChainHead } from '../../shared/cases/record';
import { caseLoopRows } from '../../shared/cases/build-record';
import type { GridDeskDb } from './database';
import { readChainHead } from './record-repo';
import { retallyCases } from './tallies-repo';
import { sessionAccount, type SessionToken } from './sessions';
import type { AttachmentRow, CaseLoopRow } from './tables';
import { workstationId } from './workstation-repo';
import { loadSettings } from './settings-repo';
import type { CentreSettings } from '../../shared/settings/centre-settings';
import { calendarZone } from '../../shared/calendar/config';
import { centreDate } from '../../shared/calendar/zone';
import { evidenceRuleFor, type EvidenceContext } from '../../shared/cases/evidence';
import { scopedCaseId, scopedEventId } from '../../shared/model/ids';

export type CaseCommandRefusalKey =
  LoopRefusalKey | 'case.notFound' | 'case.busy' | 'case.noLocation' | 'auth.notSignedIn' | 'auth.disabled';

export interface CaseCommandRefusal {
  readonly key: CaseCommandRefusalKey;
  readonly params: Readonly<Record<string, string | number>>;
}

export type CaseCommandResult =
  | {
      readonly ok: true;
      readonly kase: Case;
      readonly state: CaseLoopState;
      readonly events: readonly StoredCaseEvent[];
    }
  | {
      readonly ok: false;
      readonly reason: CaseCommandRefusal;
      /** Which of the actions was refused (0-based), when one was. */
      readonly actionIndex?: number;
    };

/** What intake collects for a new case (上报); grid and team come from the assignment engine. */
export interface NewCaseDraft {
  readonly source: CaseSource;
  readonly matterCode: string;
  readonly urgency: Urgency;
  readonly description: string;
  readonly address: string;
  readonly location: LonLat;
  readonly gridCode: GridCode;
  readonly teamId: string;
  readonly externalRef?: string;
  readonly reporter?: { readonly name?: string; readonly phone?: string };
  /** When it was reported (the hotline call), epoch ms; defaults to the time it is entered. */
  readonly reportedAt?: number;
}

const ATTEMPTS = 5;

export interface CaseCommandOptions {
  /**
   * Files stored with the change, in the same transaction (name them in a `note` action's
   * `attachmentIds`). For a new case their `caseId` is replaced by the new case's id.
   */
  readonly attachments?: readonly AttachmentRow[];
}

function refused(
  key: CaseCommandRefusalKey,
  params: Record<string, string | number> = {},
): CaseCommandResult {
  return { ok: false, reason: { key, params } };
}

/** The account behind the session as the record names it, or why it may not act. */
async function actorOf(db: GridDeskDb, session: SessionToken): Promise<Actor | CaseCommandRefusal> {
  const found = await sessionAccount(db, session);
  if (!found.ok) return found.refusal;
  const { account } = found;
  return { id: account.id, role: account.role, name: account.displayName };
}

function sameActor(a: Actor | CaseCommandRefusal, b: Actor): boolean {
  return !isRefusal(a) && a.id === b.id && a.role === b.role && a.name === b.name;
}

function isRefusal(value: Actor | CaseCommandRefusal): value is CaseCommandRefusal {
  return 'key' in value;
}

type Planned = CaseProjection;

/**
 * The evidence each case's matter requires under the centre's settings (shared/cases/evidence.ts),
 * read from the stored settings and matters: the rules are the database's, not the caller's.
 */
async function evidenceRules(
  db: GridDeskDb,
  settings: CentreSettings,
): Promise<(kase: Case) => EvidenceContext> {
  const matters = await db.matters.toArray();
  const byCode = new Map(matters.map((m) => [m.code, m]));
  return (kase) => ({
    rule: evidenceRuleFor(settings.evidence, byCode.get(kase.matterCode)),
    separateVerifier: settings.evidence.separateVerifier,
  });
}

function sameHead(a: ChainHead, b: ChainHead): boolean {
  return a.count === b.count && a.lastHash === b.lastHash;
}

/**
 * Writes planned changes (new cases when `isNew`, else changes to stored ones) with their events, the
 * new head and any attachments (recorded as added by the actor), in ONE transaction, if nothing was
 * recorded since `head` was read and the session still resolves to the same enabled account: every
 * change writes an event and moves the head, so an unchanged head means nothing else was written
 * meanwhile. Returns the stored events, or null when the head or the account moved (the caller plans
 * again, from the account as it is now).
 */
async function commitPlanned(
  db: GridDeskDb,
  session: SessionToken,
  actor: Actor,
  planned: readonly Planned[],
  head: ChainHead,
  isNew: boolean,
  attachments: readonly AttachmentRow[] = [],
): Promise<readonly StoredCaseEvent[] | null> {
  const workstation = await workstationId(db);
  const chained = await chainEvents(
    head,
    planned.flatMap((p) => p.events),
    (seq) => scopedEventId(workstation, seq),
  );
  const loops: CaseLoopRow[] = caseLoopRows(
    planned.map((p) => [p.kase.id, p.state] as const),
    chained.events,
  );
  const tables = [
    db.cases,
    db.caseLoops,
    db.events,
    db.meta,
    db.attachments,
    db.accounts,
    db.matters,
    db.caseTallies,
    db.dayTallies,
  ];
  return db.transaction('rw', tables, async () => {
    if (!sameActor(await actorOf(db, session), actor)) return null;
    if (!sameHead(await readChainHead(db), head)) return null;
    const kases = planned.map((p) => p.kase);
    // bulkAdd for new cases: an id taken meanwhile throws and aborts the whole transaction.
    await (isNew ? db.cases.bulkAdd(kases) : db.cases.bulkPut(kases));
    await (isNew ? db.caseLoops.bulkAdd(loops) : db.caseLoops.bulkPut(loops));
    await db.events.bulkAdd([...chained.events]);
    await db.meta.put({ key: 'chainHead', value: chained.head });
    if (attachments.length > 0)
      await db.attachments.bulkAdd(attachments.map((a) => ({ ...a, addedBy: actor.id })));
    // The indicators' roll-ups follow in the same transaction (while they are current).
    await retallyCases(
      db,
      kases.map((k) => k.id),
    );
    return chained.events;
  });
}

/**
 * Runs one or more actions on a case as one step (e.g. 立案 then 派遣), by the account signed in as
 * `session`, at `now` (epoch ms). Either all of them are applied and recorded, or none is and the
 * refusal says which action failed and why.
 */
export async function runCaseActions(
  db: GridDeskDb,
  caseId: string,
  actions: readonly CaseAction[],
  session: SessionToken,
  now: number,
  options: CaseCommandOptions = {},
): Promise<CaseCommandResult> {
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const actor = await actorOf(db, session);
    if (isRefusal(actor)) return { ok: false, reason: actor };
    const [kase, loopRow, head] = await db.transaction('r', db.cases, db.caseLoops, db.meta, () =>
      Promise.all([db.cases.get(caseId), db.caseLoops.get(caseId), readChainHead(db)]),
    );
    if (kase === undefined || loopRow === undefined) return refused('case.notFound', { caseId });
    const evidence = (await evidenceRules(db, await loadSettings(db)))(kase);
    const planned = projectCase(kase, loopRow.state, actions, actor, now, { evidence });
    if ('refusal' in planned) return { ok: false, reason: planned.refusal, actionIndex: planned.index };
    const written = await commitPlanned(db, session, actor, [planned], head, false, options.attachments);
    if (written !== null) return { ok: true, kase: planned.kase, state: planned.state, events: written };
  }
  return refused('case.busy', { caseId });
}

/**
 * The next free case number of the year of `now` in the centre's time zone, e.g. "2026-003175": one
 * past the highest number of that year stored, whichever workstation's case holds it (caseNo index).
 */
async function nextCaseNo(db: GridDeskDb, now: number, zone: string): Promise<string> {
  const year = centreDate(now, zone).slice(0, 4);
  const last = await db.cases.where('caseNo').startsWith(`${year}-`).last();
  const n = last === undefined ? 1 : Number(last.caseNo.slice(5)) + 1;
  return `${year}-${String(n).padStart(6, '0')}`;
}

/** One new case: what intake or an import collected, and what to do with it at once. */
export interface NewCaseItem {
  readonly draft: NewCaseDraft;
  /** Actions run right after the report, e.g. 立案 and 派遣. */
  readonly then: readonly CaseAction[];
}

export type CreateCasesResult =
  | {
      readonly ok: true;
      readonly cases: readonly Case[];
      /** The loop state of each case, same order. */
      readonly states: readonly CaseLoopState[];
      readonly events: readonly StoredCaseEvent[];
    }
  | {
      readonly ok: false;
      readonly reason: CaseCommandRefusal;
      /** Which item (0-based) and which of its actions was refused, when one was. */
      readonly itemIndex?: number;
      readonly actionIndex?: number;
    };

function validLocation(location: NewCaseDraft['location']): boolean {
  return Number.isFinite(location[0]) && Number.isFinite(location[1]);
}

/**
 * Creates several cases (上报), each followed by its own actions, by the account signed in as
 * `session` at `now`, ALL OR NOTHING: one refused action or bad location and nothing is stored (an
 * import commits whole). Only operators and leaders may report (shared/cases canReport), a report
 * with no further action included. Case numbers continue the year's sequence. The report time of each
 * case is its draft's `reportedAt` (the hotline call) or `now`; the events are recorded at `now`.
 */
export async function createCases(
  db: GridDeskDb,
  items: readonly NewCaseItem[],
  session: SessionToken,
  now: number,
  options: CaseCommandOptions = {},
): Promise<CreateCasesResult> {
  const badIndex = items.findIndex((item) => !validLocation(item.draft.location));
  if (badIndex >= 0)
    return { ok: false, reason: { key: 'case.noLocation', params: {} }, itemIndex: badIndex };
  const workstation = await workstationId(db);
  const settings = await loadSettings(db);
  const zone = calendarZone(settings.calendar);
  const rules = await evidenceRules(db, settings);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const actor = await actorOf(db, session);
    if (isRefusal(actor)) return { ok: false, reason: actor };
    if (!canReport(actor.role)) {
      return {
        ok: false,
        reason: { key: 'loop.roleForbidden', params: { role: actor.role, action: 'report' } },
      };
    }
    // Read together: an unchanged head at commit then also means these case numbers are still free.
    const [firstNo, head] = await db.transaction('r', db.cases, db.meta, () =>
      Promise.all([nextCaseNo(db, now, zone), readChainHead(db)]),
    );
    const year = firstNo.slice(0, 4);
    const first = Number(firstNo.slice(5));
    const planned: Planned[] = [];
    for (const [index, { draft, then }] of items.entries()) {
      const caseNo = `${year}-${String(first + index).padStart(6, '0')}`;
      const reportedAt = draft.reportedAt ?? now;
      const kase: Case = {
        id: scopedCaseId(workstation, caseNo),
        caseNo,
        source: draft.source,
        matterCode: draft.matterCode,
        urgency: draft.urgency,
        stage: 'reported',
        description: draft.description,
        address: draft.address,
        location: draft.location,
        gridCode: draft.gridCode,
        teamId: draft.teamId,
        reportedAt,
        ...(draft.externalRef === undefined ? {} : { externalRef: draft.externalRef }),
        ...(draft.reporter === undefined ? {} : { reporter: draft.reporter }),
        steps: [{ stage: 'reported', at: reportedAt, actor: actor.name ?? actor.id }],
      };
      const one = projectCase(kase, initialLoopState(), then, actor, now, {
        evidence: rules(kase),
        leading: [reportEvent(kase, actor, now)],
      });
      if ('refusal' in one)
        return { ok: false, reason: one.refusal, itemIndex: index, actionIndex: one.index };
      planned.push(one);
    }
    const onlyCase = planned.length === 1 ? planned[0]?.kase.id : undefined;
    const attachments = (options.attachments ?? []).map((a) => (onlyCase ? { ...a, caseId: onlyCase } : a));
    const written = await commitPlanned(db, session, actor, planned, head, true, attachments);
    if (written !== null) {
      return {
        ok: true,
        cases: planned.map((p) => p.kase),
        states: planned.map((p) => p.state),
        events: written,
      };
    }
  }
  return refused('case.busy', { caseId: 'new' }) as CreateCasesResult;
}

/**
 * Creates a case (上报) by the account signed in as `session` at `now` and, in the same step, runs
 * `then` on it (usually 立案 and 派遣, so a hotline case is dispatched in one go). Everything is
 * recorded in one transaction; attachments in `options` are stored with the new case.
 */
export async function createCase(
  db: GridDeskDb,
  draft: NewCaseDraft,
  then: readonly CaseAction[],
  session: SessionToken,
  now: number,
  options: CaseCommandOptions = {},
): Promise<CaseCommandResult> {
  const result = await createCases(db, [{ draft, then }], session, now, options);
  if (!result.ok) {
    return result.actionIndex === undefined
      ? { ok: false, reason: result.reason }
      : { ok: false, reason: result.reason, actionIndex: result.actionIndex };
  }
  const [kase, state] = [result.cases[0], result.states[0]];
  if (kase === undefined || state === undefined) return refused('case.notFound', { caseId: 'new' });
  return { ok: true, kase, state, events: result.events };
}

/** Actions for one existing case, as part of a batch. */
export interface CaseActionsItem {
  readonly caseId: string;
  readonly actions: readonly CaseAction[];
}

/**
 * Runs actions on several existing cases (e.g. 调整归属 of every case a grid change moved) by the
 * account signed in as `session` at `now`, ALL OR NOTHING: one missing case or refused action and
 * nothing is stored; the refusal names the item and the action.
 */
export async function runActionsOnCases(
  db: GridDeskDb,
  items: readonly CaseActionsItem[],
  session: SessionToken,
  now: number,
): Promise<CreateCasesResult> {
  const ids = items.map((item) => item.caseId);
  for (let attempt = 0; attempt < ATTEMPTS; attempt += 1) {
    const actor = await actorOf(db, session);
    if (isRefusal(actor)) return { ok: false, reason: actor };
    const [kases, loops, head] = await db.transaction('r', db.cases, db.caseLoops, db.meta, () =>
      Promise.all([db.cases.bulkGet(ids), db.caseLoops.bulkGet(ids), readChainHead(db)]),
    );
    const rules = await evidenceRules(db, await loadSettings(db));
    const planned: Planned[] = [];
    for (const [index, item] of items.entries()) {
      const kase = kases[index];
      const loop = loops[index];
      if (kase === undefined || loop === undefined) {
        return {
          ok: false,
          reason: { key: 'case.notFound', params: { caseId: item.caseId } },
          itemIndex: index,
        };
      }
      const one = projectCase(kase, loop.state, item.actions, actor, now, { evidence: rules(kase) });
      if ('refusal' in one)
        return { ok: false, reason: one.refusal, itemIndex: index, actionIndex: one.index };
      planned.push(one);
    }
    const written = await commitPlanned(db, session, actor, planned, head, false);
    if (written !== null) {
      return {
        ok: true,
        cases: planned.map((p) => p.kase),
        states: planned.map((p) => p.state),
        events: written,
      };
    }
  }
  return { ok: false, reason: { key: 'case.busy', params: { caseId: 'batch' } } };
}
