/// <reference lib="webworker" />
/**
 * The export worker: builds a layer's file (zipped Shapefile, GeoJSON, CSV, XLSX) off the UI thread,
 * so exporting a year of cases never freezes the window. It gets plain data and the words of the file
 * as a table, and returns the bytes (transferred, not copied) with what the operator should know.
 */
import { expose, transfer } from 'comlink';
import type { Case } from '../../shared/model/case';
import {
  casesLayer,
  exportLayerFile,
  gridsLayer,
  labelsOfTable,
  officersLayer,
  patrolAreasLayer,
  type ExportContext,
  type ExportFormat,
  type ExportLabelTable,
  type ExportLayerName,
} from '../../shared/export/geo';

export interface ExportRequest {
  readonly layer: ExportLayerName;
  readonly format: ExportFormat;
  readonly context: ExportContext;
  /** For the cases layer. */
  readonly cases: readonly Case[];
  readonly labels: ExportLabelTable;
  readonly baseName: string;
  readonly date: string;
  /** The centre's time zone, for the cases' times. */
  readonly zone: string;
  readonly encoding: 'gbk' | 'utf-8';
}

const service = {
  run(request: ExportRequest) {
    const labels = labelsOfTable(request.labels);
    const ctx = request.context;
    const layer =
      request.layer === 'grids'
        ? gridsLayer(ctx, labels)
        : request.layer === 'patrolAreas'
          ? patrolAreasLayer(ctx, labels)
          : request.layer === 'officers'
            ? officersLayer(ctx, labels)
            : casesLayer(request.cases, ctx, labels, request.zone);
    const result = exportLayerFile(layer, request.format, {
      labels,
      baseName: request.baseName,
      date: request.date,
      encoding: request.encoding,
    });
    if (!result.ok) return result;
    const bytes = result.bytes.slice();
    return transfer({ ...result, bytes, features: layer.features.length }, [bytes.buffer]);
  },
};

export type ExportService = typeof service;

expose(service);
