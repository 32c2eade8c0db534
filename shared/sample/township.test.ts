import {
  area,
  bbox,
  booleanClockwise,
  booleanPointInPolygon,
  featureCollection,
  feature,
  intersect,
  kinks,
  union,
} from '@turf/turf';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseGridCode, westToEastNorthToSouth } from '../grid/code';
import { CASE_SOURCES, CASE_STAGES, isOpenStage, URGENCIES } from '../model/case';
import type { TownshipDataset } from '../model/dataset';
import type { AreaGeometry, LonLat, Ring } from '../model/geo';
import { MATTER_DOMAINS } from '../model/matter';
import { GRID_ROW_HEIGHT_DEG, gridReferencePoint } from './organisation';
import { generateTownship, SAMPLE_ANCHOR_MS, SAMPLE_SEED } from './township';
import { asTurfArea } from './turf-geometry';

let ds: TownshipDataset;
beforeAll(() => {
  ds = generateTownship({ seed: SAMPLE_SEED, scale: 'township' });
});

const nth = <T>(list: readonly T[], k: number): T => {
  const item = list[k];
  if (item === undefined) throw new RangeError(`no item ${k}`);
  return item;
};
const clockwise = (ring: Ring): boolean => booleanClockwise(ring as unknown as number[][]);
const rings = (g: AreaGeometry): readonly Ring[] =>
  g.type === 'Polygon' ? g.coordinates : g.coordinates.flat();
const inside = (p: LonLat, g: AreaGeometry): boolean => booleanPointInPolygon([p[0], p[1]], asTurfArea(g));
const boxesMeet = (a: number[], b: number[]): boolean =>
  (a[0] as number) <= (b[2] as number) &&
  (b[0] as number) <= (a[2] as number) &&
  (a[1] as number) <= (b[3] as number) &&
  (b[1] as number) <= (a[3] as number);

