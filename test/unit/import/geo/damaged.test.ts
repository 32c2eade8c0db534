// Damaged copies of the good fixtures: cut short anywhere, or with bytes of one Shapefile part
// overwritten inside a sound zip. A reader must answer with a result (a named error, or features for
// the geometry checks to judge), never throw a library's message at the operator.
import { unzipSync, zipSync } from 'fflate';
import type { SqlJsStatic } from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { GEO_ISSUE_KEYS, readGeoFile } from '../../../../shared/import/geo';
import { fixture } from './fixtures';
import { loadSqlJs } from './sqlite';

const KNOWN = new Set<string>(GEO_ISSUE_KEYS);

let sqlite: SqlJsStatic;
beforeAll(async () => {
  sqlite = await loadSqlJs();
});

function expectAnswer(name: string, bytes: Uint8Array): void {
  const result = readGeoFile(name, bytes, { sqlite });
  if (!result.ok) {
    for (const error of result.errors) {
      // Its own keys, or the shared ones of the zip guard and the table readers.
      expect(KNOWN.has(error.key) || /^(zip|import)\./.test(error.key), error.key).toBe(true);
      expect(error.params.file).toBe(name);
    }
  }
}

describe('damaged files', () => {
  for (const name of [
    'gk40-gbk.zip',
    'grids.kml',
    'grids.kmz',
    'patrol.gpx',
    'gk6-4499.geojson',
    'grids-4490.gpkg',
    'grids-wkt.csv',
    'places.xlsx',
  ]) {
    it(`${name} cut short at any of 40 lengths gives a named answer`, () => {
      const bytes = fixture(name);
      for (let k = 0; k < 40; k++) {
        const cut = Math.floor((bytes.length * k) / 40);
        expect(() => expectAnswer(name, bytes.subarray(0, cut)), `cut at ${cut}`).not.toThrow();
        if (cut > 0) {
          const result = readGeoFile(name, bytes.subarray(0, cut), { sqlite });
          // Less than the whole file is never read as the whole file.
          if (result.ok) expect(result.features.length, `cut at ${cut}`).toBeLessThanOrEqual(3);
        }
      }
    });
  }

  it('a Shapefile with bytes of its .shp, .shx or .dbf overwritten gives a named answer', () => {
    const parts = unzipSync(fixture('gk40-gbk.zip'));
    let seed = 12;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
    for (const part of ['grids.shp', 'grids.shx', 'grids.dbf']) {
      const original = parts[part]!;
      for (let trial = 0; trial < 60; trial++) {
        const damaged = original.slice();
        for (let b = 0; b < 4; b++) damaged[next() % damaged.length] = next() % 256;
        const zip = zipSync({ ...parts, [part]: damaged });
        expect(() => expectAnswer('网格.zip', zip), `${part} trial ${trial}`).not.toThrow();
      }
    }
  });
});
