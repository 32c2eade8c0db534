import { describe, expect, it } from 'vitest';
import { wgs84ToBd09, wgs84ToGcj02 } from '../geo/coord-systems';
import { sampleMatterCatalogue } from '../sample/matters';
import { convertRows, missingMappedFields, parseUrgency } from './convert';
import { categoryKey } from './category-match';
import { guessMapping } from './mapping';
import { tableFromRecords } from './table';
import type { CellValue, ImportTable } from './table-types';

const matters = sampleMatterCatalogue().map((entry) => entry.matter);
const HEADERS = [
  '工单编号',
  '来电时间',
  '诉求内容',
  '事发地址',
  '经度',
  '纬度',
  '诉求分类',
  '紧急程度',
  '来电人',
  '联系电话',
];

function table(rows: readonly (readonly CellValue[])[]): ImportTable {
  const records = [HEADERS, ...rows].map((cells, k) => ({ rowNumber: k + 1, cells }));
  const result = tableFromRecords('热线.csv', 'csv', 'utf-8', records);
  if (result === null) throw new Error('no table');
  return result;
}

const mapping = guessMapping(HEADERS);
const point = [119.99, 32.86] as const;

describe('convertRows', () => {
  it('converts a complete row, turning GCJ-02 into WGS84 and China time into epoch ms', () => {
    const [lon, lat] = wgs84ToGcj02(point);
    const result = convertRows(
      table([
        [
          'T1',
          '2026-11-20 09:15',
          ' 占道摆摊 ',
          '人民路8号',
          lon,
          lat,
          'CG-001',
          '特急',
          '张三',
          '13800000000',
        ],
      ]),
      mapping,
      { coordSystem: 'gcj02', matters },
    );
    expect(result.rejected).toEqual([]);
    expect(result.acceptedRows).toEqual([2]);
    const draft = result.accepted[0]!;
    expect(draft).toMatchObject({
      externalRef: 'T1',
      source: 'hotline',
      reportedAt: Date.parse('2026-11-20T09:15:00+08:00'),
      description: '占道摆摊',
      address: '人民路8号',
      matterCode: 'CG-001',
      urgency: 'critical',
      reporter: { name: '张三', phone: '13800000000' },
    });
    expect(Math.abs(draft.location![0] - point[0])).toBeLessThan(1e-7);
    expect(Math.abs(draft.location![1] - point[1])).toBeLessThan(1e-7);
  });

  it('reads BD-09 files and text coordinates', () => {
    const [lon, lat] = wgs84ToBd09(point);
    const result = convertRows(
      table([['', '2026-11-20', '内容', '', lon.toFixed(7), lat.toFixed(7), 'CG-001', '', '', '']]),
      mapping,
      {
        coordSystem: 'bd09',
        matters,
      },
    );
    const draft = result.accepted[0]!;
    expect(Math.abs(draft.location![0] - point[0])).toBeLessThan(1e-6);
    expect(draft.externalRef).toBeUndefined();
    expect(draft.reporter).toBeUndefined();
    expect(draft.urgency).toBe('normal');
  });

  it('accepts a row with an address but no coordinates, with location null', () => {
    const result = convertRows(
      table([['T2', '2026-11-20 10:00', '内容', '周庄村村委会东侧', '', '', 'CG-005', '一般', '', '']]),
      mapping,
      {
        coordSystem: 'wgs84',
        matters,
      },
    );
    expect(result.accepted[0]?.location).toBeNull();
  });

  it('rejects every problem of a row, naming file, row and column', () => {
    const result = convertRows(
      table([['T3', '明天', '', '', '', '', '物业费纠纷', '很急', '', '']]),
      mapping,
      {
        coordSystem: 'wgs84',
        matters,
      },
    );
    expect(result.accepted).toEqual([]);
    expect(result.rejected.map((r) => [r.row, r.field, r.key])).toEqual([
      [2, 'reportedAt', 'import.badDate'],
      [2, 'description', 'import.missingField'],
      [2, 'address', 'import.missingPlace'],
      [2, 'category', 'import.unknownCategory'],
      [2, 'urgency', 'import.badUrgency'],
    ]);
    expect(result.rejected[0]?.params).toEqual({
      file: '热线.csv',
      row: 2,
      field: 'reportedAt',
      column: '来电时间',
      ref: 'T3',
      value: '明天',
    });
  });

  it('tells swapped, out-of-China and non-numeric coordinates apart', () => {
    const rows = [
      ['A', '2026-11-20', '内容', '', 32.86, 119.99, 'CG-001', '', '', ''],
      ['B', '2026-11-20', '内容', '', 2.35, 48.85, 'CG-001', '', '', ''],
      ['C', '2026-11-20', '内容', '', '119.99', '', 'CG-001', '', '', ''],
      ['D', '2026-11-20', '内容', '', 'abc', 32.86, 'CG-001', '', '', ''],
    ];
    const result = convertRows(table(rows), mapping, { coordSystem: 'wgs84', matters });
    expect(result.rejected.map((r) => [r.row, r.field, r.key])).toEqual([
      [2, 'lon', 'import.coordinatesSwapped'],
      [3, 'lon', 'import.coordinateOutsideChina'],
      [4, 'lat', 'import.badCoordinate'],
      [5, 'lon', 'import.badCoordinate'],
    ]);
  });

  it('uses the default matter for unknown categories but still refuses ambiguous ones', () => {
    const rows = [
      ['A', '2026-11-20', '内容', '地址', '', '', '物业费纠纷', '', '', ''],
      ['B', '2026-11-20', '内容', '地址', '', '', '', '', '', ''],
      ['C', '2026-11-20', '内容', '地址', '', '', '扰民', '', '', ''],
    ];
    const result = convertRows(table(rows), mapping, {
      coordSystem: 'wgs84',
      matters,
      defaultMatterCode: 'CG-018',
    });
    expect(result.accepted.map((d) => d.matterCode)).toEqual(['CG-018', 'CG-018']);
    expect(result.rejected.map((r) => r.key)).toEqual(['import.ambiguousCategory']);
    expect(String(result.rejected[0]?.params.candidates)).toContain('CG-013');
  });

  it('rejects repeated 工单编号 after the first accepted one, and ones already imported', () => {
    const row = (ref: string, description: string): CellValue[] => [
      ref,
      '2026-11-20',
      description,
      '地址',
      '',
      '',
      'CG-001',
      '',
      '',
      '',
    ];
    const result = convertRows(
      table([row('A', ''), row('A', '第二次'), row('A', '第三次'), row('OLD', '旧')]),
      mapping,
      {
        coordSystem: 'wgs84',
        matters,
        existingRefs: new Set(['OLD']),
      },
    );
    expect(result.acceptedRows).toEqual([3]);
    expect(result.rejected.map((r) => [r.row, r.key, r.params.firstRow])).toEqual([
      [2, 'import.missingField', undefined],
      [4, 'import.duplicateRef', 3],
      [5, 'import.refExists', undefined],
    ]);
  });
});

