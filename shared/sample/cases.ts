import type { Case, CaseSource, Urgency } from '../model/case';
import type { Community, Department, Grid, GridWorker, Officer, PatrolArea } from '../model/organisation';
import type { SamplePlaces } from './basemap';
import { drawSpot, type IncidentSpot } from './case-places';
import { playTimeline } from './case-timeline';
import type { LocalFrame } from './local-frame';
import type { CatalogueEntry } from './matters';
import { personName } from './names';
import type { Rng } from './random';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** Relative report rate per hour of the day (China time): quiet nights, morning and afternoon peaks. */
const HOUR_WEIGHTS = [
  0.2, 0.1, 0.08, 0.08, 0.12, 0.3, 0.8, 1.6, 2.4, 2.6, 2.3, 1.7, 1.1, 1.4, 2.0, 2.2, 2.0, 1.6, 1.3, 1.2, 1.0,
  0.8, 0.5, 0.3,
];
const SOURCES: readonly CaseSource[] = ['hotline', 'grid-worker', 'video', 'sensor', 'patrol', 'walk-in'];

export interface CaseInput {
  readonly catalogue: readonly CatalogueEntry[];
  readonly places: SamplePlaces;
  readonly frame: LocalFrame;
  readonly grids: readonly Grid[];
  readonly communities: readonly Community[];
  readonly gridWorkers: readonly GridWorker[];
  readonly patrolAreas: readonly PatrolArea[];
  readonly officers: readonly Officer[];
  readonly departments: readonly Department[];
  /** Index of the grid containing a lon/lat point, or -1 outside the township. */
  readonly locate: (p: readonly [number, number]) => number;
  /** The sample's "now", epoch milliseconds; cases span the `days` before it. */
  readonly now: number;
  readonly days: number;
  /** Mean reports per weekday. */
  readonly perDay: number;
}

/** Seasonal, daily and weekly nudges to how often a matter comes up. */
function matterWeight(e: CatalogueEntry, month: number, hour: number, weekend: boolean): number {
  const code = e.matter.code;
  let w = e.weight;
  if (code === 'NY-001') w *= month === 5 || month === 9 || month === 10 ? 5 : 0.15;
  if (code === 'CG-010' || code === 'CG-014' || code === 'ST-007') w *= hour >= 18 || hour < 1 ? 4 : 0.6;
  if (code === 'CG-013') w *= hour >= 22 || hour < 6 ? 8 : 0.3;
  if (code === 'NY-003' || code === 'NY-004') w *= month >= 2 && month <= 5 ? 2 : 0.8;
  if (weekend && e.places.length === 1 && e.places[0] === 'school') w *= 0.2;
  if (weekend && e.places.includes('market')) w *= 1.3;
  return w;
}

function sourceWeights(e: CatalogueEntry, weekend: boolean): number[] {
  const domain = e.matter.domain;
  const sensed =
    domain === 'ecology-environment' || domain === 'water-resources' || domain === 'emergency-management';
  const watched = e.places.some((p) => p === 'road' || p === 'centre' || p === 'market');
  return [30, weekend ? 14 : 30, watched ? 18 : 4, sensed ? 12 : 1, weekend ? 10 : 15, 8];
}

function urgencyOf(e: CatalogueEntry, rng: Rng): Urgency {
  const fast = e.matter.limits.handle <= 4;
  const r = rng.next();
  if (r < (fast ? 0.2 : 0.02)) return 'critical';
  if (r < (fast ? 0.6 : 0.12)) return 'urgent';
  return 'normal';
}

const DESCRIPTION: Readonly<Record<CaseSource, (where: string, what: string) => string>> = {
  hotline: (where, what) => `市民来电反映：${where}${what}，请核实处理。`,
  'grid-worker': (where, what) => `网格员巡查发现${where}${what}。`,
  video: (where, what) => `视频监控识别到${where}疑似${what}。`,
  sensor: (where, what) => `物联感知设备告警：${where}${what}。`,
  patrol: (where, what) => `执法队员巡查发现${where}${what}。`,
  'walk-in': (where, what) => `群众来访反映${where}${what}。`,
};

/**
 * About `perDay` × `days` cases before `now`, clustered where their matters happen, with daily, weekly and
 * seasonal rhythms. Each case lies inside the grid it names and belongs to that grid's team; old cases have run
 * the whole loop, recent ones stop at the stage reached by `now`. Sorted by report time, numbered per year.
 */
