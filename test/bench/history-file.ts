/**
 * The `history` bench's file: an old system's case export of {@link HISTORY_ROWS} rows, written by
 * GridDesk's own cases export (casesLayer + the CSV writer, zh-CN headers, WGS84 经度/纬度) from the
 * sample centre's cases repeated under new case numbers (案件编号-k), into the temp folder once (not
 * committed). GridDesk's export imports as history with no mapping by hand, so every row is accepted.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Case } from '../../shared/model/case';
import type { TownshipDataset } from '../../shared/model/dataset';
import { casesLayer, csvGeometry, writeCsv } from '../../shared/export/geo';
import { labels } from '../unit/export/geo/support';

export const HISTORY_ROWS = 200_000;

export interface HistoryFile {
  readonly path: string;
  readonly bytes: number;
  readonly rows: number;
}

/** Writes the CSV (unless the temp folder holds it) and names it. */
export async function writeHistoryFile(rows = HISTORY_ROWS): Promise<HistoryFile> {
  const dir = join(tmpdir(), 'griddesk-bench');
  const path = join(dir, `history-${rows}-v1.csv`);
  if (!existsSync(path)) {
    await mkdir(dir, { recursive: true });
    const sample = new URL('../../resources/sample/', import.meta.url);
    const township = JSON.parse(await readFile(new URL('township.json', sample), 'utf8')) as TownshipDataset;
    const cases = JSON.parse(await readFile(new URL('cases.json', sample), 'utf8')) as Case[];
    const repeated = Array.from({ length: rows }, (_, k): Case => {
      const c = cases[k % cases.length]!;
      const round = Math.floor(k / cases.length);
      return round === 0 ? c : { ...c, caseNo: `${c.caseNo}-${round}` };
    });
    const zh = labels('zh-CN');
    const layer = casesLayer(repeated, township, zh, 'Asia/Shanghai');
    await writeFile(`${path}.part`, writeCsv(layer.features, layer.columns, csvGeometry(layer, zh)));
    await rename(`${path}.part`, path);
  }
  return { path, bytes: (await stat(path)).size, rows };
}
