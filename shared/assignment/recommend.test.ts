import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isOpenStage, type Case } from '../model/case';
import type { LonLat } from '../model/geo';
import type { Matter } from '../model/matter';
import type { Officer, OfficerStatus, Team } from '../model/organisation';
import { parseDataset } from '../schema/parse';
import { makeFixtureDataset } from '../schema/test-fixture';
import { SAMPLE_ANCHOR_MS } from '../sample/township';
import { buildRoadNetwork } from '../roads/network';
import { at, road } from '../roads/test-roads';
import {
  BUSY_PENALTY_M,
  DISTANCE_BAND_M,
  recommendDispatch,
  recommendOfficers,
  type RecommendInput,
  type RecommendResponsibility,
} from './recommend';
import { readCommitted } from '../sample/test-committed';

const NOW = Date.UTC(2026, 10, 1, 0, 0);
const MINUTE = 60_000;
const P: LonLat = [120.0, 32.9];
/** Metres per degree of latitude on the 6371 km sphere geokdbush measures on. */
const M_PER_DEG = (6_371_000 * Math.PI) / 180;
const TEAM_1: RecommendResponsibility = { kind: 'inside', team: { id: 'team-1' } };

interface OfficerSpec {
  readonly id: string;
  readonly teamId?: string;
  readonly kind?: Officer['kind'];
  readonly status?: OfficerStatus;
  /** Metres north of P (negative: south). */
  readonly northM?: number;
  /** Age of the GPS fix at NOW, ms; null: no fix. */
  readonly ageMs?: number | null;
}

function officer(spec: OfficerSpec): Officer {
  const ageMs = spec.ageMs === undefined ? MINUTE : spec.ageMs;
  const fix =
    ageMs === null
      ? {}
      : { position: [P[0], P[1] + (spec.northM ?? 0) / M_PER_DEG] as const, positionAt: NOW - ageMs };
  const base = {
    id: spec.id,
    name: `队员${spec.id}`,
    teamId: spec.teamId ?? 'team-1',
    phone: '13800000000',
    status: spec.status ?? 'patrolling',
    ...fix,
  };
  return spec.kind === 'certified'
    ? { ...base, kind: 'certified', certificateNo: `证${spec.id}` }
    : { ...base, kind: 'auxiliary' };
}

function openCase(id: string, officerIds: readonly string[], stage: Case['stage'] = 'handling'): Case {
  return {
    id,
    caseNo: id,
    source: 'patrol',
    matterCode: 'CG-001',
    urgency: 'normal',
    stage,
    description: '',
    address: '',
    location: P,
    gridCode: '321281118001001' as Case['gridCode'],
    teamId: 'team-1',
    officerIds,
    reportedAt: NOW - 60 * MINUTE,
    steps: [],
  };
}

function matter(needsCertified: boolean): Matter {
  return {
    code: 'CG-001',
    name: '占道经营',
    domain: 'urban-management',
    legalBasis: '',
    authority: { kind: 'township', basis: 'granted' },
    limits: { register: 1, dispatch: 1, handle: 8, verify: 8 },
    needsCertified,
  };
}

function input(officers: readonly Officer[], extra: Partial<RecommendInput> = {}): RecommendInput {
  return {
    point: P,
    responsibility: TEAM_1,
    matter: matter(false),
    officers,
    openCases: [],
    now: NOW,
    ...extra,
  };
}

const ids = (inp: RecommendInput): string[] => recommendOfficers(inp).map((r) => r.officerId);

