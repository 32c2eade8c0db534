import { around, distance } from 'geokdbush';
import KDBush from 'kdbush';
import { isOpenStage, type Case } from '../model/case';
import type { LonLat } from '../model/geo';
import type { Matter } from '../model/matter';
import type { Officer, OfficerStatus, Team } from '../model/organisation';
import { roadDistancesFrom } from '../roads/distance';
import type { RoadNetwork } from '../roads/network';

/** Positions older than this (epoch-ms age) are not trusted for ranking: 30 minutes. */
export const DEFAULT_MAX_POSITION_AGE_MS = 30 * 60_000;
/** How many officers a recommendation lists by default. */
export const DEFAULT_RECOMMENDATION_LIMIT = 5;
/** A busy (处置中) officer ranks as if this many metres further away than they are. */
export const BUSY_PENALTY_M = 1000;
/** Distances are compared in bands of this many metres; within a band the lighter load goes first. */
export const DISTANCE_BAND_M = 100;
/**
 * With a road network, this many times `limit` officers (nearest by great-circle, per group) are
 * measured along the roads and re-ranked; an officer further out is not considered.
 */
export const ROAD_POOL_FACTOR = 3;

/**
 * Why an officer is recommended, as a message key with parameters, so the UI can render it in zh-CN or
 * English (e.g. "在本片区 · 距离 850 m · 手上 1 件").
 */
export type Reason =
  /** 在本片区: the officer's team is responsible for the point. */
  | { readonly key: 'inArea' }
  /** 跨片区支援: the officer belongs to another team (or the point is outside every grid). */
  | { readonly key: 'otherTeam'; readonly teamId: string }
  /** Great-circle distance from the last position, whole metres. */
  | { readonly key: 'distance'; readonly metres: number }
  /** Road distance from the last position (walk to the road, along the roads, walk to the point), whole metres. */
  | { readonly key: 'roadDistance'; readonly metres: number }
  /** Open cases the officer holds. */
  | { readonly key: 'load'; readonly count: number }
  /** 持执法证: counts towards the two certified officers an enforcement action needs. */
  | { readonly key: 'certified' }
  /** 处置中: already handling a case, ranked with {@link BUSY_PENALTY_M}. */
  | { readonly key: 'busy' };

export type ReasonKey = Reason['key'];

/** One officer proposed for dispatch, best first. */
export interface Recommendation {
  readonly officerId: string;
  readonly name: string;
  readonly kind: Officer['kind'];
  readonly teamId: string;
  /** Great-circle distance from the officer's last position to the point, metres. */
  readonly distanceM: number;
  /** Road distance to the point, metres, when ranked with a road network and a road path reaches the officer. */
  readonly roadDistanceM?: number;
  /** Open cases the officer holds. */
  readonly load: number;
  readonly status: Exclude<OfficerStatus, 'off-duty'>;
  /** Whether the officer's team is the one responsible for the point. */
  readonly inTeam: boolean;
  readonly reasons: readonly Reason[];
}

/** Why an officer was left out of the ranking; kept so the UI can say "3 人离岗、1 人无定位". */
export type ExclusionReason = 'offDuty' | 'noPosition' | 'stalePosition';

export interface Exclusion {
  readonly officerId: string;
  readonly reason: ExclusionReason;
}

/**
 * How to send two certified officers for a matter that needs them: the best two certified officers in
 * ranking order, or a shortage (message key `certifiedShortage`) naming the fewer than two available.
 */
export type Pairing =
  | { readonly kind: 'pair'; readonly officerIds: readonly [string, string] }
  | {
      readonly kind: 'shortage';
      readonly key: 'certifiedShortage';
      readonly needed: 2;
      readonly available: number;
      readonly officerIds: readonly string[];
    };

/** What the recommendation needs of a {@link Responsibility}: the responsible team, if any. */
export type RecommendResponsibility =
  { readonly kind: 'inside'; readonly team: Pick<Team, 'id'> } | { readonly kind: 'outside' };

export interface RecommendOptions {
  /** Oldest position still ranked, ms (default {@link DEFAULT_MAX_POSITION_AGE_MS}). */
  readonly maxPositionAgeMs?: number;
  /** Officers listed (default {@link DEFAULT_RECOMMENDATION_LIMIT}). */
  readonly limit?: number;
}

