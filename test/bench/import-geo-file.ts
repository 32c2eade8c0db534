/**
 * The `import` bench's file: a zipped Shapefile of ≈ 200,000 polygons whose .shp, .shx and .dbf
 * together make 100 MiB, as a surveying bureau sends a county's parcels: CGCS2000 3° Gauss–Krüger zone
 * 39 with the zone number in the easting (EPSG:4527, the bureau's ESRI `.prj`), attributes in GBK with
 * a `.cpg` of `936`. Written with the project's own Shapefile writer (shared/export/geo), from a fixed
 * seed, into the temp folder once (not committed): every run reads the same bytes.
 *
 * Each polygon is a star-shaped ring of 25 positions (24 and the closing one) around the middle of its
 * 50 m cell, so rings never cross; every 10,000th is a bow-tie, which the checks must name.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { cpgText, writeDbf, writeShp } from '../../shared/export/geo';
import { createRng } from '../../shared/sample/random';

const MiB = 1024 * 1024;
/** .shp + .shx + .dbf. */
export const BENCH_SHAPEFILE_BYTES = 100 * MiB;
const VERTICES = 24;
const CELL_M = 50;
const COLUMNS = 500;
/** Zone 39 (117°E) with the zone number: a cell grid south-east of Beijing, ~39.0°N. */
const ORIGIN: readonly [number, number] = [39_480_000, 4_318_000];
const LAYER = '地块';
const PRJ =
  'PROJCS["CGCS2000_3_Degree_GK_Zone_39",GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",' +
  'DATUM["D_China_2000",SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],' +
  'UNIT["Degree",0.0174532925199433]],PROJECTION["Gauss_Kruger"],PARAMETER["False_Easting",39500000.0],' +
  'PARAMETER["False_Northing",0.0],PARAMETER["Central_Meridian",117.0],PARAMETER["Scale_Factor",1.0],' +
  'PARAMETER["Latitude_Of_Origin",0.0],UNIT["Meter",1.0]]';
const VILLAGES = ['东王庄村', '西柳林村', '南河套村', '北辛店村', '大良镇', '小屯村', '杨家坞', '马头营'];
const USES = ['耕地', '园地', '林地', '宅基地', '水域', '道路', '工矿用地', '公共设施'];

export interface BenchShapefile {
  readonly path: string;
  /** The zip's size. */
  readonly bytes: number;
  /** .shp + .shx + .dbf. */
  readonly shapefileBytes: number;
  readonly polygons: number;
  readonly bowTies: number;
}

/** The number of polygons whose .shp + .shx + .dbf come to `target` bytes. */
function polygonsFor(target: number): number {
  const shp = 8 + 44 + 4 + 16 * (VERTICES + 1);
  const shx = 8;
  // The deletion flag and the five fields below, as wide as writeDbf makes them for these values.
  const dbf = 1 + 12 + 17 + 8 + 6 + 8;
  return Math.floor((target - 100 - 100 - 32 - 32 * 5) / (shp + shx + dbf));
}

function ringAround(cx: number, cy: number, rng: ReturnType<typeof createRng>, bowTie: boolean): number[][] {
  const ring: number[][] = [];
  for (let k = 0; k < VERTICES; k++) {
    const angle = (2 * Math.PI * k) / VERTICES;
    const r = rng.range(0.3, 0.48) * CELL_M;
    ring.push([
      Math.round((cx + r * Math.cos(angle)) * 1000) / 1000,
      Math.round((cy + r * Math.sin(angle)) * 1000) / 1000,
    ]);
  }
  if (bowTie) {
    // Swap two opposite positions: the ring crosses itself.
    const a = ring[1] as number[];
    ring[1] = ring[VERTICES >> 1] as number[];
    ring[VERTICES >> 1] = a;
  }
  ring.push([...(ring[0] as number[])]);
  return ring;
}

/**
 * Writes the bench Shapefile zip (unless the temp folder already holds it) and says what it holds.
 */
export async function writeBenchShapefile(target = BENCH_SHAPEFILE_BYTES): Promise<BenchShapefile> {
  const count = polygonsFor(target);
  const bowTies = Math.floor(count / 10_000);
  const dir = join(tmpdir(), 'griddesk-bench');
  const path = join(dir, `gk39-gbk-${count}-v1.zip`);
  if (!existsSync(path)) {
    await mkdir(dir, { recursive: true });
    const rng = createRng(20_261_202);
    const geometries: GeoJSON.Geometry[] = [];
    const records: Record<string, unknown>[] = [];
    for (let i = 0; i < count; i++) {
      const col = i % COLUMNS;
      const row = Math.floor(i / COLUMNS);
      const cx = ORIGIN[0] + (col + 0.5) * CELL_M;
      const cy = ORIGIN[1] + (row + 0.5) * CELL_M;
      geometries.push({ type: 'Polygon', coordinates: [ringAround(cx, cy, rng, i % 10_000 === 9_999)] });
      records.push({
        code: `130223${String(i + 1).padStart(6, '0')}`,
        name: `${VILLAGES[row % VILLAGES.length]}${col + 1}号地块`,
        use: USES[rng.int(0, USES.length - 1)],
        area: Math.round(rng.range(800, 2200) * 10) / 10,
        village: VILLAGES[(row + col) % VILLAGES.length],
      });
    }
    const table = writeDbf(
      records,
      [
        { key: 'code', name: '编码', type: 'C' },
        { key: 'name', name: '名称', type: 'C' },
        { key: 'use', name: '地类', type: 'C' },
        { key: 'area', name: '面积', type: 'N' },
        { key: 'village', name: '村', type: 'C' },
      ],
      'gbk',
      '2026-12-02',
    );
    if (!table.ok) throw new Error(`bench Shapefile: ${JSON.stringify(table.problems.slice(0, 3))}`);
    const { shp, shx } = writeShp('polygon', geometries);
    const text = (s: string) => new TextEncoder().encode(s);
    const zip = zipSync(
      {
        [`${LAYER}.shp`]: shp,
        [`${LAYER}.shx`]: shx,
        [`${LAYER}.dbf`]: table.bytes,
        [`${LAYER}.prj`]: text(PRJ),
        [`${LAYER}.cpg`]: text(cpgText('gbk')),
      },
      { level: 6, mtime: new Date(Date.UTC(2000, 0, 1)) },
    );
    const facts = { shapefileBytes: shp.length + shx.length + table.bytes.length };
    await writeFile(`${path}.json`, JSON.stringify(facts));
    await writeFile(`${path}.part`, zip);
    await rename(`${path}.part`, path);
  }
  const { shapefileBytes } = JSON.parse(await readFile(`${path}.json`, 'utf8')) as { shapefileBytes: number };
  return { path, bytes: (await stat(path)).size, shapefileBytes, polygons: count, bowTies };
}
