/**
 * Test helper: a workstation database with the fixture township, an operator and a shift leader
 * signed in, one new case registered by the operator with a photo, and settings saved by the leader;
 * and its backup as it travels (packed into a ZIP and unpacked again).
 */
import { DEFAULT_CENTRE_SETTINGS } from '../../shared/settings/centre-settings';
import type { TownshipDataset } from '../../shared/model/dataset';
import { packBackup, unpackBackup } from '../../shared/backup/archive';
import type { GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { createCase } from './case-actions';
import { exportBackup } from './backup-repo';
import { saveSettings } from './settings-repo';
import type { SessionToken } from './sessions';
import { addAccount, signInAs } from './test-accounts';

export interface Workstation {
  readonly db: GridDeskDb;
  readonly op: SessionToken;
  readonly lead: SessionToken;
  readonly caseId: string;
}

/**
 * Fills `db` with `dataset`, accounts `<prefix>op` (operator) and `<prefix>lead` (leader), a case
 * reported and registered by the operator at `now` with attachment `<prefix>att`, and settings whose
 * duplicate distance is `distanceM`.
 */
export async function makeWorkstation(
  db: GridDeskDb,
  dataset: TownshipDataset,
  options: { readonly prefix?: string; readonly now: number; readonly distanceM?: number },
): Promise<Workstation> {
  const prefix = options.prefix ?? '';
  await replaceDataset(db, dataset);
  await addAccount(db, `${prefix}op`, 'operator', { displayName: `值班员 ${prefix}王丽` });
  await addAccount(db, `${prefix}lead`, 'leader', { displayName: `带班领导 ${prefix}陈刚` });
  const op = await signInAs(db, `${prefix}op`);
  const lead = await signInAs(db, `${prefix}lead`);
  const [matter, kase, grid] = [dataset.matters[0], dataset.cases[0], dataset.grids[0]];
  if (!matter || !kase || !grid) throw new Error('the dataset needs a matter, a case and a grid');
  const note = { type: 'note', payload: { text: '现场照片', attachmentIds: [`${prefix}att`] } } as const;
  const created = await createCase(
    db,
    {
      source: 'hotline',
      matterCode: matter.code,
      urgency: 'normal',
      description: `${prefix}占道经营`,
      address: '新安街道 8 号',
      location: kase.location,
      gridCode: grid.code,
      teamId: 'team-1',
    },
    [{ type: 'register', payload: {} }, note],
    op,
    options.now,
    {
      attachments: [
        {
          id: `${prefix}att`,
          caseId: 'new',
          name: '现场.jpg',
          type: 'image/jpeg',
          size: 4,
          blob: new Blob([new Uint8Array([0xff, 0xd8, 0xff, 0xd9])], { type: 'image/jpeg' }),
          thumbnail: null,
          addedAt: options.now,
          addedBy: `${prefix}op`,
        },
      ],
    },
  );
  if (!created.ok) throw new Error(`create failed: ${created.reason.key}`);
  const settings = {
    ...DEFAULT_CENTRE_SETTINGS,
    duplicates: { ...DEFAULT_CENTRE_SETTINGS.duplicates, maxDistanceM: options.distanceM ?? 150 },
  };
  const saved = await saveSettings(db, settings, lead);
  if (!saved.ok) throw new Error('settings not saved');
  return { db, op, lead, caseId: created.kase.id };
}

/** The leader's backup of `station` as it travels: backup.json parsed again, and the other entries. */
export async function travelledBackup(
  station: Workstation,
  now: number,
): Promise<{ readonly json: Record<string, unknown>; readonly files: ReadonlyMap<string, Uint8Array> }> {
  const made = await exportBackup(station.db, station.lead, now);
  if (!made.ok) throw new Error(`export refused: ${made.refusal.key}`);
  const unpacked = unpackBackup(packBackup(made.backup, made.files));
  if (unpacked === null) throw new Error('the archive did not unpack');
  return { json: unpacked.json as Record<string, unknown>, files: unpacked.files };
}

/** Size of each archive entry, by path (what parseBackup checks attachments against). */
export function entrySizes(files: ReadonlyMap<string, Uint8Array>): Map<string, number> {
  return new Map([...files].map(([path, bytes]) => [path, bytes.length]));
}
