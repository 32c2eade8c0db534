/**
 * Settings of a command centre (中心设置) that change how cases are judged: the working calendar the
 * time limits count on, which cases are major (重大案件, dispatch needs the shift leader's approval),
 * and when two reports count as possible duplicates. Kept in the local database; only a shift leader
 * may change them.
 */
import { z } from 'zod';
import { URGENCIES, type Urgency } from '../model/case';
import { DEFAULT_CALENDAR, validateCalendar, type WorkingCalendar } from '../calendar';
import { DEFAULT_DUPLICATE_OPTIONS } from '../cases/duplicates';
import { DEFAULT_EVIDENCE_SETTINGS, type EvidenceSettings } from '../cases/evidence';
import { MATTER_DOMAINS } from '../model/matter';

export interface MajorCasePolicy {
  /** Urgencies that make any case major, e.g. 特急. */
  readonly urgencies: readonly Urgency[];
  /** Matter codes whose cases are always major (e.g. 强制拆除). */
  readonly matterCodes: readonly string[];
}

export interface CentreSettings {
  readonly calendar: WorkingCalendar;
  readonly majorCase: MajorCasePolicy;
  readonly duplicates: { readonly maxDistanceM: number; readonly maxHoursApart: number };
  /** What each step must carry (shared/cases/evidence.ts). */
  readonly evidence: EvidenceSettings;
}

export const DEFAULT_CENTRE_SETTINGS: CentreSettings = {
  calendar: DEFAULT_CALENDAR,
  majorCase: { urgencies: ['critical'], matterCodes: [] },
  duplicates: { ...DEFAULT_DUPLICATE_OPTIONS },
  evidence: DEFAULT_EVIDENCE_SETTINGS,
};

const photos = z.number().int().min(0).max(20);
const evidenceRuleSchema = z.strictObject({ feedbackPhotos: photos, verifyPhotos: photos });

const otherSettingsSchema = z.strictObject({
  majorCase: z.strictObject({
    urgencies: z.array(z.enum(URGENCIES)),
    matterCodes: z.array(z.string().min(1)),
  }),
  duplicates: z.strictObject({
    maxDistanceM: z.number().positive().max(5000),
    maxHoursApart: z
      .number()
      .positive()
      .max(24 * 30),
  }),
  // Settings saved before evidence rules existed have none: they get the defaults.
  evidence: z
    .strictObject({
      separateVerifier: z.boolean(),
      byDomain: z.partialRecord(z.enum(MATTER_DOMAINS), evidenceRuleSchema),
      byMatter: z.record(z.string().min(1), evidenceRuleSchema),
    })
    .default(DEFAULT_EVIDENCE_SETTINGS),
});

export interface SettingsIssue {
  /** Dotted path of the field, e.g. "calendar.holidays[3]" or "duplicates.maxDistanceM". */
  readonly field: string;
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
}

/**
 * Checks settings from the settings dialog or the database. Matter codes must exist in `matterCodes`.
 * Each problem names its field.
 */
export function validateCentreSettings(
  input: unknown,
  knownMatterCodes: ReadonlySet<string>,
):
  | { readonly ok: true; readonly settings: CentreSettings }
  | { readonly ok: false; readonly issues: SettingsIssue[] } {
  const record = typeof input === 'object' && input !== null ? (input as Record<string, unknown>) : {};
  const issues: SettingsIssue[] = [];
  const calendar = validateCalendar(record.calendar);
  if (!calendar.ok) {
    for (const issue of calendar.issues) {
      issues.push({ field: `calendar.${issue.field}`, key: issue.key, params: issue.params });
    }
  }
  const { calendar: _calendar, ...rest } = record;
  const other = otherSettingsSchema.safeParse(rest);
  if (!other.success) {
    for (const issue of other.error.issues) {
      const field = issue.path.join('.');
      issues.push({ field, key: 'settings.invalid', params: { field, detail: issue.message } });
    }
  } else {
    other.data.majorCase.matterCodes.forEach((code, index) => {
      if (!knownMatterCodes.has(code)) {
        const field = `majorCase.matterCodes[${index}]`;
        issues.push({ field, key: 'settings.unknownMatter', params: { field, code } });
      }
    });
    for (const code of Object.keys(other.data.evidence.byMatter)) {
      if (!knownMatterCodes.has(code)) {
        const field = `evidence.byMatter.${code}`;
        issues.push({ field, key: 'settings.unknownMatter', params: { field, code } });
      }
    }
  }
  if (issues.length > 0 || !calendar.ok || !other.success) return { ok: false, issues };
  return { ok: true, settings: { calendar: calendar.calendar, ...other.data } };
}

/** Whether a case of this matter and urgency is major under the centre's policy. */
export function isMajorCase(policy: MajorCasePolicy, matterCode: string, urgency: Urgency): boolean {
  return policy.urgencies.includes(urgency) || policy.matterCodes.includes(matterCode);
}
