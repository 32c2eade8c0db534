/**
 * The centre's phones (终端定位, shared/positions/feed.ts): whether this workstation listens for their
 * reports, on which port and for whom, which device is which officer's, and after how long without a
 * fix an officer is 离线. Kept in the centre's `meta`; anyone signed in reads it, only an enabled shift
 * leader changes it, checked in the write transaction against the stored account and the stored
 * officers.
 */
import {
  checkFeedConfig,
  DEFAULT_FEED_CONFIG,
  positionFeedConfigSchema,
  type FeedConfigIssue,
  type PositionFeedConfig,
} from '../../shared/positions/feed';
import type { Officer } from '../../shared/model/organisation';
import type { GridDeskDb } from './database';
import { sessionLeader, type SessionToken } from './sessions';

export async function loadFeedConfig(db: GridDeskDb): Promise<PositionFeedConfig> {
  const row = await db.meta.get('positionFeed');
  if (row?.key !== 'positionFeed') return DEFAULT_FEED_CONFIG;
  const parsed = positionFeedConfigSchema.safeParse(row.value);
  return parsed.success ? parsed.data : DEFAULT_FEED_CONFIG;
}

export type SaveFeedResult =
  | {
      readonly ok: true;
      readonly config: PositionFeedConfig;
      /** The roster after the write, when it changed it (see {@link saveFeedConfig}). */
      readonly officers?: readonly Officer[];
    }
  | {
      readonly ok: false;
      readonly issues: readonly (FeedConfigIssue | { row: null; field: ''; key: string; params: object })[];
    };

/**
 * Stores a shift leader's configuration, checked. In the sample centre (a synthetic dataset, whose
 * officers walk by the patrol simulator) an officer newly bound to a phone loses the simulated
 * position in the same transaction: from then on their position is what their phone reports (the
 * simulator leaves them alone), and until it does they are 离线. A real centre's positions are kept.
 */
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
    const before = await loadFeedConfig(db);
    await db.meta.put({ key: 'positionFeed', value: checked.config });
    const dataset = await db.meta.get('dataset');
    if (dataset?.key !== 'dataset' || !dataset.value.synthetic) return checked;
    const was = new Set(before.bindings.map((b) => b.officerId));
    const simulated = (await db.officers.bulkGet(checked.config.bindings.map((b) => b.officerId))).filter(
      (o): o is Officer => o !== undefined && !was.has(o.id) && o.position !== undefined,
    );
    if (simulated.length === 0) return checked;
    await db.officers.bulkPut(
      simulated.map(({ position: _p, positionAt: _at, battery: _b, accuracy: _a, ...rest }) => rest),
    );
    return { ...checked, officers: await db.officers.toArray() };
  });
}
