import { describe, expect, it } from 'vitest';
import { checkGeoFileSize, phaseReporter, PROGRESS_EVERY, type GeoReadProgress } from './progress';

const MiB = 1024 * 1024;

describe('the size check before a geographic file is read', () => {
  it('lets a zipped Shapefile of a few hundred MB through and refuses one over 512 MB, naming both sizes', () => {
    expect(checkGeoFileSize('网格.zip', 150 * MiB)).toBeNull();
    expect(checkGeoFileSize('网格.ZIP', 600 * MiB)).toEqual({
      key: 'geoImport.file.tooBig',
      params: { file: '网格.ZIP', size: 600, limit: 512 },
    });
  });

  it('holds GeoJSON to 256 MB and KML, KMZ and GPX to 128 MB; an unknown type is left to the readers', () => {
    expect(checkGeoFileSize('grids.geojson', 257 * MiB)?.params).toMatchObject({ limit: 256 });
    expect(checkGeoFileSize('grids.json', 200 * MiB)).toBeNull();
    expect(checkGeoFileSize('track.gpx', 129 * MiB)?.params).toMatchObject({ size: 129, limit: 128 });
    expect(checkGeoFileSize('grids.kmz', 100 * MiB)).toBeNull();
    expect(checkGeoFileSize('grids.dwg', 900 * MiB)).toBeNull();
  });
});

describe('phase progress', () => {
  it('reports the start, every PROGRESS_EVERY items and the end', () => {
    const seen: GeoReadProgress[] = [];
    const total = PROGRESS_EVERY * 2 + 10;
    const progress = phaseReporter('checking', total, (p) => seen.push(p));
    for (let i = 0; i < total; i++) progress.step(i);
    progress.end();
    expect(seen.map((p) => p.done)).toEqual([0, PROGRESS_EVERY, PROGRESS_EVERY * 2, total]);
    expect(seen.every((p) => p.phase === 'checking' && p.total === total)).toBe(true);
  });
});
