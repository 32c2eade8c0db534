import type { ExportLabels } from '../../shared/export/geo/layers';
import { labelTable, type ExportLabelTable } from '../../shared/export/geo/labels';

type Translate = (key: string) => string;

/**
 * The words of exported files in the reader's language: column headers from `geoExport.column.*`
 * and the names of stages, sources, urgencies and officer kinds and states the map shows.
 */
export function exportLabels(t: Translate): ExportLabels {
  return {
    column: (layer, key) => t(`geoExport.column.${layer}.${key}`),
    stage: (stage) => t(`stage.${stage}`),
    source: (source) => t(`source.${source}`),
    urgency: (urgency) => t(`urgency.${urgency}`),
    officerKind: (kind) => t(`officerKind.${kind}`),
    officerStatus: (status) => t(`officerStatus.${status}`),
    lonLat: [t('geoExport.csv.lon'), t('geoExport.csv.lat')],
  };
}

/** The same words as a plain table, for the export worker. */
export function exportLabelTable(t: Translate): ExportLabelTable {
  return labelTable(exportLabels(t));
}
