import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { centreFromFiles, guessMapping, type CentreFromFiles } from '../../../../shared/import/centre';
import { readGeoFile } from '../../../../shared/import/geo';

const bytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/centre/${name}`, import.meta.url)));

const read = readGeoFile('chenghu-grids-gk40.zip', bytes('chenghu-grids-gk40.zip'));
if (!read.ok) throw new Error('fixture');
const input: CentreFromFiles = {
  centreName: '澄湖镇综合行政执法指挥中心',
  townshipName: '澄湖镇',
  countyCode: '321281',
  townshipCode: '118',
  gridsFile: 'chenghu-grids-gk40.zip',
  mapping: guessMapping('grids', read.features),
  teams: { name: 'teams.xlsx', bytes: bytes('teams.xlsx') },
  officers: { name: 'officers.xlsx', bytes: bytes('officers.xlsx') },
  catalogue: true,
  applyRepairs: true,
  createdAt: Date.UTC(2026, 11, 2),
};

describe('a centre from its own files, as the wizard builds it', () => {
  it('gives the dataset with its counts when no step finds an error', () => {
    const result = centreFromFiles(read.features, input);
    if (!result.ok) throw new Error(JSON.stringify(result.problems.filter((p) => p.severity === 'error')));
    expect(result.counts).toEqual({
      grids: 86,
      patrolAreas: 3,
      teams: 3,
      officers: 30,
      gridWorkers: 0,
      matters: 110,
      departments: 12,
    });
    expect(result.dataset.meta).toMatchObject({ label: '澄湖镇综合行政执法指挥中心', synthetic: false });
    expect(result.dataset.matters.length).toBeGreaterThan(100);
  });

  it('refuses, naming the file, when the grids name a team the teams sheet does not have', () => {
    const csv = '中队名称,中队长,值班电话\n第一中队,陈亮燕,051288001234\n';
    const result = centreFromFiles(read.features, {
      ...input,
      teams: { name: '中队.csv', bytes: new TextEncoder().encode(csv) },
    });
    expect(result.ok).toBe(false);
    const errors = result.problems.filter((p) => p.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.every((e) => typeof e.params['file'] === 'string')).toBe(true);
    expect(errors.map((e) => e.params['file'])).toEqual(expect.arrayContaining(['officers.xlsx']));
  });
});