export interface RecommendInput {
  /** The incident, WGS84 lon/lat degrees. */
  readonly point: LonLat;
  /** From `resolveResponsibility`: inside → the team on duty; outside → no team. */
  readonly responsibility: RecommendResponsibility;
  /** The case's matter; undefined when not yet classified. */
  readonly matter: Matter | undefined;
  readonly officers: readonly Officer[];
  /** Cases whose `officerIds` count as load; finished (closed, evaluated) cases are ignored. */
  readonly openCases: readonly Case[];
  /** Epoch milliseconds. */
  readonly now: number;
  readonly options?: RecommendOptions;
  /**
   * The township's road network (`roadNetworkFor(basemap.roads)`). When given, officers are ranked by
   * road distance instead of great-circle distance; see {@link recommendDispatch}.
   */
  readonly roads?: RoadNetwork;
}

export interface DispatchRecommendation {
  /** Best first; see {@link recommendDispatch} for the order. */
  readonly ranked: readonly Recommendation[];
  /** Set when the matter needs certified officers, otherwise null. */
  readonly pairing: Pairing | null;
  /** Officers not ranked, in input order. */
  readonly excluded: readonly Exclusion[];
}

/** A k-d tree over the officers that report a position; built once per officers array. */
interface OfficerIndex {
  readonly tree: KDBush;
  /** Officer of each tree item. */
  readonly members: readonly Officer[];
}

const indexCache = new WeakMap<readonly Officer[], OfficerIndex>();

function hasPosition(o: Officer): o is Officer & { position: LonLat } {
  return o.position !== undefined && Number.isFinite(o.position[0]) && Number.isFinite(o.position[1]);
}

function officerIndex(officers: readonly Officer[]): OfficerIndex {
  const cached = indexCache.get(officers);
  if (cached) return cached;
  const members = officers.filter(hasPosition);
  const tree = new KDBush(Math.max(1, members.length));
  for (const o of members) tree.add(o.position[0], o.position[1]);
  // An empty tree still needs one item to finish; it is never accepted (members has no entry for it).
  if (members.length === 0) tree.add(0, 0);
  tree.finish();
  const index = { tree, members };
  indexCache.set(officers, index);
  return index;
}

interface Candidate {
  readonly officer: Officer;
  readonly distanceM: number;
  /** Road distance, metres; null when not measured or no road path reaches the officer. */
  readonly roadM: number | null;
  readonly load: number;
  /** Distance (road if known, else great-circle) plus the busy penalty, metres. */
  readonly rankM: number;
}

const band = (metres: number): number => Math.floor(metres / DISTANCE_BAND_M);

function compareCandidates(a: Candidate, b: Candidate): number {
  return (
    band(a.rankM) - band(b.rankM) ||
    a.load - b.load ||
    (a.officer.id < b.officer.id ? -1 : a.officer.id > b.officer.id ? 1 : 0)
  );
}

/**
 * The best `k` accepted officers by {@link compareCandidates}, using the k-d tree twice: the `k` nearest
 * give the worst band the result can need; any officer further than the end of that band ranks below all
 * of them (penalties only add), so only officers within it are compared.
 */
function bestOf(
  index: OfficerIndex,
  point: LonLat,
  k: number,
  accept: (o: Officer) => boolean,
  candidate: (o: Officer) => Candidate,
): Candidate[] {
  if (k <= 0) return [];
  const ok = (item: number): boolean => {
    const o = index.members[item];
    return o !== undefined && accept(o);
  };
  const toCandidates = (items: readonly number[]): Candidate[] =>
    items.map((item) => candidate(index.members[item] as Officer)).sort(compareCandidates);
  const nearest = toCandidates(around(index.tree, point[0], point[1], k, Infinity, ok));
  if (nearest.length < k) return nearest;
  const reachM = (Math.max(...nearest.map((c) => band(c.rankM))) + 1) * DISTANCE_BAND_M;
  return toCandidates(around(index.tree, point[0], point[1], Infinity, reachM / 1000, ok)).slice(0, k);
}

/** Candidates of the responsible team and of the others, each best first by great-circle. */
interface Pools {
  readonly own: readonly Candidate[];
  readonly others: readonly Candidate[];
}

