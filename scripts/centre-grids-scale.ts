// How long setting up a centre's grids takes at scale: `npx tsx scripts/centre-grids-scale.ts [grids]`
// (default 20,000). Lays out a street office of square grids (each edge with intermediate vertices
// shared exactly with the neighbour, as a topologically clean Shapefile has), plants one overlap, one
// gap and one code of another township, and times each step: guess the mapping, build the grids with
// their report (geometry checks, codes, overlaps and gaps by validateGridSet, communities, patrol areas
// dissolved from their grids), the boundary as the union of the grids, the grids again against that
// boundary, and the assembly checked by parseDataset. Prints one line per step and a JSON summary.
import { assembleCentreDataset, boundaryFromGrids, buildGrids, guessMapping } from '../shared/import/centre';
import type { GeoFeature } from '../shared/import/geo';
import type { Officer } from '../shared/model';
import { createRng, sampleMatterCatalogue } from '../shared/sample';
import { generateDepartments } from '../shared/sample/departments';

const GRIDS = Number(process.argv[2] ?? 20_000);
const COLS = Math.ceil(Math.sqrt(GRIDS * 2));
const ROWS = Math.ceil(GRIDS / COLS);
/** About 300 m × 330 m per grid at 31.5°N. */
const STEP = 0.003;
/** Intermediate vertices per edge. */
const PER_EDGE = 3;
const AREAS = 12;
/** Grids per community: codes have 999 communities of 999 grids at most. */
const PER_COMMUNITY = Math.max(100, Math.ceil(GRIDS / 900));

function edge(x0: number, y0: number, x1: number, y1: number): number[][] {
  const out: number[][] = [];
  for (let k = 0; k <= PER_EDGE; k++) {
    const t = k / (PER_EDGE + 1);
    out.push([Number((x0 + (x1 - x0) * t).toFixed(9)), Number((y0 + (y1 - y0) * t).toFixed(9))]);
  }
  return out;
}

function cellRing(i: number, j: number): number[][] {
  const w = 120 + i * STEP;
  const s = 31 + j * STEP;
  const e = w + STEP;
  const n = s + STEP;
  return [
    ...edge(w, s, e, s),
    ...edge(e, s, e, n),
    ...edge(e, n, w, n),
    ...edge(w, n, w, s),
    [Number(w.toFixed(9)), Number(s.toFixed(9))],
  ];
}

const features: GeoFeature[] = [];
for (let k = 0; k < COLS * ROWS && features.length < GRIDS; k++) {
  const i = k % COLS;
  const j = Math.floor(k / COLS);
  const community = Math.floor(k / PER_COMMUNITY) + 1;
  const sequence = (k % PER_COMMUNITY) + 1;
  const area = Math.floor((i * AREAS) / COLS) + 1;
  features.push({
    type: 'Feature',
    properties: {
      WGBM: `320214105${String(community).padStart(3, '0')}${String(sequence).padStart(3, '0')}`,
      WGMC: `第${community}社区第${sequence}网格`,
      SSSQ: `第${community}社区`,
      PQ: `第${area}片区`,
      ZD: `第${area}中队`,
      WGY: `网格员${k + 1}`,
      LXDH: `138${String(k).padStart(8, '0')}`,
    },
    geometry: { type: 'Polygon', coordinates: [cellRing(i, j)] },
  });
}
// Planted problems: grid 11 shifted half a step east (overlaps its neighbour), grid 2·COLS+5 removed
// (a gap), grid 21 coded for township 106.
const shifted = features[10] as GeoFeature;
const shiftedRing = (shifted.geometry as GeoJSON.Polygon).coordinates[0] as number[][];
features[10] = {
  ...shifted,
  geometry: {
    type: 'Polygon',
    coordinates: [shiftedRing.map(([x, y]) => [(x as number) + STEP / 2, y as number])],
  },
};
features.splice(2 * COLS + 5, 1);
const other = features[20] as GeoFeature;
features[20] = {
  ...other,
  properties: { ...other.properties, WGBM: `320214106${String(other.properties['WGBM']).slice(9)}` },
};

const timings: Record<string, number> = {};
function timed<T>(label: string, run: () => T): T {
  const started = performance.now();
  const value = run();
  timings[label] = Math.round(performance.now() - started);
  console.log(`${label.padEnd(28)} ${String(timings[label]).padStart(7)} ms`);
  return value;
}

const ctx = { file: 'grids.zip', countyCode: '320214', townshipCode: '105' };
console.log(`${features.length} grids, ${features.length * (4 * (PER_EDGE + 1) + 1)} positions`);
const mapping = timed('guessMapping', () => guessMapping('grids', features));
const first = timed('buildGrids (no boundary)', () => buildGrids(features, mapping, ctx));
const boundary = timed('boundaryFromGrids', () => boundaryFromGrids(first.grids, 'grids.zip'));
const second = timed('buildGrids (with boundary)', () =>
  buildGrids(features, mapping, { ...ctx, boundary: boundary.boundary ?? undefined }),
);
const officers: Officer[] = first.teams.map((team, k) => ({
  id: `officer-${k + 1}`,
  name: `执法员${k + 1}`,
  teamId: team.id,
  phone: '',
  status: 'available',
  kind: 'certified',
  certificateNo: `C${k + 1}`,
}));
const assembled = timed('assembleCentreDataset', () =>
  assembleCentreDataset({
    centreName: '规模测试中心',
    townshipName: '规模测试街道',
    countyCode: '320214',
    townshipCode: '105',
    boundary: boundary.boundary ?? { type: 'Polygon', coordinates: [] },
    // The planted problems stay out of the dataset: only the grids of sound rows.
    grids: first.grids,
    communities: first.communities,
    patrolAreas: first.patrolAreas,
    teams: first.teams,
    officers,
    gridWorkers: first.gridWorkers,
    matters: sampleMatterCatalogue().map((e) => e.matter),
    departments: generateDepartments(createRng(1)),
    createdAt: Date.now(),
  }),
);
const count = (issues: readonly { key: string }[]) =>
  Object.fromEntries(
    [...new Set(issues.map((i) => i.key))].map((k) => [k, issues.filter((i) => i.key === k).length]),
  );
console.log('report without boundary:', count(first.report.issues));
console.log('report with boundary:   ', count(second.report.issues));
console.log(
  `patrol areas ${first.patrolAreas.length}, communities ${first.communities.length}, assembled ok ${assembled.ok}`,
);
console.log(JSON.stringify({ grids: features.length, ...timings }));
