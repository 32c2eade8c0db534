// Reading an old system's case export as history (shared/history): GridDesk's own cases export, written
// by the export writers in both languages and as CSV and XLSX, reads back with the same case numbers,
// matters, grids and times; each bad row is named by file, row and column.
import { describe, expect, it } from 'vitest';
import {
  casesLayer,
  csvGeometry,
  writeCsv,
  writeLayerXlsx,
  type ExportLayer,
} from '../../../shared/export/geo';
import { readImportFile } from '../../../shared/import/table';
import type { ImportTable } from '../../../shared/import/table-types';
import { generateTownship, SAMPLE_SEED } from '../../../shared/sample';
import { createGridLocator } from '../../../shared/spatial/grid-locator';
import { guessHistoryMapping, missingHistoryFields } from '../../../shared/history/history-mapping';
import { readHistoryRows, type HistoryReadOptions } from '../../../shared/history/read-history';
import { fromWgs84 } from '../../../shared/geo/coord-systems';
import { labels } from '../export/geo/support';

const dataset = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
const cases = dataset.cases.slice(0, 300);
const CHINA = 8 * 3_600_000;
const options = (over: Partial<HistoryReadOptions> = {}): HistoryReadOptions => ({
  coordSystem: 'wgs84',
  matters: dataset.matters,
  grids: dataset.grids,
  patrolAreas: dataset.patrolAreas,
  locator: createGridLocator(dataset.grids),
  zoneOffsetMs: CHINA,
  existingCaseNos: new Set(),
  ...over,
});

function tableOf(name: string, bytes: Uint8Array): ImportTable {
  const read = readImportFile(name, bytes);
  if (!read.ok) throw new Error(read.key);
  return read.table;
}

function exported(locale: 'zh-CN' | 'en'): ExportLayer {
  return casesLayer(cases, dataset, labels(locale), 'Asia/Shanghai');
}

/** Seconds: the export writes whole seconds. */
const seconds = (t: number): number => Math.floor(t / 1000) * 1000;

describe('GridDesk’s own cases export, imported as history', () => {
  for (const locale of ['zh-CN', 'en'] as const) {
    for (const format of ['csv', 'xlsx'] as const) {
      it(`gives back the same case numbers, matters, grids and times (${locale} ${format.toUpperCase()})`, () => {
        const layer = exported(locale);
        const geometry = csvGeometry(layer, labels(locale));
        let bytes: Uint8Array;
        if (format === 'csv') bytes = writeCsv(layer.features, layer.columns, geometry);
        else {
          const written = writeLayerXlsx(layer.features, layer.columns, geometry, 'cases');
          if (!written.ok) throw new Error('xlsx');
          bytes = written.bytes;
        }
        const table = tableOf(`cases.${format}`, bytes);
        const mapping = guessHistoryMapping(table.headers);
        expect(missingHistoryFields(mapping)).toEqual([]);
        const result = readHistoryRows(table, mapping, options());
        expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
        expect(result.accepted.map((h) => h.caseNo)).toEqual(cases.map((c) => c.caseNo));
        expect(result.accepted.map((h) => h.matterCode)).toEqual(cases.map((c) => c.matterCode));
        expect(result.accepted.map((h) => h.gridCode)).toEqual(cases.map((c) => c.gridCode));
        expect(result.accepted.map((h) => h.teamId)).toEqual(cases.map((c) => c.teamId));
        expect(result.accepted.map((h) => h.reportedAt)).toEqual(cases.map((c) => seconds(c.reportedAt)));
        const closedAt = (c: (typeof cases)[number]) => c.steps.find((s) => s.stage === 'closed')?.at;
        expect(result.accepted.map((h) => h.closedAt)).toEqual(
          cases.map((c) => {
            const at = closedAt(c);
            return at === undefined ? undefined : seconds(at);
          }),
        );
        expect(result.accepted.map((h) => h.externalRef)).toEqual(cases.map((c) => c.externalRef));
        expect(result.accepted.map((h) => h.source)).toEqual(cases.map((c) => c.source));
        const statusOf = (stage: string) =>
          ['closed', 'evaluated'].includes(stage)
            ? 'closed'
            : ['voided', 'rejected', 'merged'].includes(stage)
              ? 'voided'
              : 'open';
        expect(result.accepted.map((h) => h.status)).toEqual(cases.map((c) => statusOf(c.stage)));
      });
    }
  }
});

/** A hand-made file: the header and rows as an old system might write them, in CSV. */
function csvTable(rows: readonly (readonly string[])[]): ImportTable {
  const text = rows.map((r) => r.join(',')).join('\r\n');
  return tableOf('旧系统.csv', new TextEncoder().encode(text));
}

const HEADER = [
  '案件编号',
  '事项编码',
  '经度',
  '纬度',
  '网格编码',
  '上报时间',
  '结案时间',
  '状态',
  '紧急程度',
];
const inside = cases[0]!.location;
const grid = dataset.grids.find((g) => g.code === cases[0]!.gridCode)!;
const matter = dataset.matters[0]!.code;

function read(rows: readonly (readonly string[])[], over: Partial<HistoryReadOptions> = {}) {
  const table = csvTable([HEADER, ...rows]);
  return readHistoryRows(table, guessHistoryMapping(table.headers), options(over));
}

