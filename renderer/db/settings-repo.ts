import {
  DEFAULT_CENTRE_SETTINGS,
  validateCentreSettings,
  type CentreSettings,
  type SettingsIssue,
} from '../../shared/settings/centre-settings';
import type { GridDeskDb } from './database';
import { sessionLeader, type SessionToken } from './sessions';

async function matterCodes(db: GridDeskDb): Promise<Set<string>> {
  return new Set((await db.matters.toCollection().primaryKeys()) as string[]);
}

/** The stored settings, or the defaults when none are stored (or what is stored no longer validates). */
export async function loadSettings(db: GridDeskDb): Promise<CentreSettings> {
  const row = await db.meta.get('settings');
  if (row?.key !== 'settings') return DEFAULT_CENTRE_SETTINGS;
  const checked = validateCentreSettings(row.value, await matterCodes(db));
  if (!checked.ok) {
    console.warn('[settings] stored settings are invalid; using the defaults', checked.issues);
    return DEFAULT_CENTRE_SETTINGS;
  }
  return checked.settings;
}

export type SaveSettingsResult =
  | { readonly ok: true; readonly settings: CentreSettings }
  | { readonly ok: false; readonly issues: readonly SettingsIssue[] };

/**
 * Saves new settings by the account signed in as `session`. Only an enabled shift leader may, checked
 * in the write transaction; the settings are validated first and each problem names its field.
 * Nothing is written when anything is wrong.
 */
export async function saveSettings(
  db: GridDeskDb,
  input: unknown,
  session: SessionToken,
): Promise<SaveSettingsResult> {
  return db.transaction('rw', db.meta, db.matters, db.accounts, async () => {
    const found = await sessionLeader(db, session, 'settings.leaderOnly');
    if (!found.ok) return { ok: false, issues: [{ field: '', ...found.refusal }] };
    const checked = validateCentreSettings(input, await matterCodes(db));
    if (!checked.ok) return checked;
    await db.meta.put({ key: 'settings', value: checked.settings });
    return checked;
  });
}