describe('recommendOfficers ranking', () => {
  it('puts the responsible team first, even when another team is nearer', () => {
    const officers = [
      officer({ id: 'far-own', northM: 2500 }),
      officer({ id: 'near-other', teamId: 'team-2', northM: 100 }),
    ];
    const ranked = recommendOfficers(input(officers));
    expect(ranked.map((r) => [r.officerId, r.inTeam])).toEqual([
      ['far-own', true],
      ['near-other', false],
    ]);
    expect(ranked[1]?.reasons[0]).toEqual({ key: 'otherTeam', teamId: 'team-2' });
  });

  it('orders by distance within a group and reports it in metres', () => {
    const officers = [
      officer({ id: 'a', northM: 1500 }),
      officer({ id: 'b', northM: -300 }),
      officer({ id: 'c', northM: 800 }),
    ];
    const ranked = recommendOfficers(input(officers));
    expect(ranked.map((r) => r.officerId)).toEqual(['b', 'c', 'a']);
    expect(ranked.map((r) => Math.round(r.distanceM))).toEqual([300, 800, 1500]);
  });

  it('breaks a tie within one distance band by open cases held, then by id; finished cases do not count', () => {
    const officers = [
      officer({ id: 'loaded', northM: 820 }),
      officer({ id: 'light', northM: 870 }),
      officer({ id: 'twin', northM: 860 }),
    ];
    expect(Math.floor(820 / DISTANCE_BAND_M)).toBe(Math.floor(870 / DISTANCE_BAND_M));
    const openCases = [
      openCase('k1', ['loaded']),
      openCase('k2', ['loaded', 'twin']),
      openCase('k3', ['light'], 'closed'),
    ];
    const ranked = recommendOfficers(input(officers, { openCases }));
    expect(ranked.map((r) => [r.officerId, r.load])).toEqual([
      ['light', 0],
      ['twin', 1],
      ['loaded', 2],
    ]);
    // Equal bands and loads fall back to the id.
    expect(ids(input([officer({ id: 'y', northM: 810 }), officer({ id: 'x', northM: 890 })]))).toEqual([
      'x',
      'y',
    ]);
  });

  it('ranks a busy officer as if BUSY_PENALTY_M further away', () => {
    const busy = officer({ id: 'busy', status: 'busy', northM: 300 });
    const nearer = 300 + BUSY_PENALTY_M - 2 * DISTANCE_BAND_M;
    const further = 300 + BUSY_PENALTY_M + 2 * DISTANCE_BAND_M;
    expect(ids(input([busy, officer({ id: 'free', status: 'available', northM: nearer })]))).toEqual([
      'free',
      'busy',
    ]);
    expect(ids(input([busy, officer({ id: 'free', northM: further })]))).toEqual(['busy', 'free']);
    expect(recommendOfficers(input([busy]))[0]?.reasons).toContainEqual({ key: 'busy' });
  });

  it('leaves out off-duty officers and those without a fresh position, saying why', () => {
    const officers = [
      officer({ id: 'fresh', ageMs: 29 * MINUTE, northM: 900 }),
      officer({ id: 'stale', ageMs: 31 * MINUTE, northM: 10 }),
      officer({ id: 'home', status: 'off-duty', northM: 10 }),
      officer({ id: 'silent', ageMs: null }),
      officer({ id: 'ahead', ageMs: -MINUTE, northM: 950 }),
    ];
    const result = recommendDispatch(input(officers));
    expect(result.ranked.map((r) => r.officerId)).toEqual(['fresh', 'ahead']);
    expect(result.excluded).toEqual([
      { officerId: 'stale', reason: 'stalePosition' },
      { officerId: 'home', reason: 'offDuty' },
      { officerId: 'silent', reason: 'noPosition' },
    ]);
    const longer = input(officers, { options: { maxPositionAgeMs: 60 * MINUTE } });
    expect(ids(longer)).toEqual(['stale', 'fresh', 'ahead']);
  });

  it('lists at most `limit` officers (5 by default)', () => {
    const officers = Array.from({ length: 8 }, (_, k) => officer({ id: `o${k}`, northM: 300 * k }));
    expect(ids(input(officers))).toEqual(['o0', 'o1', 'o2', 'o3', 'o4']);
    expect(ids(input(officers, { options: { limit: 2 } }))).toEqual(['o0', 'o1']);
  });

  it('treats everyone as cross-area help outside every grid', () => {
    const officers = [officer({ id: 'a', northM: 500 }), officer({ id: 'b', teamId: 'team-2', northM: 200 })];
    const ranked = recommendOfficers(input(officers, { responsibility: { kind: 'outside' } }));
    expect(ranked.map((r) => [r.officerId, r.inTeam])).toEqual([
      ['b', false],
      ['a', false],
    ]);
  });
});

