/**
 * The optional steps of setting up a centre from its own files, through centreFromFiles as the wizard
 * runs it: patrol areas from a KML of their own (grids placed by the point inside each), the boundary
 * from a Shapefile of its own (grids outside it named), a grid workers sheet, a matters sheet on top of
 * the built-in catalogue, a departments sheet bringing the phones, and the officers' device ids. The
 * files are GDAL's (scripts/make-centre-fixtures.sh), made from the sample township.
 */
import { readFileSync } from 'node:fs';
import { area } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import { readGeoFile, type GeoFeature } from '../../../../shared/import/geo';
import {
  centreFromFiles,
  guessMapping,
  type CentreFromFiles,
  type CentreFromFilesResult,
} from '../../../../shared/import/centre';
import type { TownshipDataset } from '../../../../shared/model/dataset';
import { parseDataset } from '../../../../shared/schema/parse';

const bytes = (name: string): Uint8Array =>
  new Uint8Array(readFileSync(new URL(`../../../fixtures/centre/${name}`, import.meta.url)));
const sample = JSON.parse(
  readFileSync(new URL('../../../../resources/sample/township.json', import.meta.url), 'utf8'),
) as TownshipDataset;

function features(name: string): readonly GeoFeature[] {
  const read = readGeoFile(name, bytes(name));
  if (!read.ok) throw new Error(JSON.stringify(read.errors));
  return read.features;
}
const grids = features('chenghu-grids-gk40.zip');
const areas = features('chenghu-patrol-areas.kml');
const boundary = features('chenghu-boundary-gk40.zip');
const csv = (text: string): Uint8Array => new TextEncoder().encode(text);

function input(over: Partial<CentreFromFiles> = {}): CentreFromFiles {
  return {
    centreName: '澄湖镇综合行政执法指挥中心',
    townshipName: '澄湖镇',
    countyCode: '321281',
    townshipCode: '118',
    gridsFile: 'chenghu-grids-gk40.zip',
    mapping: guessMapping('grids', grids),
    teams: { name: 'teams.xlsx', bytes: bytes('teams.xlsx') },
    officers: { name: 'officers.xlsx', bytes: bytes('officers.xlsx') },
    patrolAreas: {
      file: 'chenghu-patrol-areas.kml',
      features: areas,
      mapping: guessMapping('patrolAreas', areas),
    },
    boundary: {
      file: 'chenghu-boundary-gk40.zip',
      features: boundary,
      mapping: guessMapping('boundary', boundary),
    },
    gridWorkers: { name: 'grid-workers.xlsx', bytes: bytes('grid-workers.xlsx') },
    matters: { name: 'matters.xlsx', bytes: bytes('matters.xlsx') },
    departments: { name: 'departments.xlsx', bytes: bytes('departments.xlsx') },
    catalogue: true,
    applyRepairs: true,
    createdAt: Date.UTC(2026, 11, 2),
    ...over,
  };
}

function built(result: CentreFromFilesResult): TownshipDataset {
  if (!result.ok) throw new Error(JSON.stringify(result.problems.filter((p) => p.severity === 'error')));
  return result.dataset;
}
const errors = (result: CentreFromFilesResult) =>
  result.problems
    .filter((p) => p.severity === 'error')
    .map((p): [string, Readonly<Record<string, string | number>>] => [p.key, p.params]);

