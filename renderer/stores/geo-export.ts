import { defineStore } from 'pinia';
import { centreDate } from '../../shared/calendar/zone';
import { calendarZone } from '../../shared/calendar/config';
import type { ExportFormat, ExportLabelTable, ExportLayerName } from '../../shared/export/geo';
import { isOpenStage, type Case } from '../../shared/model/case';
import { currentDb } from '../db/handle';
import { exportInWorker, type ExportOutcome } from '../export/client';
import { useSettingsStore } from './settings';
import { useTownshipStore } from './township';

/** Which cases an export of the cases layer takes. */
export type CaseSelection = 'open' | 'all';

export interface GeoExportChoice {
  readonly layer: ExportLayerName;
  readonly format: ExportFormat;
  readonly cases: CaseSelection;
  readonly encoding: 'gbk' | 'utf-8';
  /** The file's name without extension, e.g. 网格_2026-12-02. */
  readonly baseName: (date: string) => string;
  readonly labels: ExportLabelTable;
}

/**
 * 导出数据: grids, patrol areas, officers or cases of the open centre, built in the export worker from
 * the stored data (cases read from the database, all or the open ones), dated in the centre's zone.
 * Reading only: any signed-in account may export what it can see.
 */
export const useGeoExportStore = defineStore('geoExport', () => {
  async function run(
    choice: GeoExportChoice,
    now: number = Date.now(),
  ): Promise<ExportOutcome & { fileName?: string }> {
    const dataset = useTownshipStore().dataset;
    if (!dataset) throw new Error('no township is loaded');
    const zone = calendarZone(useSettingsStore().settings.calendar);
    let cases: Case[] = [];
    if (choice.layer === 'cases') {
      const all = await currentDb().cases.toArray();
      cases = choice.cases === 'all' ? all : all.filter((c) => isOpenStage(c.stage));
      cases.sort((a, b) => a.reportedAt - b.reportedAt);
    }
    const date = centreDate(now, zone);
    return exportInWorker({
      layer: choice.layer,
      format: choice.format,
      context: {
        communities: dataset.communities,
        grids: dataset.grids,
        patrolAreas: dataset.patrolAreas,
        teams: dataset.teams,
        officers: useTownshipStore().officers,
        matters: dataset.matters,
      },
      cases,
      labels: choice.labels,
      baseName: choice.baseName(date),
      date,
      zone,
      encoding: choice.encoding,
    });
  }
  return { run };
});