describe('certified pairing', () => {
  const officers = [
    officer({ id: 'aux-near', northM: 50 }),
    officer({ id: 'cert-own', kind: 'certified', northM: 2000 }),
    officer({ id: 'cert-other', kind: 'certified', teamId: 'team-2', northM: 400 }),
    officer({ id: 'cert-home', kind: 'certified', status: 'off-duty', northM: 10 }),
  ];

  it('names the best two certified officers, team first, and keeps them in the list beyond the limit', () => {
    const result = recommendDispatch(input(officers, { matter: matter(true), options: { limit: 1 } }));
    expect(result.pairing).toEqual({ kind: 'pair', officerIds: ['cert-own', 'cert-other'] });
    expect(result.ranked.map((r) => r.officerId)).toEqual(['aux-near', 'cert-own', 'cert-other']);
    expect(result.ranked[1]?.reasons).toContainEqual({ key: 'certified' });
  });

  it('reports a shortage when fewer than two certified officers can go', () => {
    const result = recommendDispatch(
      input(officers.slice(0, 2).concat(officers[3] ?? []), { matter: matter(true) }),
    );
    expect(result.pairing).toEqual({
      kind: 'shortage',
      key: 'certifiedShortage',
      needed: 2,
      available: 1,
      officerIds: ['cert-own'],
    });
  });

  it('has no pairing when the matter does not need certified officers, or is unknown', () => {
    expect(recommendDispatch(input(officers)).pairing).toBeNull();
    expect(recommendDispatch(input(officers, { matter: undefined })).pairing).toBeNull();
  });
});

describe('reasons', () => {
  it('read "在本片区 · 距离 850 m · 手上 1 件" for a patrolling auxiliary 850 m away holding one case', () => {
    const [first] = recommendOfficers(
      input([officer({ id: 'a', northM: 850 })], { openCases: [openCase('k1', ['a'])] }),
    );
    expect(first?.reasons).toEqual([
      { key: 'inArea' },
      { key: 'distance', metres: 850 },
      { key: 'load', count: 1 },
    ]);
  });

  it('name the other team, kilometres, certification and busy state', () => {
    const [first] = recommendOfficers(
      input([officer({ id: 'b', kind: 'certified', status: 'busy', teamId: 'team-2', northM: 2345 })]),
    );
    expect(first?.reasons).toEqual([
      { key: 'otherTeam', teamId: 'team-2' },
      { key: 'distance', metres: 2345 },
      { key: 'load', count: 0 },
      { key: 'certified' },
      { key: 'busy' },
    ]);
  });
});

