/**
 * The words of exported files as plain data, so they can cross to the export worker: every column
 * header and every stage, source, urgency and officer word, looked up once by the caller in the
 * reader's language ({@link labelTable}), and the {@link ExportLabels} the writers take built back
 * from it ({@link labelsOfTable}).
 */
import { ALL_STAGES, CASE_SOURCES, URGENCIES } from '../../model/case';
import { OFFICER_STATUSES } from '../../model/organisation';
import { EXPORT_COLUMNS, type ExportLabels, type ExportLayerName } from './layers';

const OFFICER_KINDS = ['certified', 'auxiliary'] as const;

export interface ExportLabelTable {
  readonly column: Readonly<Record<string, string>>;
  readonly stage: Readonly<Record<string, string>>;
  readonly source: Readonly<Record<string, string>>;
  readonly urgency: Readonly<Record<string, string>>;
  readonly officerKind: Readonly<Record<string, string>>;
  readonly officerStatus: Readonly<Record<string, string>>;
  readonly lonLat: readonly [lon: string, lat: string];
}

function table(keys: readonly string[], word: (key: string) => string): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, word(k)]));
}

/** Every word `labels` gives, looked up now. */
export function labelTable(labels: ExportLabels): ExportLabelTable {
  const columns: Record<string, string> = {};
  for (const layer of Object.keys(EXPORT_COLUMNS) as ExportLayerName[])
    for (const key of EXPORT_COLUMNS[layer]) columns[`${layer}.${key}`] = labels.column(layer, key);
  return {
    column: columns,
    stage: table(ALL_STAGES, (s) => labels.stage(s as never)),
    source: table(CASE_SOURCES, (s) => labels.source(s as never)),
    urgency: table(URGENCIES, (s) => labels.urgency(s as never)),
    officerKind: table(OFFICER_KINDS, (s) => labels.officerKind(s as never)),
    officerStatus: table(OFFICER_STATUSES, (s) => labels.officerStatus(s as never)),
    lonLat: labels.lonLat,
  };
}

/** The labels of a table; a word the table lacks is its key (never an empty header). */
export function labelsOfTable(t: ExportLabelTable): ExportLabels {
  return {
    column: (layer, key) => t.column[`${layer}.${key}`] ?? key,
    stage: (s) => t.stage[s] ?? s,
    source: (s) => t.source[s] ?? s,
    urgency: (s) => t.urgency[s] ?? s,
    officerKind: (s) => t.officerKind[s] ?? s,
    officerStatus: (s) => t.officerStatus[s] ?? s,
    lonLat: t.lonLat,
  };
}
