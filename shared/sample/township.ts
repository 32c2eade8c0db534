import { booleanPointInPolygon } from '@turf/turf';
import type { TownshipDataset } from '../model/dataset';
import type { LonLat } from '../model/geo';
import { CURRENT_SCHEMA_VERSION } from '../schema/migrations';
import { generateBasemap } from './basemap';
import { assignCaseOfficers } from './case-officers';
import { generateCases } from './cases';
import { generateDepartments } from './departments';
import { type GeographyPlan, planGeography } from './geography';
import { createAreaLocator } from './grid-locator';
import { sampleMatterCatalogue } from './matters';
import { generateOrganisation } from './organisation';
import { createRng, type Rng } from './random';
import { asTurfArea } from './turf-geometry';

/** The "now" of the sample: 2026-11-01 08:00 China time, epoch milliseconds. Cases span the year before it. */
export const SAMPLE_ANCHOR_MS = Date.parse('2026-11-01T08:00:00+08:00');

/** The seed of the committed sample in resources/sample. */
export const SAMPLE_SEED = 20261101;

/** The committed sample's mean reports per weekday. */
export const SAMPLE_CASES_PER_DAY = 9.2;

export const SAMPLE_LABEL = '示例数据（合成）';

/** `township`: the committed ~60 km² sample with basemap and cases; `city`: ~7,000 grids for benchmarks. */
export type SampleScale = 'township' | 'city';

export interface SampleOptions {
  readonly seed: number;
  readonly scale: SampleScale;
  /** City scale only: about how many grids (default 7,000). Smaller values make fast tests. */
  readonly cityGrids?: number;
  /**
   * Township scale only: mean reports per weekday over the sample's year (default 9.2, the committed
   * sample's rate); the scale benchmark uses ten times that for a busy street office.
   */
  readonly casesPerDay?: number;
}

const COUNTY = { code: '321281', name: '兴化市' } as const;
const TOWNSHIP_CODE = 118;

const TOWNSHIP_PLAN: GeographyPlan = {
  origin: [119.985, 32.865],
  cols: 16,
  rows: 14,
  spacingM: 700,
  centreShrink: 0.45,
  targetCells: 140,
  cellsPerGrid: (d, rng) => (d < 1300 ? 1 : (rng.pick([1, 2, 2, 2, 3]) as number)),
  communities: 12,
  patrolAreas: 3,
  edgeVertices: [4, 12],
  targetAreaM2: 60e6,
};

function cityPlan(grids: number): GeographyPlan {
  const side = Math.ceil(Math.sqrt(grids * 1.35));
  return {
    origin: [119.92, 32.48],
    cols: side,
    rows: side,
    spacingM: 450,
    centreShrink: 0.3,
    targetCells: grids,
    cellsPerGrid: () => 1,
    communities: Math.max(3, Math.round(grids / 55)),
    patrolAreas: Math.max(3, Math.min(16, Math.round(grids / 600))),
    edgeVertices: [12, 70],
    targetAreaM2: grids * 160_000,
  };
}

/**
 * Generates a synthetic township (or, at `city` scale, a large city-sized grid layout for benchmarks).
 * Pure and deterministic: the same options give a deep-equal dataset; nothing reads the clock or Math.random.
 * Coordinates are WGS84 lon/lat rounded to 6 decimals; times are epoch milliseconds around
 * {@link SAMPLE_ANCHOR_MS}. The city scale has no basemap detail and no cases.
 */
