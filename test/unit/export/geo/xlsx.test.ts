// Officers and cases as Excel sheets, read back with the reader the 12345 import uses.
import { describe, expect, it } from 'vitest';
import {
  casesLayer,
  csvGeometry,
  gridsLayer,
  officersLayer,
  writeLayerXlsx,
  type ExportLayer,
} from '../../../../shared/export/geo';
import { readXlsx } from '../../../../shared/import/xlsx';
import { generateTownship, SAMPLE_SEED } from '../../../../shared/sample';
import { labels } from './support';

const dataset = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });

function readBack(layer: ExportLayer, locale: 'zh-CN' | 'en', sheet: string) {
  const written = writeLayerXlsx(layer.features, layer.columns, csvGeometry(layer, labels(locale)), sheet);
  if (!written.ok) throw new Error(JSON.stringify(written.errors));
  const read = readXlsx(written.bytes, `${sheet}.xlsx`);
  if (!read.ok) throw new Error(`unreadable: ${JSON.stringify(read)}`);
  return read;
}

describe('XLSX export', () => {
  it('gives back every officer with team name, kind and position under Chinese headers', () => {
    const layer = officersLayer(dataset, labels('zh-CN'));
    const read = readBack(layer, 'zh-CN', '执法人员');
    expect(read.sheetName).toBe('执法人员');
    const [header, ...rows] = read.records.map((r) => r.cells);
    expect(header).toEqual([
      '人员编号',
      '姓名',
      '人员类别',
      '执法证号',
      '所属中队',
      '联系电话',
      '状态',
      '终端编号',
      '经度',
      '纬度',
    ]);
    expect(rows).toHaveLength(dataset.officers.length);
    const o = dataset.officers[0]!;
    expect(rows[0]!.slice(0, 2)).toEqual([o.id, o.name]);
    expect(rows[0]![4]).toBe(dataset.teams.find((t) => t.id === o.teamId)!.name);
    if (o.position !== undefined) expect(rows[0]!.slice(8)).toEqual([...o.position]);
  });

  it('gives back cases with their numbers, stages and centre-zone times under English headers', () => {
    const cases = dataset.cases.slice(0, 200);
    const layer = casesLayer(cases, dataset, labels('en'), 'Asia/Shanghai');
    const read = readBack(layer, 'en', 'cases');
    const [header, ...rows] = read.records.map((r) => r.cells);
    expect(header!.slice(0, 4)).toEqual(['case_no', 'stage', 'source', 'urgency']);
    expect(header!.slice(-2)).toEqual(['lon', 'lat']);
    expect(rows.map((r) => r[0])).toEqual(cases.map((c) => c.caseNo));
    expect(rows.map((r) => r[1])).toEqual(cases.map((c) => labels('en').stage(c.stage)));
    expect(rows[0]![10]).toBe(layer.features[0]!.properties.reportedAt);
  });

  it('writes grids with a WKT column', () => {
    const read = readBack(gridsLayer(dataset, labels('zh-CN')), 'zh-CN', '网格');
    const [header, first] = read.records.map((r) => r.cells);
    expect(header!.at(-1)).toBe('WKT');
    expect(String(first!.at(-1))).toMatch(/^(MULTI)?POLYGON \(/);
  });
});
