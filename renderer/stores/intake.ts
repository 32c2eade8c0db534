import { defineStore } from 'pinia';
import { computed } from 'vue';
import type { Case, CaseSource, Urgency } from '../../shared/model/case';
import { findDuplicates } from '../../shared/cases/duplicates';
import { intakeActions, type IntakeMode } from '../../shared/cases/intake-actions';
import { isMajorCase } from '../../shared/settings/centre-settings';
import { createCase } from '../db/case-actions';
import type { AttachmentRow } from '../db/tables';
import { currentDb } from '../db/handle';
import { prepareAttachments } from '../attachments';
import { useAuthStore } from './auth';
import { useCasesStore } from './cases';
import { usePlacementStore } from './placement';
import { useSettingsStore } from './settings';

export type { IntakeMode } from '../../shared/cases/intake-actions';

/** What the operator typed into the intake form (the place, grid and team come from the placement). */
export interface IntakeFields {
  readonly source: CaseSource;
  readonly urgency: Urgency;
  readonly description: string;
  readonly address: string;
  readonly reporterName: string;
  readonly reporterPhone: string;
  readonly externalRef: string;
  readonly major: boolean;
  readonly files: readonly File[];
}

/** Why intake did not create the case: a message key with parameters, for the form to show. */
export interface IntakeProblem {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

export type IntakeOutcome =
  { readonly ok: true; readonly kase: Case } | { readonly ok: false; readonly problem: IntakeProblem };

const problem = (key: string): IntakeOutcome => ({ ok: false, problem: { key, params: {} } });

/**
 * 新建案件 under the placed incident: the likely duplicates to offer for merging, whether the case is
 * major by the centre's policy, and creating it — report, then register and dispatch to the placement's
 * target (or merge into a duplicate) — with its files, in one write as the signed-in account.
 */
export const useIntakeStore = defineStore('intake', () => {
  /** Open or awaiting cases of the same matter close in space and time to the placed point, at most 3. */
  const duplicates = computed(() => {
    const placement = usePlacementStore();
    if (!placement.point || !placement.matterCode) return [];
    return findDuplicates(
      { matterCode: placement.matterCode, location: placement.point, reportedAt: Date.now() },
      useCasesStore().queueCases,
      useSettingsStore().settings.duplicates,
    ).slice(0, 3);
  });

  /** Whether a new case is major by default (the centre's policy by urgency and matter); the operator may change it. */
  function majorByDefault(urgency: Urgency, matterCode: string | null): boolean {
    return isMajorCase(useSettingsStore().settings.majorCase, matterCode ?? '', urgency);
  }

  /** Whether intake can act at all: a point placed and someone signed in. */
  const ready = computed(() => {
    const auth = useAuthStore();
    return usePlacementStore().point !== null && auth.account !== null && auth.token !== null;
  });

  /** What is missing before the case can be created: a place inside a grid, the matter, a description. */
  function check(fields: Pick<IntakeFields, 'description'>): IntakeProblem | null {
    const placement = usePlacementStore();
    if (placement.result?.kind !== 'inside') return { key: 'intake.outside', params: {} };
    if (!placement.matterCode) return { key: 'intake.needMatter', params: {} };
    if (fields.description.trim() === '') return { key: 'intake.needDescription', params: {} };
    return null;
  }

  async function attachmentRows(
    files: readonly File[],
    accountId: string,
    now: number,
  ): Promise<AttachmentRow[] | IntakeProblem> {
    const prepared = await prepareAttachments(files);
    const rows: AttachmentRow[] = [];
    for (const p of prepared) {
      if (!p.ok) return p.refusal;
      const a = p.attachment;
      rows.push({
        id: `att-${crypto.randomUUID()}`,
        caseId: '',
        name: a.name,
        type: a.type,
        size: a.size,
        blob: a.blob,
        thumbnail: a.thumbnail,
        addedAt: now,
        addedBy: accountId,
      });
    }
    return rows;
  }

  /**
   * Creates the case as the signed-in account: reported, then as far as `mode` says (see
   * `intakeActions`), or merged into `merge.intoCaseId` instead. Call {@link check} first.
   */
  async function create(
    fields: IntakeFields,
    mode: IntakeMode,
    merge?: { readonly intoCaseId: string; readonly reason: string },
  ): Promise<IntakeOutcome> {
    const placement = usePlacementStore();
    const { account, token } = useAuthStore();
    const r = placement.result;
    const point = placement.point;
    const matterCode = placement.matterCode;
    if (!account || !token) return problem('auth.notSignedIn');
    if (!point || r?.kind !== 'inside') return problem('intake.outside');
    if (!matterCode) return problem('intake.needMatter');
    const now = Date.now();
    const rows = await attachmentRows(fields.files, account.id, now);
    if (!Array.isArray(rows)) return { ok: false, problem: rows };
    const actions = intakeActions({
      mode,
      major: fields.major,
      target: placement.target,
      attachmentIds: rows.map((row) => row.id),
      ...(merge === undefined ? {} : { merge }),
    });
    const reporter = {
      ...(fields.reporterName.trim() ? { name: fields.reporterName.trim() } : {}),
      ...(fields.reporterPhone.trim() ? { phone: fields.reporterPhone.trim() } : {}),
    };
    const outcome = await createCase(
      currentDb(),
      {
        source: fields.source,
        matterCode,
        urgency: fields.urgency,
        description: fields.description.trim(),
        address: fields.address.trim(),
        location: point,
        gridCode: r.grid.code,
        teamId: r.team.id,
        ...(fields.externalRef.trim() ? { externalRef: fields.externalRef.trim() } : {}),
        ...(Object.keys(reporter).length > 0 ? { reporter } : {}),
      },
      actions,
      token,
      now,
      { attachments: rows },
    );
    return outcome.ok ? { ok: true, kase: outcome.kase } : { ok: false, problem: outcome.reason };
  }

  return { duplicates, ready, majorByDefault, check, create };
});
