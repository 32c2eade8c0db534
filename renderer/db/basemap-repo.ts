/**
 * The centre's basemap settings (shared/tiles/basemaps.ts), kept in its `meta`: anyone signed in reads
 * them to draw the map; only an enabled shift leader changes them, checked in the write transaction.
 */
import {
  DEFAULT_BASEMAP_SETTINGS,
  basemapSettingsSchema,
  checkBasemapSettings,
  type BasemapSettings,
  type BasemapSettingsIssue,
} from '../../shared/tiles/basemaps';
import type { GridDeskDb } from './database';
import { sessionLeader, type SessionToken } from './sessions';

export async function loadBasemapSettings(db: GridDeskDb): Promise<BasemapSettings> {
  const row = await db.meta.get('basemaps');
  if (row?.key !== 'basemaps') return DEFAULT_BASEMAP_SETTINGS;
  const parsed = basemapSettingsSchema.safeParse(row.value);
  return parsed.success ? parsed.data : DEFAULT_BASEMAP_SETTINGS;
}

export type SaveBasemapResult =
  | { readonly ok: true; readonly settings: BasemapSettings }
  | {
      readonly ok: false;
      readonly issues: readonly (BasemapSettingsIssue | { field: ''; key: string; params: object })[];
    };

export async function saveBasemapSettings(
  db: GridDeskDb,
  input: BasemapSettings,
  session: SessionToken,
): Promise<SaveBasemapResult> {
  return db.transaction('rw', db.meta, db.accounts, async () => {
    const found = await sessionLeader(db, session, 'basemap.settings.leaderOnly');
    if (!found.ok) return { ok: false, issues: [{ field: '' as const, ...found.refusal }] };
    const checked = checkBasemapSettings(input);
    if (!checked.ok) return checked;
    await db.meta.put({ key: 'basemaps', value: checked.settings });
    return checked;
  });
}