describe('the optional steps of setting up a centre', () => {
  it('takes the patrol areas, boundary, grid workers, matters and departments from their own files', () => {
    const result = centreFromFiles(grids, input());
    const d = built(result);
    // Patrol areas: the file's names, ids and colours; every grid in the area holding it.
    expect(d.patrolAreas.map((a) => [a.id, a.name, a.color])).toEqual([
      ['PQ-1', '澄湖东南片区', '#aa3377'],
      ['PQ-2', '澄湖西片区', '#228833'],
      ['PQ-3', '澄湖东北片区', '#4477aa'],
    ]);
    const sampleArea = new Map(sample.patrolAreas.map((a) => [a.id, a.name]));
    const areaName = new Map(d.patrolAreas.map((a) => [a.id, a.name]));
    expect(d.grids.map((g) => [g.code, areaName.get(g.patrolAreaId)]).sort()).toEqual(
      sample.grids.map((g) => [g.code, `澄湖${sampleArea.get(g.patrolAreaId)}`]).sort(),
    );
    // The boundary is the file's, not the grids' union.
    const m2 = (g: TownshipDataset['township']['boundary']) =>
      area(g as unknown as GeoJSON.Polygon | GeoJSON.MultiPolygon);
    expect(d.township.areaM2).toBeCloseTo(m2(sample.township.boundary), -3);
    expect(result.problems.map((p) => p.key)).not.toContain('centreImport.boundary.fromGrids');
    // Grid workers: each grid has the sample's worker, by name and phone.
    const worker = new Map(d.gridWorkers.map((w) => [w.id, `${w.name} ${w.phone}`]));
    const sampleWorker = new Map(sample.gridWorkers.map((w) => [w.id, `${w.name} ${w.phone}`]));
    expect(d.grids.map((g) => [g.code, worker.get(g.gridWorkerId)]).sort()).toEqual(
      sample.grids.map((g) => [g.code, sampleWorker.get(g.gridWorkerId)]).sort(),
    );
    expect(result.problems.map((p) => p.key)).not.toContain('centreImport.grid.noGridWorker');
    // Matters: the catalogue with two codes replaced by the sheet's rows, and two of the township's own.
    const matter = new Map(d.matters.map((m) => [m.code, m]));
    expect(d.matters).toHaveLength(sample.matters.length + 2);
    expect(matter.get('CG-001')?.limits).toEqual({ register: 1, dispatch: 1, handle: 16, verify: 4 });
    expect(matter.get('CH-001')?.name).toBe('对在澄湖湖区擅自设置渔簖网围的行政处罚');
    const police = d.departments.find((x) => x.name === '兴化市公安局');
    expect(matter.get('CH-002')?.authority).toEqual({ kind: 'department', departmentId: police?.id });
    expect(result.problems).toContainEqual({
      severity: 'warning',
      key: 'centreImport.matter.replacesCatalogue',
      params: { file: 'matters.xlsx', count: 2, codes: 'CG-001、CG-002' },
    });
    // Departments: the catalogue's ids, with the sheet's phones, and the sheet's new one.
    expect(d.departments.map((x) => [x.id, x.phone])).toEqual([
      ...sample.departments.map((x) => [x.id, x.phone]),
      [police?.id, '0523-83241110'],
    ]);
    // Officers keep their phone's device id.
    expect(d.officers.map((o) => o.deviceId)).toEqual(
      sample.officers.map((_, k) => String(861234050000000 + 7 * (k + 1))),
    );
    expect(result.ok && result.counts).toEqual({
      grids: 86,
      patrolAreas: 3,
      teams: 3,
      officers: 30,
      gridWorkers: sample.gridWorkers.length,
      matters: sample.matters.length + 2,
      departments: sample.departments.length + 1,
    });
  });

  it('names a grid in no patrol area of the file, and one in two', () => {
    // Without the second area its grids lie in none; a copy of the first area under another name and
    // team overlaps it wholly, so its grids lie in two.
    const [first, , third] = areas as [GeoFeature, GeoFeature, GeoFeature];
    const mapping = guessMapping('patrolAreas', areas);
    const twin = {
      ...first,
      properties: { ...first.properties, [mapping.name ?? '']: '重叠片区', [mapping.id ?? '']: 'PQ-9' },
    };
    const result = centreFromFiles(
      grids,
      input({
        patrolAreas: {
          file: 'pq.kml',
          features: [first, third, twin],
          mapping,
        },
      }),
    );
    expect(result.ok).toBe(false);
    const sampleOf = (name: string) => sample.patrolAreas.find((a) => a.name === name)?.id;
    const inArea = (id: string | undefined) => sample.grids.filter((g) => g.patrolAreaId === id);
    const keyed = (key: string) => errors(result).filter(([k]) => k === key);
    const outside = keyed('centreImport.grid.outsidePatrolAreas');
    expect(outside.map(([, p]) => p['code']).sort()).toEqual(
      inArea(sampleOf('西片区'))
        .map((g) => g.code)
        .sort(),
    );
    expect(outside[0]?.[1]).toMatchObject({ file: 'chenghu-grids-gk40.zip', feature: expect.any(Number) });
    const inTwo = keyed('centreImport.grid.inTwoPatrolAreas');
    expect(inTwo.map(([, p]) => p['code']).sort()).toEqual(
      inArea(sampleOf('东南片区'))
        .map((g) => g.code)
        .sort(),
    );
    expect(inTwo[0]?.[1]).toMatchObject({ patrolArea: '澄湖东南片区', otherPatrolArea: '重叠片区' });
    // The overlap itself is named in the patrol-area file.
    expect(keyed('centreImport.patrolArea.overlap')[0]?.[1]).toMatchObject({ file: 'pq.kml' });
  });

  it('names the grids outside a boundary file', () => {
    // The boundary of one patrol area: the other areas' grids lie outside it.
    const result = centreFromFiles(
      grids,
      input({ boundary: { file: 'small.kml', features: [areas[0] as GeoFeature], mapping: {} } }),
    );
    expect(result.ok).toBe(false);
    const outside = errors(result).filter(([k]) => k === 'centreImport.grid.outsideBoundary');
    const firstArea = sample.patrolAreas[0]?.id;
    expect(outside.map(([, p]) => p['code']).sort()).toEqual(
      sample.grids
        .filter((g) => g.patrolAreaId !== firstArea)
        .map((g) => g.code)
        .sort(),
    );
    expect(outside[0]?.[1]).toMatchObject({ file: 'chenghu-grids-gk40.zip', feature: expect.any(Number) });
  });

  it('names a grid worker row whose grid is unknown or already another worker’s', () => {
    const [a, b] = sample.grids as [TownshipDataset['grids'][number], TownshipDataset['grids'][number]];
    const sheet = csv(
      `姓名,电话,负责网格编码\n王芳,13800000001,${a.code}、321281118999999\n李强,13800000002,${b.code}、${a.code}\n赵敏,13800000003,\n`,
    );
    const result = centreFromFiles(grids, input({ gridWorkers: { name: '网格员.csv', bytes: sheet } }));
    expect(result.ok).toBe(false);
    expect(errors(result)).toEqual([
      [
        'centreImport.gridWorker.unknownGrid',
        { file: '网格员.csv', row: 2, field: '负责网格编码', code: '321281118999999' },
      ],
      [
        'centreImport.gridWorker.gridTwice',
        { file: '网格员.csv', row: 3, field: '负责网格编码', code: a.code, firstRow: 2 },
      ],
    ]);
    expect(result.problems).toContainEqual({
      severity: 'warning',
      key: 'centreImport.gridWorker.noGrid',
      params: { file: '网格员.csv', row: 4, name: '赵敏' },
    });
  });

  it('refuses two officers with one device id, naming the sheet, row and column', () => {
    const sheet = csv(
      '姓名,执法证号,所属中队,手机号码,设备号\n' +
        sample.officers
          .map((o, k) => {
            const team = sample.teams.find((t) => t.id === o.teamId)?.name ?? '';
            const cert = o.kind === 'certified' ? o.certificateNo : '辅助人员';
            return `${o.name},${cert},${team},${o.phone},${k === 5 ? '8600001' : k === 2 ? '8600001' : `86${k}`}`;
          })
          .join('\n'),
    );
    const result = centreFromFiles(grids, input({ officers: { name: '人员.csv', bytes: sheet } }));
    expect(errors(result)).toContainEqual([
      'centreTables.duplicateDevice',
      expect.objectContaining({ file: '人员.csv', row: 7, column: '设备号', firstRow: 4 }),
    ]);
  });

  it('takes the matters sheet alone, without the catalogue, with the departments sheet', () => {
    const d = built(centreFromFiles(grids, input({ catalogue: false })));
    expect(d.matters.map((m) => m.code)).toEqual(['CG-001', 'CG-002', 'CH-001', 'CH-002']);
    expect(d.departments).toHaveLength(sample.departments.length + 1);
  });

  it('keeps the device ids through the dataset check, and refuses one device id on two officers', () => {
    const d = built(centreFromFiles(grids, input()));
    const parsed = parseDataset(JSON.parse(JSON.stringify(d)), 'backup.json');
    expect(parsed.ok && parsed.dataset.officers.map((o) => o.deviceId)).toEqual(
      d.officers.map((o) => o.deviceId),
    );
    const twice = {
      ...d,
      officers: d.officers.map((o, k) => (k === 3 ? { ...o, deviceId: d.officers[1]?.deviceId } : o)),
    };
    const refused = parseDataset(JSON.parse(JSON.stringify(twice)), 'backup.json');
    expect(refused.ok).toBe(false);
    expect(!refused.ok && refused.errors.map((e) => [e.key, e.params])).toEqual([
      [
        'dataset.duplicateKey',
        expect.objectContaining({ keyField: 'deviceId', value: d.officers[1]?.deviceId }),
      ],
    ]);
  });
});
