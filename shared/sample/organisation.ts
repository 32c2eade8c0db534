import { bbox, booleanPointInPolygon } from '@turf/turf';
import { formatGridCode, westToEastNorthToSouth } from '../grid/code';
import type { AreaGeometry, LonLat } from '../model/geo';
import type {
  Community,
  Grid,
  GridWorker,
  Officer,
  OfficerStatus,
  PatrolArea,
  Team,
} from '../model/organisation';
import type { Geography } from './geography';
import { round6 } from './local-frame';
import { communityWord, landline, mobilePhone, personName, uniquePool, villageName } from './names';
import type { Rng } from './random';
import { asTurfArea } from './turf-geometry';

/** Row height used to number grids west→east, north→south inside a community, in degrees of latitude (≈ 550 m). */
export const GRID_ROW_HEIGHT_DEG = 0.005;

/**
 * The point a grid is numbered by: the centre of its bounding box, lon/lat degrees. Sequences within a
 * community follow {@link westToEastNorthToSouth} over these points with {@link GRID_ROW_HEIGHT_DEG}.
 */
export function gridReferencePoint(geometry: AreaGeometry): LonLat {
  const [w, s, e, n] = bbox(asTurfArea(geometry)) as [number, number, number, number];
  return [(w + e) / 2, (s + n) / 2];
}

const AREA_COLOURS = ['#e4572e', '#2e86ab', '#59a14f', '#f2a541', '#8e6c8a', '#17bebb', '#d4506a', '#6a8d73'];
const NUMERALS = [
  '一',
  '二',
  '三',
  '四',
  '五',
  '六',
  '七',
  '八',
  '九',
  '十',
  '十一',
  '十二',
  '十三',
  '十四',
  '十五',
  '十六',
];
const DIRECTIONS = ['东', '东北', '北', '西北', '西', '西南', '南', '东南'];

export interface OrganisationOptions {
  readonly countyCode: string;
  readonly townshipCode: number;
  /** Whether a community at this distance (metres) from the town centre is an urban 社区 rather than a 村. */
  readonly isUrban: (distanceM: number) => boolean;
  readonly officersPerTeam: readonly [number, number];
  /** Epoch milliseconds: the "now" of the sample, for GPS fixes. */
  readonly now: number;
}

export interface Organisation {
  readonly communities: Community[];
  readonly grids: Grid[];
  readonly gridWorkers: GridWorker[];
  readonly patrolAreas: PatrolArea[];
  readonly teams: Team[];
  readonly officers: Officer[];
  /** Index into `grids` of each planned grid (planned order → dataset order). */
  readonly gridIndexOfPlanned: readonly number[];
}

/** A random point strictly inside an area (rejection sampling in its bbox), rounded to 6 decimals. */
export function randomPointIn(geometry: AreaGeometry, rng: Rng): LonLat {
  const [w, s, e, n] = bbox(asTurfArea(geometry)) as [number, number, number, number];
  for (let attempt = 0; attempt < 500; attempt++) {
    const p: LonLat = [round6(rng.range(w, e)), round6(rng.range(s, n))];
    if (booleanPointInPolygon([p[0], p[1]], asTurfArea(geometry))) return p;
  }
  throw new Error('could not place a point inside the area');
}

function directionName(from: readonly [number, number], to: readonly [number, number]): string {
  const angle = Math.atan2(to[1] - from[1], to[0] - from[0]);
  const sector = Math.round(angle / (Math.PI / 4));
  return DIRECTIONS[((sector % 8) + 8) % 8] as string;
}

/**
 * Names and codes the planned communities and grids, and staffs them: a grid worker per grid, one team per
 * patrol area, officers with statuses and (when on duty) a GPS fix inside their patrol area.
 */