export function generateTownship(options: SampleOptions): TownshipDataset {
  const rng = createRng(options.seed);
  const city = options.scale === 'city';
  const geo = planGeography(city ? cityPlan(options.cityGrids ?? 7000) : TOWNSHIP_PLAN, rng.fork(10));
  const org = generateOrganisation(
    geo,
    {
      countyCode: COUNTY.code,
      townshipCode: TOWNSHIP_CODE,
      isUrban: (d) => city || d < 1700,
      officersPerTeam: city ? [8, 12] : [9, 11],
      now: SAMPLE_ANCHOR_MS,
    },
    rng.fork(20),
  );
  const departments = generateDepartments(rng.fork(30));
  const catalogue = sampleMatterCatalogue();
  const townName = city ? '示例新城' : '澄湖';
  const township = {
    name: city ? '示例新城街道（基准测试）' : `${townName}镇（示例）`,
    countyCode: COUNTY.code,
    countyName: COUNTY.name,
    townshipCode: String(TOWNSHIP_CODE),
    boundary: geo.boundary,
    areaM2: geo.boundaryAreaM2,
  };
  const base = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: {
      label: `${township.name} ${SAMPLE_LABEL}`,
      synthetic: true,
      seed: options.seed,
      generatedAt: SAMPLE_ANCHOR_MS,
    },
    township,
    communities: org.communities,
    grids: org.grids,
    gridWorkers: org.gridWorkers,
    patrolAreas: org.patrolAreas,
    teams: org.teams,
    officers: org.officers,
    departments,
    matters: catalogue.map((e) => e.matter),
  };
  if (city) return { ...base, basemap: { roads: [], water: [], settlements: [], pois: [] }, cases: [] };
  const casesPerDay = options.casesPerDay ?? SAMPLE_CASES_PER_DAY;
  return {
    ...base,
    ...townshipDetail(geo, org, departments, catalogue, townName, casesPerDay, rng.fork(40)),
  };
}

function townshipDetail(
  geo: ReturnType<typeof planGeography>,
  org: ReturnType<typeof generateOrganisation>,
  departments: ReturnType<typeof generateDepartments>,
  catalogue: ReturnType<typeof sampleMatterCatalogue>,
  townName: string,
  casesPerDay: number,
  rng: Rng,
): Pick<TownshipDataset, 'basemap' | 'cases' | 'officers'> {
  const boundary = asTurfArea(geo.boundary);
  const inside = (p: readonly [number, number]): boolean => {
    const ll: LonLat = geo.frame.toLonLat(p[0], p[1]);
    return booleanPointInPolygon([ll[0], ll[1]], boundary);
  };
  const xs = geo.grids.map((g) => g.point);
  const extent = [
    Math.min(...xs.map((p) => p[0])) - 400,
    Math.min(...xs.map((p) => p[1])) - 400,
    Math.max(...xs.map((p) => p[0])) + 400,
    Math.max(...xs.map((p) => p[1])) + 400,
  ] as const;
  const villages = org.communities.flatMap((c) => {
    if (c.kind !== 'village') return [];
    const planned = geo.communities.find((p) => {
      const ll = geo.frame.toLonLat(p.centre[0], p.centre[1]);
      return ll[0] === c.centre[0] && ll[1] === c.centre[1];
    });
    if (!planned) return [];
    return [
      {
        name: c.name.replace(/村$/, ''),
        centre: planned.centre,
        spare: planned.grids.map((gi) => geo.grids[gi]?.point ?? planned.centre),
      },
    ];
  });
  const { basemap, places } = generateBasemap(
    { frame: geo.frame, centre: geo.centre, extent, inside, townName, villages },
    rng.fork(1),
  );
  const cases = generateCases(
    {
      catalogue,
      places,
      frame: geo.frame,
      grids: org.grids,
      communities: org.communities,
      gridWorkers: org.gridWorkers,
      patrolAreas: org.patrolAreas,
      officers: org.officers,
      departments,
      locate: createAreaLocator(org.grids.map((g) => g.geometry)),
      now: SAMPLE_ANCHOR_MS,
      days: 365,
      perDay: casesPerDay,
    },
    rng.fork(2),
  );
  const crews = assignCaseOfficers(
    cases,
    org.officers,
    catalogue.map((e) => e.matter),
    rng.fork(3),
  );
  return { basemap, cases: crews.cases, officers: crews.officers };
}