describe('the sample township', () => {
  it('is labelled synthetic and sits in a real Jiangsu county, about 60 km²', () => {
    expect(ds.meta.synthetic).toBe(true);
    expect(ds.meta.label).toContain('示例数据（合成）');
    expect(ds.township.name).toContain('示例');
    expect(ds.township.countyCode).toBe('321281');
    expect(ds.township.areaM2 / 1e6).toBeGreaterThan(50);
    expect(ds.township.areaM2 / 1e6).toBeLessThan(70);
    const [w, s, e, n] = bbox(asTurfArea(ds.township.boundary));
    expect(w).toBeGreaterThan(119.5);
    expect(e).toBeLessThan(120.5);
    expect(s).toBeGreaterThan(32.3);
    expect(n).toBeLessThan(33.2);
  });

  it('has about 80 grids with valid rings: closed, exterior counter-clockwise, simple, 20–300 vertices', () => {
    expect(ds.grids.length).toBeGreaterThanOrEqual(70);
    expect(ds.grids.length).toBeLessThanOrEqual(95);
    for (const g of [...ds.grids.map((x) => x.geometry), ds.township.boundary]) {
      expect(g.type).toBe('Polygon');
      const outer = rings(g)[0] as Ring;
      expect(outer[0]).toEqual(outer[outer.length - 1]);
      expect(clockwise(outer)).toBe(false);
      expect(kinks(asTurfArea(g)).features).toHaveLength(0);
    }
    for (const g of ds.grids) {
      const n = (rings(g.geometry)[0] as Ring).length;
      expect(n).toBeGreaterThanOrEqual(20);
      expect(n).toBeLessThanOrEqual(300);
      expect(g.areaM2).toBeCloseTo(area(asTurfArea(g.geometry)), 1);
    }
  });

  it('tiles the township: the union of the grids is the township and no two grids overlap', () => {
    const merged = union(featureCollection(ds.grids.map((g) => feature(asTurfArea(g.geometry)))));
    expect(merged).not.toBeNull();
    expect(Math.abs(area(merged as never) - ds.township.areaM2) / ds.township.areaM2).toBeLessThan(0.001);
    const sum = ds.grids.reduce((s, g) => s + g.areaM2, 0);
    expect(Math.abs(sum - ds.township.areaM2) / ds.township.areaM2).toBeLessThan(0.001);
    const boxes = ds.grids.map((g) => bbox(asTurfArea(g.geometry)) as number[]);
    let compared = 0;
    for (let a = 0; a < ds.grids.length; a++) {
      for (let b = a + 1; b < ds.grids.length; b++) {
        if (!boxesMeet(boxes[a] as number[], boxes[b] as number[])) continue;
        compared++;
        const overlap = intersect(
          featureCollection([
            feature(asTurfArea(nth(ds.grids, a).geometry)),
            feature(asTurfArea(nth(ds.grids, b).geometry)),
          ]),
        );
        expect(overlap === null ? 0 : area(overlap)).toBeLessThan(1);
      }
    }
    expect(compared).toBeGreaterThan(ds.grids.length);
  });

  it('codes every grid uniquely, numbered west→east, north→south within its community', () => {
    const codes = ds.grids.map((g) => g.code);
    expect(new Set(codes).size).toBe(codes.length);
    const prefix = ds.township.countyCode + ds.township.townshipCode.padStart(3, '0');
    for (const g of ds.grids) {
      const parsed = parseGridCode(g.code);
      expect(parsed.ok).toBe(true);
      expect(g.code.startsWith(prefix + g.communityCode)).toBe(true);
    }
    expect(ds.communities.length).toBeGreaterThanOrEqual(10);
    expect(ds.communities.length).toBeLessThanOrEqual(14);
    for (const c of ds.communities) {
      const members = ds.grids.filter((g) => g.communityCode === c.code);
      expect(members.length).toBeGreaterThan(0);
      const order = westToEastNorthToSouth(
        members.map((g) => gridReferencePoint(g.geometry)),
        GRID_ROW_HEIGHT_DEG,
      );
      expect(order.map((k) => Number(nth(members, k).code.slice(12)))).toEqual(members.map((_, k) => k + 1));
    }
  });

  it('puts every grid in one patrol area of a team, and every community in one patrol area', () => {
    expect(ds.patrolAreas).toHaveLength(3);
    expect(ds.teams).toHaveLength(3);
    expect(new Set(ds.patrolAreas.map((a) => a.color)).size).toBe(3);
    for (const g of ds.grids) expect(ds.patrolAreas.filter((a) => a.id === g.patrolAreaId)).toHaveLength(1);
    for (const a of ds.patrolAreas) {
      const team = ds.teams.find((t) => t.id === a.teamId);
      expect(team).toBeDefined();
      expect(ds.officers.find((o) => o.id === team?.leaderId)?.teamId).toBe(team?.id);
      const members = ds.grids.filter((g) => g.patrolAreaId === a.id);
      const sum = members.reduce((s, g) => s + g.areaM2, 0);
      expect(Math.abs(area(asTurfArea(a.geometry)) - sum) / sum).toBeLessThan(0.001);
    }
    for (const c of ds.communities) {
      expect(
        new Set(ds.grids.filter((g) => g.communityCode === c.code).map((g) => g.patrolAreaId)).size,
      ).toBe(1);
    }
    const workerIds = new Set(ds.gridWorkers.map((w) => w.id));
    expect(new Set(ds.grids.map((g) => g.gridWorkerId)).size).toBe(ds.grids.length);
    for (const g of ds.grids) expect(workerIds.has(g.gridWorkerId)).toBe(true);
  });

  it('staffs about 30 officers, certified and auxiliary, on-duty ones inside their patrol area', () => {
    expect(ds.officers.length).toBeGreaterThanOrEqual(25);
    expect(ds.officers.length).toBeLessThanOrEqual(35);
    const certified = ds.officers.filter((o) => o.kind === 'certified');
    expect(certified.length).toBeGreaterThan(0);
    expect(certified.length).toBeLessThan(ds.officers.length);
    for (const o of certified)
      expect(o.kind === 'certified' && /^苏\d{13}$/.test(o.certificateNo)).toBe(true);
    for (const o of ds.officers) {
      const area = ds.patrolAreas.find((a) => a.teamId === o.teamId);
      if (o.status === 'off-duty') expect(o.position).toBeUndefined();
      else expect(o.position && area && inside(o.position, area.geometry)).toBe(true);
    }
    expect(ds.departments.length).toBeGreaterThanOrEqual(8);
  });

  it('lists at least 100 matters over at least 10 domains with valid authorities', () => {
    expect(ds.matters.length).toBeGreaterThanOrEqual(100);
    expect(new Set(ds.matters.map((m) => m.code)).size).toBe(ds.matters.length);
    expect(new Set(ds.matters.map((m) => m.domain)).size).toBeGreaterThanOrEqual(10);
    const deptIds = new Set(ds.departments.map((d) => d.id));
    for (const m of ds.matters) {
      expect(MATTER_DOMAINS).toContain(m.domain);
      expect(m.legalBasis).toMatch(/^《.+》第.+条/);
      if (m.authority.kind === 'department') expect(deptIds.has(m.authority.departmentId)).toBe(true);
      expect(Object.values(m.limits).every((h) => h > 0)).toBe(true);
    }
    expect(ds.matters.some((m) => m.authority.kind === 'township')).toBe(true);
    expect(ds.matters.some((m) => m.authority.kind === 'department')).toBe(true);
  });

  it('draws the offline basemap: ranked roads, river, canals, lakes, settlements and POIs', () => {
    const { roads, water, settlements, pois } = ds.basemap;
    expect(new Set(roads.map((r) => r.rank))).toEqual(new Set(['trunk', 'main', 'minor']));
    for (const r of roads) expect(r.geometry.coordinates.length).toBeGreaterThanOrEqual(3);
    expect(new Set(water.map((w) => w.kind))).toEqual(new Set(['river', 'canal', 'lake']));
    for (const w of water) if (w.geometry.type === 'LineString') expect(w.widthM).toBeGreaterThan(0);
    expect(settlements.filter((s) => s.kind === 'town-centre')).toHaveLength(1);
    expect(settlements.filter((s) => s.kind === 'village').length).toBeGreaterThanOrEqual(8);
    for (const kind of ['government', 'market', 'school', 'construction'] as const) {
      expect(pois.some((p) => p.kind === kind)).toBe(true);
    }
    for (const p of pois) expect(inside(p.location, ds.township.boundary)).toBe(true);
  });
});

