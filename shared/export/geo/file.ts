/**
 * One entry for the export menu: a layer in the format the operator chose, with the file name to
 * save it under (`<base>.zip`, `.geojson`, `.csv`, `.xlsx`). The caller (a Web Worker for big layers)
 * saves the bytes; nothing here touches the file system.
 */
import { writeCsv } from './csv';
import { writeGeoJson } from './geojson';
import { csvGeometry, type ExportLabels, type ExportLayer } from './layers';
import type { ExportCrs } from './prj';
import type { ExportResult } from './result';
import { writeShapefileZip } from './shapefile';
import { writeLayerXlsx } from './xlsx';

export const EXPORT_FORMATS = ['shapefile', 'geojson', 'csv', 'xlsx'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

const EXTENSION: Record<ExportFormat, string> = {
  shapefile: '.zip',
  geojson: '.geojson',
  csv: '.csv',
  xlsx: '.xlsx',
};

export interface ExportFileOptions {
  readonly labels: ExportLabels;
  /** The file's name without extension, e.g. "网格_2026-12-02"; also the sheet's name in XLSX. */
  readonly baseName: string;
  /** The centre's date, `YYYY-MM-DD` (shared/calendar/zone.ts `centreDate`), for the .dbf header. */
  readonly date: string;
  /** Shapefile only: attribute encoding (default GBK) and the `.prj`'s system (default CGCS2000). */
  readonly encoding?: 'gbk' | 'utf-8';
  readonly crs?: ExportCrs;
}

/**
 * The file of `layer` in `format`. Inside a zipped Shapefile the parts are named after the layer
 * (`grids.shp`, …), in ASCII, because Windows Explorer and older unzip tools ignore the zip's UTF-8
 * flag and would garble Chinese part names; the zip itself carries `baseName`.
 */
export function exportLayerFile(
  layer: ExportLayer,
  format: ExportFormat,
  options: ExportFileOptions,
): ExportResult & { readonly fileName: string } {
  const fileName = options.baseName + EXTENSION[format];
  const { features, columns } = layer;
  let result: ExportResult;
  switch (format) {
    case 'shapefile':
      result = writeShapefileZip(layer.layer, features, columns, {
        date: options.date,
        ...(options.encoding === undefined ? {} : { encoding: options.encoding }),
        ...(options.crs === undefined ? {} : { crs: options.crs }),
      });
      break;
    case 'geojson':
      result = { ok: true, bytes: writeGeoJson(features, columns), notices: [] };
      break;
    case 'csv':
      result = {
        ok: true,
        bytes: writeCsv(features, columns, csvGeometry(layer, options.labels)),
        notices: [],
      };
      break;
    case 'xlsx':
      // Excel allows 31 characters in a sheet name and none of : \ / ? * [ ].
      result = writeLayerXlsx(
        features,
        columns,
        csvGeometry(layer, options.labels),
        options.baseName.replace(/[:\\/?*[\]]/g, '_').slice(0, 31),
      );
      break;
  }
  return { ...result, fileName };
}