describe('ranking by road distance', () => {
  // P is the south-west corner of a 1 km square of roads whose west side is missing, and a lone road
  // lies 3 km south. The roads helpers measure from P (the same point as the officers' helper).
  const roads = buildRoadNetwork([
    road('south', [0, 0], [1000, 0]),
    road('east', [1000, 0], [1000, 1000]),
    road('north', [1000, 1000], [0, 1000]),
    road('island', [-500, -3000], [500, -3000]),
  ]);
  const placed = (spec: OfficerSpec, east: number, north: number): Officer => ({
    ...officer(spec),
    position: at(east, north),
  });
  // 900 m north in a straight line, but 100 m to the north road and 3 km round the square.
  const across = placed({ id: 'across', kind: 'certified' }, 0, 900);
  // 1.5 km east: 500 m to the square's corner, then 1 km along the south road.
  const along = placed({ id: 'along', kind: 'certified' }, 1500, 0);
  // On the lone road: no road path, so the great-circle 3 km stands.
  const island = placed({ id: 'island' }, 0, -3000);

  it('puts the officer nearer by road first, and says how far by road', () => {
    expect(ids(input([across, along]))).toEqual(['across', 'along']);
    const ranked = recommendOfficers(input([across, along], { roads }));
    expect(ranked.map((r) => r.officerId)).toEqual(['along', 'across']);
    expect(ranked[0]?.roadDistanceM).toBeCloseTo(1500, -1);
    expect(ranked[1]?.roadDistanceM).toBeCloseTo(3100, -1);
    expect(ranked[1]?.distanceM).toBeCloseTo(900, 0);
    expect(ranked[1]?.reasons).toContainEqual({
      key: 'roadDistance',
      metres: Math.round(ranked[1]?.roadDistanceM ?? 0),
    });
    expect(ranked[1]?.reasons.some((r) => r.key === 'distance')).toBe(false);
  });

  it('falls back to the great-circle distance for an officer no road reaches, and still adds the busy penalty', () => {
    const busyAlong = { ...along, status: 'busy' as const };
    const ranked = recommendOfficers(input([across, busyAlong, island], { roads }));
    // along: 1.5 km + 1 km busy; island: 3 km great-circle; across: 3.1 km by road.
    expect(ranked.map((r) => r.officerId)).toEqual(['along', 'island', 'across']);
    expect(ranked[1]?.roadDistanceM).toBeUndefined();
    expect(ranked[1]?.reasons).toContainEqual({ key: 'distance', metres: 3000 });
  });

  it('keeps the responsible team first and pairs the certified officers by road', () => {
    const helper = placed({ id: 'helper', teamId: 'team-2' }, 100, 0);
    const result = recommendDispatch(input([across, along, helper], { roads, matter: matter(true) }));
    expect(result.ranked.map((r) => r.officerId)).toEqual(['along', 'across', 'helper']);
    expect(result.pairing).toEqual({ kind: 'pair', officerIds: ['along', 'across'] });
  });
});

// ---- Agreement with a brute-force haversine sort ----

