// Test support for the writers: the app's own column and value words (renderer/i18n), a reader's
// check that a zip holds what shared/import/geo reads back, and GDAL's ogrinfo/ogr2ogr on a written
// zip when GDAL is installed (it is here and in .ci/run; a plain checkout may lack it).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { exportLabels } from '../../../../renderer/export/geo-labels';
import { messages } from '../../../../renderer/i18n';
import type { ExportLabels } from '../../../../shared/export/geo';

export function labels(locale: 'zh-CN' | 'en'): ExportLabels {
  const tree = messages[locale] as unknown;
  return exportLabels((key) => {
    const text = key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)?.[k], tree);
    if (typeof text !== 'string') throw new Error(`no ${locale} text for ${key}`);
    return text;
  });
}

function has(command: string): boolean {
  try {
    execFileSync(command, ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export const hasOgr = has('ogr2ogr') && has('ogrinfo');

/** A GDAL test's name, saying why it is skipped where GDAL is absent (CI without gdal-bin). */
export function gdalTest(name: string): string {
  return hasOgr ? name : `${name} — skipped: ogr2ogr/ogrinfo (Debian gdal-bin) not installed`;
}

/** Runs `use` with a fresh temporary folder, and removes it. */
export function withTempDir<T>(use: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'griddesk-export-'));
  try {
    return use(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Unzips `zip` into a fresh temporary folder and runs `use` with the folder. */
export function withUnzipped<T>(zip: Uint8Array, use: (dir: string) => T): T {
  return withTempDir((dir) => {
    for (const [name, bytes] of Object.entries(unzipSync(zip))) writeFileSync(join(dir, name), bytes);
    return use(dir);
  });
}

/** `ogrinfo -al` of a file (its text report, as UTF-8). */
export function ogrinfo(path: string): string {
  return execFileSync('ogrinfo', ['-al', path], { encoding: 'utf-8' });
}

/** ogr2ogr's GeoJSON of a file, as GDAL decodes it (its own .cpg and .prj handling), in EPSG:4326. */
export function ogrGeoJson(
  path: string,
  dir: string,
  extra: readonly string[] = [],
): GeoJSON.FeatureCollection {
  const out = join(dir, 'ogr-out.geojson');
  execFileSync('ogr2ogr', [
    '-f',
    'GeoJSON',
    '-t_srs',
    'EPSG:4326',
    '-lco',
    'RFC7946=YES',
    ...extra,
    out,
    path,
  ]);
  return JSON.parse(readFileSync(out, 'utf-8')) as GeoJSON.FeatureCollection;
}