export function generateCases(input: CaseInput, rng: Rng): Case[] {
  const { catalogue, grids, now } = input;
  const teamOfArea = new Map(input.patrolAreas.map((a) => [a.id, a.teamId]));
  const communityName = new Map(input.communities.map((c) => [c.code, c.name]));
  const workerName = new Map(input.gridWorkers.map((w) => [w.id, w.name]));
  const departments = new Map(input.departments.map((d) => [d.id, d]));
  const operators = Array.from({ length: 4 }, () => `值班员${personName(rng)}`);
  const midnight = now - ((now + 8 * HOUR) % DAY);
  const drafts: Omit<Case, 'id' | 'caseNo'>[] = [];

  for (let d = input.days; d >= 0; d--) {
    const dayStart = midnight - d * DAY;
    const date = new Date(dayStart + 8 * HOUR);
    const weekday = date.getUTCDay();
    const weekend = weekday === 0 || weekday === 6;
    const month = date.getUTCMonth();
    const season = 1 + 0.18 * Math.sin((2 * Math.PI * (month - 3)) / 12);
    const count = Math.round(input.perDay * season * (weekend ? 0.72 : 1) * rng.range(0.6, 1.4));
    for (let k = 0; k < count; k++) {
      const hour = rng.weightedIndex(HOUR_WEIGHTS);
      const reportedAt = dayStart + hour * HOUR + rng.int(0, 3599) * 1000;
      if (reportedAt >= now) continue;
      const entry = catalogue[
        rng.weightedIndex(catalogue.map((e) => matterWeight(e, month, hour, weekend)))
      ] as CatalogueEntry;
      let spot: IncidentSpot | undefined;
      let gridIndex = -1;
      for (let attempt = 0; attempt < 40 && gridIndex < 0; attempt++) {
        const kind = attempt < 30 ? rng.pick(entry.places) : 'farmland';
        spot = drawSpot(kind, input.places, rng, (at) => {
          const g = grids[input.locate(input.frame.toLonLat(at[0], at[1]))];
          return (g && communityName.get(g.communityCode)) ?? '';
        });
        gridIndex = input.locate(input.frame.toLonLat(spot.at[0], spot.at[1]));
      }
      const grid = grids[gridIndex];
      if (!grid || !spot) throw new Error(`could not place a case for ${entry.matter.code}`);
      const teamId = teamOfArea.get(grid.patrolAreaId) ?? '';
      const team = input.officers.filter(
        (o) => o.teamId === teamId && (!entry.matter.needsCertified || o.kind === 'certified'),
      );
      const authority = entry.matter.authority;
      const dept = authority.kind === 'department' ? departments.get(authority.departmentId) : undefined;
      const source = SOURCES[rng.weightedIndex(sourceWeights(entry, weekend))] as CaseSource;
      const worker = workerName.get(grid.gridWorkerId) ?? '网格员';
      const reporter: Record<CaseSource, string> = {
        hotline: '12345热线',
        'grid-worker': `网格员${worker}`,
        video: '视频AI识别',
        sensor: '物联感知平台',
        patrol: team.length > 0 ? rng.pick(team).name : '巡查队员',
        'walk-in': '便民服务中心窗口',
      };
      const urgency = urgencyOf(entry, rng);
      const steps = playTimeline(
        reportedAt,
        entry.matter,
        urgency,
        dept !== undefined,
        now,
        {
          reporter: reporter[source],
          operator: () => rng.pick(operators),
          handler: dept
            ? `${dept.shortName}${personName(rng)}`
            : team.length > 0
              ? rng.pick(team).name
              : '执法中队',
          verifier: () => (rng.chance(0.6) ? `网格员${worker}` : rng.pick(operators)),
          evaluator: source === 'hotline' ? '12345回访' : '群众评价',
        },
        rng,
      );
      drafts.push({
        source,
        matterCode: entry.matter.code,
        urgency,
        stage: steps[steps.length - 1]?.stage ?? 'reported',
        description: DESCRIPTION[source](spot.address, entry.incident),
        address: spot.address,
        location: input.frame.toLonLat(spot.at[0], spot.at[1]),
        gridCode: grid.code,
        teamId,
        reportedAt,
        steps,
      });
    }
  }
  drafts.sort((a, b) => a.reportedAt - b.reportedAt);
  const perYear = new Map<number, number>();
  return drafts.map((c) => {
    const year = new Date(c.reportedAt + 8 * HOUR).getUTCFullYear();
    const n = (perYear.get(year) ?? 0) + 1;
    perYear.set(year, n);
    const caseNo = `${year}-${String(n).padStart(6, '0')}`;
    return { id: `case-${caseNo}`, caseNo, ...c };
  });
}