describe('the sample cases', () => {
  it('number about 3,000 over the year before the anchor, each in the grid and team it names', () => {
    expect(ds.cases.length).toBeGreaterThan(2500);
    expect(ds.cases.length).toBeLessThan(3500);
    const grids = new Map(ds.grids.map((g) => [g.code as string, g]));
    const teamOfArea = new Map(ds.patrolAreas.map((a) => [a.id, a.teamId]));
    const matters = new Set(ds.matters.map((m) => m.code));
    for (const c of ds.cases) {
      expect(c.caseNo).toMatch(/^20(25|26)-\d{6}$/);
      expect(c.reportedAt).toBeLessThan(SAMPLE_ANCHOR_MS);
      expect(c.reportedAt).toBeGreaterThan(SAMPLE_ANCHOR_MS - 367 * 86_400_000);
      expect(matters.has(c.matterCode)).toBe(true);
      const grid = grids.get(c.gridCode);
      if (!grid) throw new Error(`case ${c.caseNo} names unknown grid ${c.gridCode}`);
      expect(inside(c.location, ds.township.boundary)).toBe(true);
      expect(inside(c.location, grid.geometry)).toBe(true);
      expect(c.teamId).toBe(teamOfArea.get(grid.patrolAreaId));
    }
    expect(new Set(ds.cases.map((c) => c.id)).size).toBe(ds.cases.length);
  });

  it('runs each case through the loop in order, with strictly increasing step times', () => {
    for (const c of ds.cases) {
      expect(c.steps[0]).toMatchObject({ stage: 'reported', at: c.reportedAt });
      expect(c.steps.map((s) => s.stage)).toEqual(CASE_STAGES.slice(0, c.steps.length));
      for (let k = 1; k < c.steps.length; k++)
        expect(nth(c.steps, k).at).toBeGreaterThan(nth(c.steps, k - 1).at);
      const last = nth(c.steps, c.steps.length - 1);
      expect(c.stage).toBe(last.stage);
      expect(last.at).toBeLessThanOrEqual(SAMPLE_ANCHOR_MS);
    }
  });

  it('covers every source, urgency and stage; old cases are mostly finished and a few dozen are open', () => {
    for (const s of CASE_SOURCES) expect(ds.cases.some((c) => c.source === s)).toBe(true);
    for (const u of URGENCIES) expect(ds.cases.some((c) => c.urgency === u)).toBe(true);
    for (const s of CASE_STAGES) expect(ds.cases.some((c) => c.stage === s)).toBe(true);
    const open = ds.cases.filter((c) => isOpenStage(c.stage));
    expect(open.length).toBeGreaterThanOrEqual(20);
    expect(open.length).toBeLessThanOrEqual(150);
    const old = ds.cases.filter((c) => c.reportedAt < SAMPLE_ANCHOR_MS - 30 * 86_400_000);
    expect(old.filter((c) => isOpenStage(c.stage)).length).toBeLessThan(old.length * 0.01);
  });

  it('clusters around the market and follows daily and weekly rhythms', () => {
    const markets = ds.basemap.pois.filter((p) => p.kind === 'market').map((p) => p.location);
    const nearMarket = ds.cases.filter((c) =>
      markets.some(
        (m) => Math.hypot((c.location[0] - m[0]) * 93_000, (c.location[1] - m[1]) * 111_000) < 300,
      ),
    );
    const marketDiscsKm2 = markets.length * Math.PI * 0.3 ** 2;
    const density = ds.cases.length / (ds.township.areaM2 / 1e6);
    expect(nearMarket.length / marketDiscsKm2).toBeGreaterThan(5 * density);
    const hourOf = (t: number): number => new Date(t + 8 * 3_600_000).getUTCHours();
    const day = ds.cases.filter((c) => hourOf(c.reportedAt) >= 8 && hourOf(c.reportedAt) < 18).length;
    const night = ds.cases.filter((c) => hourOf(c.reportedAt) < 6).length;
    expect(day / 10).toBeGreaterThan(5 * (night / 6));
    const weekend = ds.cases.filter((c) =>
      [0, 6].includes(new Date(c.reportedAt + 8 * 3_600_000).getUTCDay()),
    ).length;
    expect(weekend / 2).toBeLessThan((ds.cases.length - weekend) / 5);
  });
});

describe('generateTownship determinism', () => {
  it('gives a deep-equal dataset for the same seed and a different one for another seed', () => {
    expect(generateTownship({ seed: SAMPLE_SEED, scale: 'township' })).toEqual(ds);
    const other = generateTownship({ seed: SAMPLE_SEED + 1, scale: 'township' });
    expect(other.grids.map((g) => g.geometry)).not.toEqual(ds.grids.map((g) => g.geometry));
    expect(other.cases.length).not.toBe(0);
  });
});
