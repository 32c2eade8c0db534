/**
 * GridDesk's GPX read back by GDAL (ogr2ogr, the reference reader): the track's points, in order, with
 * their times, as another GIS would import them.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { trackGpx, tracksGpx } from '../../shared/positions/tracks';

const run = promisify(execFile);
const T = Date.UTC(2026, 11, 2, 1, 30, 0);

describe('a track exported as GPX', () => {
  it('reads back in GDAL with every point and its time', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'griddesk-gpx-'));
    try {
      const file = join(dir, 'track.gpx');
      await writeFile(
        file,
        trackGpx('陈亮燕', [
          { officerId: 'a', at: T, position: [121.42, 28.65], speed: 1.2 },
          { officerId: 'a', at: T + 60_000, position: [121.4231, 28.6512], speed: null },
        ]),
      );
      const { stdout } = await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file, 'track_points']);
      const json = JSON.parse(stdout) as {
        features: { geometry: { coordinates: number[] }; properties: { time: string; track_fid: number } }[];
      };
      expect(
        json.features.map((f) => [f.geometry.coordinates.slice(0, 2), Date.parse(f.properties.time)]),
      ).toEqual([
        [[121.42, 28.65], T],
        [[121.4231, 28.6512], T + 60_000],
      ]);
      const tracks = JSON.parse(
        (await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file, 'tracks'])).stdout,
      ) as {
        features: { properties: { name: string } }[];
      };
      expect(tracks.features.map((f) => f.properties.name)).toEqual(['陈亮燕']);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('reads a team’s tracks back as one track each, with their points', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'griddesk-gpx-'));
    try {
      const file = join(dir, 'team.gpx');
      await writeFile(
        file,
        tracksGpx([
          {
            name: '陈亮燕',
            points: [
              { officerId: 'a', at: T, position: [121.42, 28.65], speed: null },
              { officerId: 'a', at: T + 60_000, position: [121.4231, 28.6512], speed: null },
            ],
          },
          { name: '王强', points: [{ officerId: 'b', at: T + 30_000, position: [121.43, 28.66], speed: 1 }] },
        ]),
      );
      const tracks = JSON.parse(
        (await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file, 'tracks'])).stdout,
      ) as { features: { properties: { name: string } }[] };
      expect(tracks.features.map((f) => f.properties.name)).toEqual(['陈亮燕', '王强']);
      const points = JSON.parse(
        (await run('ogr2ogr', ['-f', 'GeoJSON', '/vsistdout/', file, 'track_points'])).stdout,
      ) as { features: { properties: { track_fid: number; time: string } }[] };
      expect(points.features.map((f) => [f.properties.track_fid, Date.parse(f.properties.time)])).toEqual([
        [0, T],
        [0, T + 60_000],
        [1, T + 30_000],
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
