import { describe, expect, it } from 'vitest';
import { convertRows, type ConvertOptions } from '../../shared/import/convert';
import { guessMapping } from '../../shared/import/mapping';
import { readImportFile } from '../../shared/import/table';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { convertInPages, createImportService, RESULT_PAGE_ROWS } from './import-service';

const matter = makeFixtureDataset().matters[0]!;
const options: ConvertOptions = { coordSystem: 'gcj02', matters: makeFixtureDataset().matters };

/** An export of `n` calls; every 7th has no description, row 2 + 4,001 repeats the number of row 11. */
function exportCsv(n: number): string {
  const lines = ['工单编号,来电时间,诉求内容,事发地址,诉求分类'];
  for (let k = 1; k <= n; k++) {
    const ref = k === 4001 ? 'TZ10' : `TZ${k}`;
    lines.push(
      `${ref},2026-11-18 08:${String(k % 60).padStart(2, '0')}:00,${k % 7 === 0 ? '' : '占道'},新安街道${k}号,${matter.name}`,
    );
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

describe('the import worker service', () => {
  it('reads a file, keeps its rows, and hands the header, count and first rows over', async () => {
    const service = createImportService();
    const read = await service.read(new Blob([exportCsv(50)]), '12345.csv');
    expect(read).toMatchObject({ ok: true, table: { fileName: '12345.csv', rowCount: 50, headerRow: 1 } });
    expect(read.ok && read.table.sample).toHaveLength(20);
    expect(read.ok && 'rows' in read.table).toBe(false);
  });

  it('brings a conversion over in pages that add up to exactly what convertRows gives', async () => {
    const n = RESULT_PAGE_ROWS * 2 + 500;
    const text = exportCsv(n);
    const service = createImportService();
    const read = await service.read(new Blob([text]), '12345.csv');
    if (!read.ok) throw new Error(read.key);
    const mapping = guessMapping(read.table.headers);
    const remote = {
      convert: async (...a: Parameters<typeof service.convert>) => service.convert(...a),
      page: async (k: number) => service.page(k),
    };
    const paged = await convertInPages(remote, mapping, options);

    const whole = readImportFile('12345.csv', new TextEncoder().encode(text));
    if (!whole.ok) throw new Error(whole.key);
    const direct = convertRows(whole.table, mapping, options);
    expect(paged).toEqual(direct);
    expect(paged.rejected.some((r) => r.key === 'import.duplicateRef' && r.row === 4002)).toBe(true);
    expect(paged.accepted.length + new Set(paged.rejected.map((r) => r.row)).size).toBe(n);
  });

  it('counts drafts that may repeat an earlier one or a queued case, in the worker', async () => {
    const csv =
      '工单编号,来电时间,诉求内容,事发地址,诉求分类,经度,纬度\n' +
      `A,2026-11-18 08:00:00,占道,一号,${matter.name},120.1,32.1\n` +
      `B,2026-11-18 08:30:00,占道,一号,${matter.name},120.1,32.1\n` +
      `C,2026-11-18 09:00:00,占道,二号,${matter.name},120.3,32.3\n`;
    const service = createImportService();
    const read = await service.read(new Blob([csv]), 'dup.csv');
    if (!read.ok) throw new Error(read.key);
    service.convert(guessMapping(read.table.headers), { ...options, coordSystem: 'wgs84' });
    expect(service.duplicates([])).toBe(1);
    const queued = {
      id: 'c1',
      matterCode: matter.code,
      location: [120.3, 32.3] as const,
      reportedAt: Date.parse('2026-11-18T08:00:00+08:00'),
      stage: 'dispatched',
    };
    expect(service.duplicates([queued])).toBe(2);
  });

  it('refuses to convert before a file was read', () => {
    expect(() => createImportService().convert({}, options)).toThrow('no file has been read');
  });
});