describe('parseUrgency', () => {
  it('reads 一般/紧急/特急 and variants', () => {
    expect(['', '一般', '紧急', '特急', 'Urgent'].map(parseUrgency)).toEqual([
      'normal',
      'normal',
      'urgent',
      'critical',
      'urgent',
    ]);
    expect(parseUrgency('很急')).toBeNull();
  });
});

describe('missingMappedFields', () => {
  it('lists what the dialog must still map; a missing description column is not one of them', () => {
    expect(missingMappedFields(mapping, {})).toEqual([]);
    expect(missingMappedFields({ reportedAt: 0, lon: 1 }, {})).toEqual(['category', 'address', 'lat']);
    expect(
      missingMappedFields({ reportedAt: 0, description: 1, address: 2 }, { defaultMatterCode: 'CG-001' }),
    ).toEqual([]);
  });
});

describe('exports without a description column', () => {
  const headers = ['工单编号', '受理时间', '诉求类型', '诉求地址', '经度', '纬度'];
  const records = [
    headers,
    ['A1', '2026-11-20 09:15', '占道经营', '人民路8号', point[0], point[1]],
    ['A2', '2026-11-20 09:20', '噪音扰民', '', point[0], point[1]],
  ].map((cells, k) => ({ rowNumber: k + 1, cells }));
  const only = tableFromRecords('热线.csv', 'csv', 'utf-8', records)!;

  it('build the description from the category and the address, and classify hotline category names', () => {
    const mapping = guessMapping(only.headers);
    expect(mapping.description).toBeUndefined();
    expect(missingMappedFields(mapping, {})).toEqual([]);
    const result = convertRows(only, mapping, { coordSystem: 'wgs84', matters });
    expect(result.rejected).toEqual([]);
    expect(result.accepted.map((d) => [d.description, d.matterCode])).toEqual([
      ['占道经营（人民路8号）', 'CG-001'],
      ['噪音扰民', 'ST-007'],
    ]);
  });

  it('still refuse an empty cell when the file does have a description column', () => {
    const withColumn = tableFromRecords('热线.csv', 'csv', 'utf-8', [
      { rowNumber: 1, cells: [...headers, '反映内容'] },
      { rowNumber: 2, cells: ['A1', '2026-11-20 09:15', '占道经营', '人民路8号', point[0], point[1], ''] },
    ])!;
    const result = convertRows(withColumn, guessMapping(withColumn.headers), {
      coordSystem: 'wgs84',
      matters,
    });
    expect(result.rejected.map((r) => [r.field, r.key, r.params.column])).toEqual([
      ['description', 'import.missingField', '反映内容'],
    ]);
  });

  it('take the content from the columns hotlines name it by', () => {
    for (const name of ['诉求内容', '反映内容', '工单内容', '来电内容', '问题描述', '事件描述', '投诉内容']) {
      const mapping = guessMapping(['工单编号', '受理时间', '回复内容', name, '诉求类型']);
      expect(mapping.description, name).toBe(3);
    }
  });

  it('use the operator’s choice for a category nothing else matches', () => {
    const table2 = tableFromRecords('热线.csv', 'csv', 'utf-8', [
      { rowNumber: 1, cells: headers },
      { rowNumber: 2, cells: ['B1', '2026-11-20 09:15', '环境脏乱差', '人民路8号', point[0], point[1]] },
    ])!;
    const mapping = guessMapping(table2.headers);
    expect(convertRows(table2, mapping, { coordSystem: 'wgs84', matters }).rejected[0]?.key).toBe(
      'import.unknownCategory',
    );
    const chosen = convertRows(table2, mapping, {
      coordSystem: 'wgs84',
      matters,
      categoryChoices: { [categoryKey('环境脏乱差')]: 'CG-005' },
    });
    expect(chosen.accepted.map((d) => d.matterCode)).toEqual(['CG-005']);
  });
});
