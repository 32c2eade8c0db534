/**
 * The `import` bench's set-up files: a street office of ≈ 200,000 square grids (each edge with three
 * intermediate vertices shared exactly with its neighbour, as a topologically clean Shapefile has) as
 * a zipped GBK Shapefile in CGCS2000 lon/lat with 15-digit codes of 澄湖镇 (321281 118), a name and
 * one of the sample's three teams per column band; with the e2e set-up's teams and officers sheets
 * (test/fixtures/centre, written by GDAL), it sets up the bench's new centre. Written with the
 * project's own Shapefile writer from fixed numbers into the temp folder once (not committed).
 */
import { existsSync } from 'node:fs';
import { mkdir, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeShapefileZip } from '../../shared/export/geo';

export const SET_UP_GRIDS = 200_000;
/** About 48 m × 55 m per grid at 31.2°N. */
const STEP = 0.0005;
const PER_EDGE = 3;
const TEAMS = ['第一中队', '第二中队', '第三中队'];
/** Grids per community: a code holds 999 communities of 999 grids at most. */
const PER_COMMUNITY = 500;

export interface SetUpFiles {
  readonly grids: string;
  readonly gridsBytes: number;
  readonly teams: string;
  readonly officers: string;
  readonly count: number;
}

function edge(x0: number, y0: number, x1: number, y1: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k <= PER_EDGE; k++) {
    const t = k / (PER_EDGE + 1);
    out.push([Number((x0 + (x1 - x0) * t).toFixed(9)), Number((y0 + (y1 - y0) * t).toFixed(9))]);
  }
  return out;
}

function cellRing(i: number, j: number): number[][] {
  const w = 120.4 + i * STEP;
  const s = 31.1 + j * STEP;
  const e = w + STEP;
  const n = s + STEP;
  // Counter-clockwise, as GeoJSON wants an outer ring: the writer turns it clockwise for the .shp.
  return [
    ...edge(w, s, e, s),
    ...edge(e, s, e, n),
    ...edge(e, n, w, n),
    ...edge(w, n, w, s),
    [Number(w.toFixed(9)), Number(s.toFixed(9))],
  ];
}

/** Writes the grids zip (unless the temp folder holds it) and names the sheets beside it. */
export async function writeSetUpFiles(count = SET_UP_GRIDS): Promise<SetUpFiles> {
  const dir = join(tmpdir(), 'griddesk-bench');
  const grids = join(dir, `set-up-grids-${count}-v1.zip`);
  if (!existsSync(grids)) {
    await mkdir(dir, { recursive: true });
    const cols = Math.ceil(Math.sqrt(count * 2));
    const features = Array.from({ length: count }, (_, k) => {
      const i = k % cols;
      const j = Math.floor(k / cols);
      const community = Math.floor(k / PER_COMMUNITY) + 1;
      const sequence = (k % PER_COMMUNITY) + 1;
      return {
        geometry: { type: 'Polygon', coordinates: [cellRing(i, j)] } as GeoJSON.Polygon,
        properties: {
          code: `321281118${String(community).padStart(3, '0')}${String(sequence).padStart(3, '0')}`,
          name: `第${community}社区第${sequence}网格`,
          team: TEAMS[Math.floor((i * TEAMS.length) / cols)],
        },
      };
    });
    const written = writeShapefileZip(
      '网格',
      features,
      [
        { key: 'code', name: 'WGBM' },
        { key: 'name', name: 'WGMC' },
        { key: 'team', name: 'ZD' },
      ],
      { date: '2026-12-02' },
    );
    if (!written.ok) throw new Error(`set-up grids: ${JSON.stringify(written.errors.slice(0, 3))}`);
    await writeFile(`${grids}.part`, written.bytes);
    await rename(`${grids}.part`, grids);
  }
  const fixture = (name: string): string =>
    fileURLToPath(new URL(`../fixtures/centre/${name}`, import.meta.url));
  return {
    grids,
    gridsBytes: (await stat(grids)).size,
    teams: fixture('teams.xlsx'),
    officers: fixture('officers.xlsx'),
    count,
  };
}
