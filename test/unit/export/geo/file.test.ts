// The export menu's one entry: each format of one layer, read back as the operator would open it.
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { EXPORT_FORMATS, exportLayerFile, gridsLayer } from '../../../../shared/export/geo';
import { readGeoFile } from '../../../../shared/import/geo';
import { readXlsx } from '../../../../shared/import/xlsx';
import { generateTownship, SAMPLE_SEED } from '../../../../shared/sample';
import { expectOk } from '../../import/geo/fixtures';
import { labels } from './support';

const dataset = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
const layer = gridsLayer(dataset, labels('zh-CN'));
const options = { labels: labels('zh-CN'), baseName: '网格_2026-12-02', date: '2026-12-02' };
const codes = dataset.grids.map((g) => g.code);

describe('exporting grids in each format', () => {
  it('names each file after the base name with its extension', () => {
    expect(EXPORT_FORMATS.map((f) => exportLayerFile(layer, f, options).fileName)).toEqual([
      '网格_2026-12-02.zip',
      '网格_2026-12-02.geojson',
      '网格_2026-12-02.csv',
      '网格_2026-12-02.xlsx',
    ]);
  });

  it('gives the same grid codes back from the Shapefile and the GeoJSON', () => {
    for (const format of ['shapefile', 'geojson'] as const) {
      const file = exportLayerFile(layer, format, options);
      if (!file.ok) throw new Error(JSON.stringify(file.errors));
      const read = expectOk(readGeoFile(file.fileName, file.bytes));
      expect(
        read.features.map((f) => f.properties.网格编码),
        format,
      ).toEqual(codes);
    }
  });

  it('names the Shapefile’s parts in ASCII after the layer', () => {
    const file = exportLayerFile(layer, 'shapefile', options);
    if (!file.ok) throw new Error('expected a zip');
    expect(Object.keys(unzipSync(file.bytes))).toContain('grids.shp');
  });

  it('gives the same grid codes back from the XLSX, on a sheet named after the file', () => {
    const file = exportLayerFile(layer, 'xlsx', options);
    if (!file.ok) throw new Error(JSON.stringify(file.errors));
    const read = readXlsx(file.bytes, file.fileName);
    if (!read.ok) throw new Error('unreadable');
    expect(read.sheetName).toBe('网格_2026-12-02');
    expect(read.records.slice(1).map((r) => r.cells[0])).toEqual(codes);
  });
});
