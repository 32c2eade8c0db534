/**
 * The centre's phones (终端定位, shared/positions/feed.ts): whether this workstation listens for their
 * reports, on which port and for whom, and which device is which officer's. Kept in the centre's
 * `meta`; anyone signed in reads it, only an enabled shift leader changes it, checked in the write
 * transaction against the stored account and the stored officers.
 */
import {
  checkFeedConfig,
  DEFAULT_FEED_CONFIG,
  positionFeedConfigSchema,
  type FeedConfigIssue,
  type PositionFeedConfig,
} from '../../shared/positions/feed';
import type { GridDeskDb } from './database';
import { sessionLeader, type SessionToken } from './sessions';

export async function loadFeedConfig(db: GridDeskDb): Promise<PositionFeedConfig> {
  const row = await db.meta.get('positionFeed');
  if (row?.key !== 'positionFeed') return DEFAULT_FEED_CONFIG;
  const parsed = positionFeedConfigSchema.safeParse(row.value);
  return parsed.success ? parsed.data : DEFAULT_FEED_CONFIG;
}

export type SaveFeedResult =
  | { readonly ok: true; readonly config: PositionFeedConfig }
  | {
      readonly ok: false;
      readonly issues: readonly (FeedConfigIssue | { row: null; field: ''; key: string; params: object })[];
    };

export async function saveFeedConfig(
  db: GridDeskDb,
  input: PositionFeedConfig,
  session: SessionToken,
): Promise<SaveFeedResult> {
  return db.transaction('rw', db.meta, db.accounts, db.officers, async () => {
    const found = await sessionLeader(db, session, 'phones.leaderOnly');
    if (!found.ok) return { ok: false, issues: [{ row: null, field: '' as const, ...found.refusal }] };
    const officers = new Set((await db.officers.toCollection().primaryKeys()) as string[]);
    const checked = checkFeedConfig(input, officers);
    if (!checked.ok) return checked;
    await db.meta.put({ key: 'positionFeed', value: checked.config });
    return checked;
  });
}
