/**
 * A centre set up from its own files, every step as the wizard runs it: the grids from a GBK Shapefile
 * in CGCS2000 Gauss-Kruger zone 40 written by ogr2ogr, teams and officers from XLSX sheets written by
 * GDAL, the built-in matter catalogue, assembled, and written into a new centre by its shift leader.
 * The township that comes out is the sample's own: same grid codes, names, patrol areas and teams.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readGeoFile } from '../../../../shared/import/geo';
import { centreFromFiles, guessMapping } from '../../../../shared/import/centre';
import { createGridLocator } from '../../../../shared/spatial';
import { interiorPoint } from '../../../../shared/import/centre/interior-point';
import { currentCentre, openCentres } from '../../../../renderer/db/centres';
import { GridDeskDb } from '../../../../renderer/db/database';
import { loadDataset, setUpCentreDataset } from '../../../../renderer/db/dataset-repo';
import { createCentre } from '../../../../renderer/db/new-centre';
import { openSession } from '../../../../renderer/db/sessions';

const fixture = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/centre/${name}`, import.meta.url)));
const sample = JSON.parse(
  readFileSync(new URL('../../../../resources/sample/township.json', import.meta.url), 'utf8'),
) as {
  grids: { code: string; name: string; patrolAreaId: string }[];
  patrolAreas: { id: string; name: string; teamId: string }[];
  teams: { id: string; name: string }[];
  officers: { name: string }[];
};

describe('a centre set up from its own files', () => {
  it('gives the township the files describe, grid by grid, and a case lands in the right grid and team', async () => {
    const read = readGeoFile('chenghu-grids-gk40.zip', fixture('chenghu-grids-gk40.zip'));
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.crs.detected).toMatchObject({ epsg: 4528 });
    expect(read.encoding).toMatchObject({ name: 'gbk', guessed: false });
    const mapping = guessMapping('grids', read.features);
    expect(mapping).toMatchObject({ code: 'WGBM', name: 'WGMC', patrolArea: 'PQMC', team: 'ZD' });
    const assembled = centreFromFiles(read.features, {
      centreName: '澄湖镇综合行政执法指挥中心',
      townshipName: '澄湖镇',
      countyCode: '321281',
      townshipCode: '118',
      gridsFile: 'chenghu-grids-gk40.zip',
      mapping,
      teams: { name: 'teams.xlsx', bytes: fixture('teams.xlsx') },
      officers: { name: 'officers.xlsx', bytes: fixture('officers.xlsx') },
      catalogue: true,
      applyRepairs: true,
      createdAt: Date.UTC(2026, 11, 2),
    });
    if (!assembled.ok)
      throw new Error(JSON.stringify(assembled.problems.filter((p) => p.severity === 'error')));

    // Written into a new centre by its first shift leader.
    const registry = openCentres('own-files-centres');
    await currentCentre(registry, 0);
    const made = await createCentre(
      registry,
      { id: 'ws-own-files', createdAt: 0 },
      {
        name: '澄湖镇综合行政执法指挥中心',
        townshipName: '澄湖镇',
        divisionCode: '321281118',
        leader: { username: 'lead', displayName: '陈刚', password: 'Chenghu-2026-lead' },
      },
      0,
      { iterations: 1000 },
    );
    if (!made.ok) throw new Error('centre');
    const db = new GridDeskDb(made.centre.dbName);
    const session = await openSession(db, 'lead', 'Chenghu-2026-lead');
    if (!session.ok) throw new Error('sign-in');
    expect(
      (await setUpCentreDataset(db, session.token, assembled.dataset, [], Date.UTC(2026, 11, 2))).ok,
    ).toBe(true);
    const stored = await loadDataset(db);
    if (!stored) throw new Error('nothing stored');

    // Grid by grid the sample's: code, name, patrol area name and team name.
    const sampleArea = new Map(sample.patrolAreas.map((p) => [p.id, p]));
    const sampleTeam = new Map(sample.teams.map((t) => [t.id, t.name]));
    const want = sample.grids.map((g) => {
      const area = sampleArea.get(g.patrolAreaId)!;
      return [g.code, g.name, area.name, sampleTeam.get(area.teamId)];
    });
    const area = new Map(stored.patrolAreas.map((p) => [p.id, p]));
    const team = new Map(stored.teams.map((t) => [t.id, t.name]));
    const got = stored.grids.map((g) => {
      const a = area.get(g.patrolAreaId)!;
      return [g.code, g.name, a.name, team.get(a.teamId)];
    });
    expect(got.sort()).toEqual(want.sort());
    expect(stored.officers.map((o) => o.name).sort()).toEqual(sample.officers.map((o) => o.name).sort());

    // A point inside a stored grid is placed in it by the locator, and so in its team.
    const locator = createGridLocator(stored.grids.map((g) => ({ code: g.code, geometry: g.geometry })));
    for (const grid of [stored.grids[0]!, stored.grids[40]!, stored.grids.at(-1)!]) {
      const [lon, lat] = interiorPoint(grid.geometry);
      expect(locator.locate(lon, lat)).toMatchObject({ kind: 'inside', code: grid.code });
    }
    db.close();
    await db.delete();
    await registry.delete();
  });
});