const row = (over: Partial<Record<(typeof HEADER)[number], string>> = {}): string[] => {
  const base: Record<string, string> = {
    案件编号: 'A-1',
    事项编码: matter,
    经度: String(inside[0]),
    纬度: String(inside[1]),
    网格编码: '',
    上报时间: '2024-03-01 08:00:00',
    结案时间: '2024-03-02 10:00',
    状态: '已结案',
    紧急程度: '一般',
  };
  return HEADER.map((h) => over[h] ?? base[h]!);
};

describe('a hand-made history file', () => {
  it('places a row by its location and reads its times in the centre’s zone', () => {
    const result = read([row()]);
    expect(result.problems).toEqual([]);
    expect(result.accepted[0]).toMatchObject({
      caseNo: 'A-1',
      gridCode: grid.code,
      status: 'closed',
      reportedAt: Date.UTC(2024, 2, 1, 0, 0),
      closedAt: Date.UTC(2024, 2, 2, 2, 0),
    });
    const utc = read([row()], { zoneOffsetMs: 0 });
    expect(utc.accepted[0]?.reportedAt).toBe(Date.UTC(2024, 2, 1, 8, 0));
  });

  it('reads Excel serial times and GCJ-02 coordinates when the operator says so', () => {
    const gcj = fromWgs84(inside, 'gcj02');
    const result = read([row({ 经度: String(gcj[0]), 纬度: String(gcj[1]), 上报时间: '45352.5' })], {
      coordSystem: 'gcj02',
    });
    expect(result.accepted[0]?.gridCode).toBe(grid.code);
    expect(result.accepted[0]?.reportedAt).toBe(Date.UTC(2024, 2, 1, 4, 0));
  });

  it('falls back to the file’s grid code when a row has no location', () => {
    const result = read([row({ 经度: '', 纬度: '', 网格编码: dataset.grids[3]!.code })]);
    expect(result.accepted[0]?.gridCode).toBe(dataset.grids[3]!.code);
    expect(result.accepted[0]?.location).toBeNull();
  });

  it('names each bad row by file, row and column', () => {
    const result = read(
      [
        row({ 案件编号: '' }),
        row({ 案件编号: 'B-1', 事项编码: '不存在的事项' }),
        row({ 案件编号: 'B-2', 上报时间: '2024-02-30 08:00' }),
        row({ 案件编号: 'B-3', 结案时间: '2024-02-01 08:00' }),
        row({ 案件编号: 'B-4' }),
        row({ 案件编号: 'B-4' }),
        row({ 案件编号: 'B-5', 经度: '', 纬度: '', 网格编码: '' }),
        row({ 案件编号: 'B-6', 经度: '', 纬度: '', 网格编码: '320000000000999' }),
        row({ 案件编号: 'B-7', 经度: '121.9', 纬度: '39.9' }),
        row({ 案件编号: 'B-8', 状态: '神秘状态' }),
        row({ 案件编号: 'OLD-1' }),
        row({ 案件编号: 'B-9', 上报时间: '' }),
      ],
      { existingCaseNos: new Set(['OLD-1']) },
    );
    const seen = result.problems.map((p) => [p.row, p.params.column, p.key, p.severity]);
    expect(seen).toEqual([
      [2, '案件编号', 'history.missingField', 'error'],
      [3, '事项编码', 'history.unknownMatter', 'error'],
      [4, '上报时间', 'history.badTime', 'error'],
      [5, '结案时间', 'history.closedBeforeReported', 'error'],
      [7, '案件编号', 'history.duplicateCaseNo', 'error'],
      [8, '网格编码', 'history.missingField', 'error'],
      [9, '网格编码', 'history.unknownGrid', 'error'],
      [10, '经度', 'history.farOutside', 'error'],
      [11, '状态', 'history.badStatus', 'error'],
      [12, '案件编号', 'history.caseNoExists', 'error'],
      [13, '上报时间', 'history.missingField', 'error'],
    ]);
    expect(result.problems.every((p) => p.params.file === '旧系统.csv')).toBe(true);
    expect(result.problems.find((p) => p.row === 7)?.params.firstRow).toBe(6);
    expect(result.accepted.map((h) => h.caseNo)).toEqual(['B-4']);
  });

  it('takes a point just outside the township with a warning, in the nearest grid', () => {
    const xs = dataset.grids.flatMap((g) =>
      (g.geometry.type === 'Polygon' ? [g.geometry.coordinates] : g.geometry.coordinates).flatMap((p) =>
        p[0]!.map((c) => c[0]!),
      ),
    );
    const westmost = Math.min(...xs);
    const ys = dataset.grids.flatMap((g) =>
      (g.geometry.type === 'Polygon' ? [g.geometry.coordinates] : g.geometry.coordinates).flatMap((p) =>
        p[0]!.filter((c) => c[0] === westmost).map((c) => c[1]!),
      ),
    );
    const result = read([row({ 经度: String(westmost - 0.005), 纬度: String(ys[0]) })]);
    expect(result.problems.map((p) => [p.params.column, p.key, p.severity])).toEqual([
      ['经度', 'history.outsideTownship', 'warning'],
    ]);
    expect(result.accepted).toHaveLength(1);
  });
});