/** Road distances from the point to every officer in the pools, in one network search. */
function measureRoads(
  roads: RoadNetwork,
  point: LonLat,
  pools: readonly Pools[],
): Map<Officer, number | null> {
  const officers = [...new Set(pools.flatMap((p) => [...p.own, ...p.others].map((c) => c.officer)))];
  const metres = roadDistancesFrom(
    roads,
    point,
    officers.map((o) => o.position ?? [Number.NaN, Number.NaN]),
  );
  return new Map(officers.map((o, k) => [o, metres[k] ?? null]));
}

/**
 * The best `k` of the pools re-ranked by road distance (great-circle when it is null), busy penalty
 * included: the responsible team first, then the others.
 */
function takeByRoad(pools: Pools, k: number, roadM: ReadonlyMap<Officer, number | null>): Candidate[] {
  const rerank = (cs: readonly Candidate[]): Candidate[] =>
    cs
      .map((c): Candidate => {
        const road = roadM.get(c.officer) ?? null;
        if (road === null) return c;
        return { ...c, roadM: road, rankM: road + (c.officer.status === 'busy' ? BUSY_PENALTY_M : 0) };
      })
      .sort(compareCandidates);
  const own = rerank(pools.own).slice(0, k);
  return [...own, ...rerank(pools.others).slice(0, k - own.length)];
}

function loadByOfficer(cases: readonly Case[]): Map<string, number> {
  const load = new Map<string, number>();
  for (const c of cases) {
    if (!isOpenStage(c.stage)) continue;
    for (const id of new Set(c.officerIds ?? [])) load.set(id, (load.get(id) ?? 0) + 1);
  }
  return load;
}

function exclusionOf(o: Officer, now: number, maxAgeMs: number): ExclusionReason | null {
  if (o.status === 'off-duty') return 'offDuty';
  if (!hasPosition(o) || o.positionAt === undefined) return 'noPosition';
  // A fix stamped after `now` (phone clock ahead) counts as fresh.
  if (now - o.positionAt > maxAgeMs) return 'stalePosition';
  return null;
}

function toRecommendation(c: Candidate, inTeam: boolean): Recommendation {
  const o = c.officer;
  const status = o.status;
  if (status === 'off-duty') throw new RangeError(`off-duty officer ${o.id} was ranked`);
  const reasons: Reason[] = [
    inTeam ? { key: 'inArea' } : { key: 'otherTeam', teamId: o.teamId },
    c.roadM === null
      ? { key: 'distance', metres: Math.round(c.distanceM) }
      : { key: 'roadDistance', metres: Math.round(c.roadM) },
    { key: 'load', count: c.load },
  ];
  if (o.kind === 'certified') reasons.push({ key: 'certified' });
  if (o.status === 'busy') reasons.push({ key: 'busy' });
  return {
    officerId: o.id,
    name: o.name,
    kind: o.kind,
    teamId: o.teamId,
    distanceM: c.distanceM,
    ...(c.roadM === null ? {} : { roadDistanceM: c.roadM }),
    load: c.load,
    status,
    inTeam,
    reasons,
  };
}

/**
 * Which officers to send to an incident, best first, with the reasons for each.
 *
 * Rules:
 * - Ranked: officers on duty (status ≠ 'off-duty') whose last position is known and at most
 *   `maxPositionAgeMs` old at `now` (a fix stamped after `now` counts as fresh). The others are listed
 *   in `excluded` with the reason.
 * - Officers of the responsible team (inside a grid) come first, then all others (cross-area help,
 *   跨片区支援). Outside every grid there is no responsible team: everyone is cross-area help.
 * - Within each of the two groups: by great-circle distance (haversine on a sphere of radius 6371 km,
 *   metres) plus {@link BUSY_PENALTY_M} for a busy officer, compared in {@link DISTANCE_BAND_M}-metre
 *   bands (GPS fixes are good to tens of metres); within a band by load (open cases held), then by id.
 *   So a busy officer 300 m away ranks with a free one 1,300 m away.
 * - At most `limit` officers are listed. When the matter needs two certified officers
 *   (`needsCertified`), `pairing` names the best two certified officers in the same order, or a shortage
 *   when fewer than two are available; paired officers beyond the limit are appended to `ranked`, so the
 *   operator can always send the pair from the list.
 * - With `roads` (the road network), distance means road distance: in each group the
 *   {@link ROAD_POOL_FACTOR} × `limit` officers nearest by great-circle (for the pairing, 2 ×
 *   {@link ROAD_POOL_FACTOR} certified ones) are measured along the roads from the point in one search,
 *   and ranked by road distance plus the busy penalty with the same bands and tie-breaks; the reasons
 *   give `roadDistance` instead of `distance`. An officer no road path reaches keeps the great-circle
 *   distance (and the `distance` reason). `distanceM` stays great-circle.
 *
 * Pure: the same input gives the same result. The k-d tree over the officers' positions is built once
 * per `officers` array (kept in a WeakMap), so pass the store's array, not a fresh copy, when calling
 * often.
 */