function haversineM(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

/** The documented rules, spelled out over every officer without an index. */
function bruteForce(inp: RecommendInput): { ids: string[]; pair: string[] } {
  const maxAge = inp.options?.maxPositionAgeMs ?? 30 * MINUTE;
  const teamId = inp.responsibility.kind === 'inside' ? inp.responsibility.team.id : null;
  const load = new Map<string, number>();
  for (const c of inp.openCases)
    if (isOpenStage(c.stage)) for (const id of c.officerIds ?? []) load.set(id, (load.get(id) ?? 0) + 1);
  const rows = inp.officers
    .filter((o) => o.status !== 'off-duty' && o.position && o.positionAt !== undefined)
    .filter((o) => inp.now - (o.positionAt ?? 0) <= maxAge)
    .map((o) => {
      const d = haversineM(inp.point, o.position as LonLat) + (o.status === 'busy' ? BUSY_PENALTY_M : 0);
      const key = [
        o.teamId === teamId ? 0 : 1,
        Math.floor(d / DISTANCE_BAND_M),
        load.get(o.id) ?? 0,
      ] as const;
      return { o, key };
    })
    .sort(
      (a, b) =>
        a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || (a.o.id < b.o.id ? -1 : 1),
    );
  const limit = inp.options?.limit ?? 5;
  const idsOut = rows.slice(0, limit).map((r) => r.o.id);
  const pair = inp.matter?.needsCertified
    ? rows
        .filter((r) => r.o.kind === 'certified')
        .slice(0, 2)
        .map((r) => r.o.id)
    : [];
  for (const id of pair) if (!idsOut.includes(id)) idsOut.push(id);
  return { ids: idsOut, pair };
}

function pairIds(inp: RecommendInput): string[] {
  const p = recommendDispatch(inp).pairing;
  return p ? [...p.officerIds] : [];
}

describe('the k-d tree ranking', () => {
  it('agrees with a brute-force haversine sort on the committed sample for random points', async () => {
    const township = (await readCommitted('township.json')) as { officers: Officer[]; teams: Team[] };
    const cases = ((await readCommitted('cases.json')) as Case[]).filter((c) => isOpenStage(c.stage));
    const { officers, teams } = township;
    expect(officers.length).toBeGreaterThan(20);
    expect(cases.some((c) => (c.officerIds ?? []).length > 0)).toBe(true);
    const lons = officers.flatMap((o) => (o.position ? [o.position[0]] : []));
    const lats = officers.flatMap((o) => (o.position ? [o.position[1]] : []));
    const [w, e, s, n] = [
      Math.min(...lons) - 0.03,
      Math.max(...lons) + 0.03,
      Math.min(...lats) - 0.03,
      Math.max(...lats) + 0.03,
    ];
    fc.assert(
      fc.property(
        fc.double({ min: w, max: e, noNaN: true }),
        fc.double({ min: s, max: n, noNaN: true }),
        fc.option(fc.constantFrom(...teams.map((t) => t.id)), { nil: undefined }),
        fc.boolean(),
        fc.integer({ min: 1, max: 35 }),
        fc.integer({ min: 0, max: 15 }),
        (lon, lat, teamId, needsCertified, limit, ageMin) => {
          const inp: RecommendInput = {
            point: [lon, lat],
            responsibility: teamId ? { kind: 'inside', team: { id: teamId } } : { kind: 'outside' },
            matter: matter(needsCertified),
            officers,
            openCases: cases,
            now: SAMPLE_ANCHOR_MS + ageMin * MINUTE,
            options: { limit, maxPositionAgeMs: 10 * MINUTE },
          };
          const expected = bruteForce(inp);
          expect(ids(inp)).toEqual(expected.ids);
          expect(pairIds(inp)).toEqual(expected.pair);
        },
      ),
      { numRuns: 300, seed: 20261101 },
    );
  });

  it('agrees with the brute-force sort on random crowds of officers', () => {
    const spec = fc.record({
      team: fc.constantFrom('team-1', 'team-2', 'team-3'),
      kind: fc.constantFrom('certified', 'auxiliary' as const),
      status: fc.constantFrom<OfficerStatus>('patrolling', 'available', 'busy', 'off-duty'),
      northM: fc.integer({ min: -5000, max: 5000 }),
      eastM: fc.integer({ min: -5000, max: 5000 }),
      ageMin: fc.option(fc.integer({ min: 0, max: 60 }), { nil: null }),
    });
    fc.assert(
      fc.property(fc.array(spec, { maxLength: 150 }), fc.integer({ min: 1, max: 20 }), (specs, limit) => {
        const cos = Math.cos((P[1] * Math.PI) / 180);
        const officers: Officer[] = specs.map((s, k) => {
          const base = officer({
            id: `o${String(k).padStart(3, '0')}`,
            teamId: s.team,
            kind: s.kind,
            status: s.status,
          });
          return s.ageMin === null
            ? { ...base, position: undefined, positionAt: undefined }
            : {
                ...base,
                position: [P[0] + s.eastM / (M_PER_DEG * cos), P[1] + s.northM / M_PER_DEG],
                positionAt: NOW - s.ageMin * MINUTE,
              };
        });
        const openCases = officers.filter((_, k) => k % 3 === 0).map((o, k) => openCase(`k${k}`, [o.id]));
        const inp = input(officers, { openCases, matter: matter(true), options: { limit } });
        const expected = bruteForce(inp);
        expect(ids(inp)).toEqual(expected.ids);
        expect(pairIds(inp)).toEqual(expected.pair);
      }),
      { numRuns: 200, seed: 7 },
    );
  });
});

describe('the dataset schema', () => {
  it('accepts officerIds naming existing officers and rejects a missing one, naming the case and field', () => {
    const dataset = makeFixtureDataset();
    const officerId = dataset.officers[0]?.id ?? '';
    const withCrew = (officerIds: string[]): unknown => ({
      ...dataset,
      cases: dataset.cases.map((c, k) => (k === 1 ? { ...c, officerIds } : c)),
    });
    expect(parseDataset(withCrew([officerId]), 'township.json').ok).toBe(true);
    const result = parseDataset(withCrew([officerId, 'officer-nowhere']), 'township.json');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toContainEqual(
      expect.objectContaining({
        key: 'dataset.missingReference',
        collection: 'cases',
        index: 1,
        recordId: dataset.cases[1]?.id,
        field: 'officerIds[1]',
        params: { value: 'officer-nowhere', target: 'officers' },
      }),
    );
  });
});
