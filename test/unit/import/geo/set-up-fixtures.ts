/**
 * Test helpers: a new, empty centre with its first shift leader (as 新建中心 makes it, in
 * fake-indexeddb), and the chenghu set-up's files (test/fixtures/centre, written by GDAL) read and
 * built in the geographic import worker's service, as the wizard's check leaves them.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { guessMapping, type FieldMapping } from '../../../../shared/import/centre';
import type { GeoReadOptions } from '../../../../shared/import/geo';
import { currentCentre, openCentres } from '../../../../renderer/db/centres';
import { GridDeskDb } from '../../../../renderer/db/database';
import { createCentre } from '../../../../renderer/db/new-centre';
import { openSession, type SessionToken } from '../../../../renderer/db/sessions';
import {
  createGeoImportService,
  type CentreBuild,
  type GeoImportService,
} from '../../../../renderer/geo-import/geo-import-service';

export const SET_UP_NOW = Date.UTC(2026, 11, 2, 4, 0);

export const centreFixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(fileURLToPath(new URL(`../../../fixtures/centre/${name}`, import.meta.url))));

let serial = 0;

/** A new centre for 澄湖镇 (321281 118), signed in as its leader 陈刚. */
export async function newChenghuCentre(): Promise<{
  readonly db: GridDeskDb;
  readonly leader: SessionToken;
  drop(): Promise<void>;
}> {
  const registry = openCentres(`set-up-test-${serial++}-${Math.random()}`);
  await currentCentre(registry, SET_UP_NOW);
  const password = 'Chenghu-2026-leader';
  const made = await createCentre(
    registry,
    { id: 'ws-test-1', createdAt: SET_UP_NOW - 1000 },
    {
      name: '澄湖镇综合行政执法指挥中心',
      townshipName: '澄湖镇',
      divisionCode: '321281118',
      leader: { username: 'chen.gang', displayName: '陈刚', password },
    },
    SET_UP_NOW,
    { iterations: 1000 },
  );
  if (!made.ok) throw new Error(JSON.stringify(made.issues));
  const db = new GridDeskDb(made.centre.dbName);
  const opened = await openSession(db, 'chen.gang', password);
  if (!opened.ok) throw new Error('not signed in');
  return {
    db,
    leader: opened.token,
    async drop() {
      db.close();
      await db.delete();
      await registry.delete();
    },
  };
}

/** Reads `gridsFile` (a chenghu fixture) into a fresh service and builds the set-up with its sheets. */
export async function builtChenghu(
  gridsFile = 'chenghu-grids-gk40.zip',
  options: GeoReadOptions = {},
  name = gridsFile,
): Promise<{ readonly service: GeoImportService; readonly built: CentreBuild }> {
  const service = createGeoImportService();
  const read = await service.read(new Blob([centreFixture(gridsFile)]), name, options);
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  const built = await service.build({
    centreName: '澄湖镇综合行政执法指挥中心',
    townshipName: '澄湖镇',
    countyCode: '321281',
    townshipCode: '118',
    gridsFile: name,
    mapping: guessMapping('grids', read.summary.preview) as FieldMapping<'grids'>,
    teams: { name: 'teams.xlsx', bytes: centreFixture('teams.xlsx') },
    officers: { name: 'officers.xlsx', bytes: centreFixture('officers.xlsx') },
    catalogue: true,
    applyRepairs: true,
    createdAt: SET_UP_NOW,
  });
  return { service, built };
}