export function generateOrganisation(geo: Geography, options: OrganisationOptions, rng: Rng): Organisation {
  const names = uniquePool();
  const people = uniquePool();
  const distance = (p: readonly [number, number]): number =>
    Math.hypot(p[0] - geo.centre[0], p[1] - geo.centre[1]);
  const centresLonLat = geo.communities.map((c) => geo.frame.toLonLat(c.centre[0], c.centre[1]));
  const order = westToEastNorthToSouth(centresLonLat, 0.02);
  const urban = geo.communities.map((c) => options.isUrban(distance(c.centre)));
  let nextUrban = 1;
  let nextVillage = 201;
  const communityCode: number[] = [];
  const communityName: string[] = [];
  for (const ci of order) {
    communityCode[ci] = urban[ci] ? nextUrban++ : nextVillage++;
    communityName[ci] = urban[ci]
      ? names(() => (rng.chance(0.7) ? communityWord(rng) : villageName(rng)) + '社区')
      : names(() => villageName(rng) + '村');
  }
  const communities: Community[] = order.map((ci) => ({
    code: String(communityCode[ci]).padStart(3, '0'),
    name: communityName[ci] as string,
    kind: urban[ci] ? 'community' : 'village',
    centre: centresLonLat[ci] as LonLat,
  }));

  const gridWorkers: GridWorker[] = [];
  const grids: Grid[] = [];
  const gridIndexOfPlanned: number[] = [];
  for (const ci of order) {
    const members = geo.communities[ci]?.grids ?? [];
    const refs = members.map((gi) => gridReferencePoint(geo.grids[gi]?.geometry as AreaGeometry));
    westToEastNorthToSouth(refs, GRID_ROW_HEIGHT_DEG).forEach((k, seq) => {
      const gi = members[k] as number;
      const planned = geo.grids[gi];
      if (!planned) throw new Error(`planned grid ${gi} missing`);
      const worker: GridWorker = {
        id: `gw-${String(gridWorkers.length + 1).padStart(4, '0')}`,
        name: people(() => personName(rng)),
        phone: mobilePhone(rng),
      };
      gridWorkers.push(worker);
      gridIndexOfPlanned[gi] = grids.length;
      grids.push({
        code: formatGridCode(options.countyCode, options.townshipCode, communityCode[ci] as number, seq + 1),
        name: `${communityName[ci]}第${seq + 1}网格`,
        communityCode: String(communityCode[ci]).padStart(3, '0'),
        patrolAreaId: `area-${(geo.communityArea[ci] as number) + 1}`,
        gridWorkerId: worker.id,
        geometry: planned.geometry,
        areaM2: planned.areaM2,
      });
    });
  }

  const usedAreaNames = new Set<string>();
  const patrolAreas: PatrolArea[] = geo.patrolAreas.map((a, k) => {
    let name = distance(a.centre) < 800 ? '中心片区' : `${directionName(geo.centre, a.centre)}片区`;
    if (usedAreaNames.has(name)) name = `第${NUMERALS[k] ?? k + 1}片区`;
    usedAreaNames.add(name);
    return {
      id: `area-${k + 1}`,
      name,
      teamId: `team-${k + 1}`,
      color: AREA_COLOURS[k % AREA_COLOURS.length] as string,
      geometry: a.geometry,
    };
  });

  const teams: Team[] = [];
  const officers: Officer[] = [];
  const statusWeights = [0.42, 0.2, 0.14, 0.24];
  const statuses: readonly OfficerStatus[] = ['patrolling', 'available', 'busy', 'off-duty'];
  patrolAreas.forEach((area, k) => {
    const teamId = `team-${k + 1}`;
    const size = rng.int(options.officersPerTeam[0], options.officersPerTeam[1]);
    const certified = Math.max(2, Math.round(size * rng.range(0.5, 0.7)));
    for (let m = 0; m < size; m++) {
      const id = `officer-${String(officers.length + 1).padStart(3, '0')}`;
      const status = m === 0 ? 'available' : (statuses[rng.weightedIndex(statusWeights)] as OfficerStatus);
      const onDuty = status !== 'off-duty';
      const fix = onDuty
        ? { position: randomPointIn(area.geometry, rng), positionAt: options.now - rng.int(5, 600) * 1000 }
        : {};
      const base = {
        id,
        name: people(() => personName(rng)),
        teamId,
        phone: mobilePhone(rng),
        status,
        ...fix,
      };
      officers.push(
        m < certified
          ? {
              ...base,
              kind: 'certified',
              certificateNo: `苏${options.countyCode}${String(options.townshipCode).padStart(3, '0')}${String(officers.length + 1).padStart(4, '0')}`,
            }
          : { ...base, kind: 'auxiliary' },
      );
      if (m === 0)
        teams.push({ id: teamId, name: `第${NUMERALS[k] ?? k + 1}中队`, leaderId: id, phone: landline(rng) });
    }
  });
  return { communities, grids, gridWorkers, patrolAreas, teams, officers, gridIndexOfPlanned };
}