export function recommendDispatch(input: RecommendInput): DispatchRecommendation {
  const { point, officers, now } = input;
  const maxAgeMs = input.options?.maxPositionAgeMs ?? DEFAULT_MAX_POSITION_AGE_MS;
  const limit = Math.max(0, Math.floor(input.options?.limit ?? DEFAULT_RECOMMENDATION_LIMIT));
  const teamId = input.responsibility.kind === 'inside' ? input.responsibility.team.id : null;

  const excluded: Exclusion[] = [];
  const eligible = new Set<Officer>();
  for (const o of officers) {
    const reason = exclusionOf(o, now, maxAgeMs);
    if (reason) excluded.push({ officerId: o.id, reason });
    else eligible.add(o);
  }

  const load = loadByOfficer(input.openCases);
  const candidate = (o: Officer): Candidate => {
    const [lon, lat] = o.position ?? [Number.NaN, Number.NaN];
    const distanceM = distance(point[0], point[1], lon, lat) * 1000;
    const rankM = distanceM + (o.status === 'busy' ? BUSY_PENALTY_M : 0);
    return { officer: o, distanceM, roadM: null, load: load.get(o.id) ?? 0, rankM };
  };
  const index = officerIndex(officers);
  const inTeam = (o: Officer): boolean => o.teamId === teamId;
  type Accept = (o: Officer) => boolean;
  const own =
    (accept: Accept): Accept =>
    (o) =>
      eligible.has(o) && inTeam(o) && accept(o);
  const others =
    (accept: Accept): Accept =>
    (o) =>
      eligible.has(o) && !inTeam(o) && accept(o);
  /** The best `k` of the accepted eligible officers: responsible team first, then the others. */
  const best = (k: number, accept: Accept): Candidate[] => {
    const first = bestOf(index, point, k, own(accept), candidate);
    return [...first, ...bestOf(index, point, k - first.length, others(accept), candidate)];
  };

  const certified = (o: Officer): boolean => o.kind === 'certified';
  const needsPair = input.matter?.needsCertified === true;
  let chosen: Candidate[];
  let pair: Candidate[] = [];
  if (input.roads) {
    /** The great-circle pool of each group, `ROAD_POOL_FACTOR` times as deep as the list. */
    const pool = (k: number, accept: Accept): Pools => ({
      own: bestOf(index, point, k * ROAD_POOL_FACTOR, own(accept), candidate),
      others: bestOf(index, point, k * ROAD_POOL_FACTOR, others(accept), candidate),
    });
    const general = pool(limit, () => true);
    const pairPool = needsPair ? pool(2, certified) : { own: [], others: [] };
    const roadM = measureRoads(input.roads, point, [general, pairPool]);
    chosen = takeByRoad(general, limit, roadM);
    pair = takeByRoad(pairPool, 2, roadM);
  } else {
    chosen = best(limit, () => true);
    if (needsPair) pair = best(2, certified);
  }
  let pairing: Pairing | null = null;
  if (needsPair) {
    const [first, second] = pair;
    pairing =
      first && second
        ? { kind: 'pair', officerIds: [first.officer.id, second.officer.id] }
        : {
            kind: 'shortage',
            key: 'certifiedShortage',
            needed: 2,
            available: pair.length,
            officerIds: pair.map((c) => c.officer.id),
          };
    for (const c of pair) if (!chosen.some((k) => k.officer === c.officer)) chosen.push(c);
  }
  return {
    ranked: chosen.map((c) => toRecommendation(c, inTeam(c.officer))),
    pairing,
    excluded,
  };
}

/** The ranked officers of {@link recommendDispatch}, for callers that need only the list. */
export function recommendOfficers(input: RecommendInput): Recommendation[] {
  return [...recommendDispatch(input).ranked];
}
