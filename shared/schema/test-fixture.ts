import { formatGridCode } from '../grid/code';
import type { AreaGeometry, LonLat } from '../model/geo';
import type { Case, CaseStage, CaseStep } from '../model/case';
import type { TownshipDataset } from '../model/dataset';
import { CURRENT_SCHEMA_VERSION } from './migrations';

/**
 * A small hand-made township for tests: two communities, four grids in one patrol area, one team with
 * a certified and an auxiliary officer, one county department, three matters (one held by the
 * department) and five cases at different stages. Coordinates are around 新沂市 (county 320381),
 * township 105; grids are 0.01° squares.
 */

const WEST = 118.3;
const SOUTH = 34.35;
const CELL = 0.01;

function square(column: number, row: number, cells = 1): AreaGeometry {
  const w = WEST + column * CELL;
  const s = SOUTH + row * CELL;
  const e = w + cells * CELL;
  const n = s + cells * CELL;
  const ring: LonLat[] = [
    [w, s],
    [e, s],
    [e, n],
    [w, n],
    [w, s],
  ];
  return { type: 'Polygon', coordinates: [ring] };
}

/** 2025-06-02 09:00 Beijing time, epoch milliseconds. */
export const FIXTURE_T0 = Date.UTC(2025, 5, 2, 1, 0);
const HOUR = 3_600_000;

const STAGE_ORDER: readonly CaseStage[] = [
  'reported',
  'registered',
  'dispatched',
  'handling',
  'feedback',
  'verified',
  'closed',
  'evaluated',
];

/** Steps from `reported` up to `stage`, one hour apart, starting at `reportedAt`. */
function stepsUpTo(stage: CaseStage, reportedAt: number): CaseStep[] {
  const last = STAGE_ORDER.indexOf(stage);
  return STAGE_ORDER.slice(0, last + 1).map((s, i) => ({
    stage: s,
    at: reportedAt + i * HOUR,
    actor: 'op-1',
  }));
}

export const FIXTURE_GRID_CODES = [
  formatGridCode('320381', 105, 1, 1),
  formatGridCode('320381', 105, 1, 2),
  formatGridCode('320381', 105, 1, 3),
  formatGridCode('320381', 105, 2, 1),
] as const;

function fixtureCase(
  n: number,
  stage: CaseStage,
  gridIndex: number,
  matterCode: string,
  hoursAfterT0: number,
): Case {
  const reportedAt = FIXTURE_T0 + hoursAfterT0 * HOUR;
  const gridCode = FIXTURE_GRID_CODES[gridIndex] ?? FIXTURE_GRID_CODES[0];
  return {
    id: `case-${n}`,
    caseNo: `2025-00000${n}`,
    source: n % 2 === 0 ? 'hotline' : 'grid-worker',
    matterCode,
    urgency: n === 1 ? 'urgent' : 'normal',
    stage,
    description: `测试案件 ${n}`,
    address: `新安街道 ${n} 号`,
    location: [WEST + gridIndex * CELL + CELL / 2, SOUTH + CELL / 2],
    gridCode,
    teamId: 'team-1',
    ...(STAGE_ORDER.indexOf(stage) >= STAGE_ORDER.indexOf('dispatched')
      ? { officerIds: ['off-1', 'off-2'] }
      : {}),
    reportedAt,
    steps: stepsUpTo(stage, reportedAt),
  };
}

/** A fresh copy of the fixture dataset, valid under the current schema. */
export function makeFixtureDataset(): TownshipDataset {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    meta: { label: '测试乡镇（示例数据）', synthetic: true, seed: 7, generatedAt: FIXTURE_T0 + 100 * HOUR },
    township: {
      name: '测试镇',
      countyCode: '320381',
      countyName: '新沂市',
      townshipCode: '105',
      boundary: square(0, 0, 4),
      areaM2: 14_700_000,
    },
    communities: [
      { code: '001', name: '新安社区', kind: 'community', centre: [WEST + 0.015, SOUTH + 0.005] },
      { code: '002', name: '高塘村', kind: 'village', centre: [WEST + 0.035, SOUTH + 0.005] },
    ],
    grids: FIXTURE_GRID_CODES.map((code, i) => ({
      code,
      name: `第${i + 1}网格`,
      communityCode: i < 3 ? '001' : '002',
      patrolAreaId: 'area-1',
      gridWorkerId: `gw-${i + 1}`,
      geometry: square(i, 0),
      areaM2: 920_000,
    })),
    gridWorkers: [1, 2, 3, 4].map((n) => ({ id: `gw-${n}`, name: `网格员${n}`, phone: `1380000000${n}` })),
    patrolAreas: [
      { id: 'area-1', name: '城区片区', teamId: 'team-1', color: '#1f77b4', geometry: square(0, 0, 4) },
    ],
    teams: [{ id: 'team-1', name: '第一中队', leaderId: 'off-1', phone: '0516-88000001' }],
    officers: [
      {
        kind: 'certified',
        id: 'off-1',
        name: '张队长',
        teamId: 'team-1',
        phone: '13900000001',
        status: 'patrolling',
        certificateNo: '32038100001',
        position: [WEST + 0.012, SOUTH + 0.004],
        positionAt: FIXTURE_T0 + 30 * HOUR,
      },
      {
        kind: 'auxiliary',
        id: 'off-2',
        name: '李协管',
        teamId: 'team-1',
        phone: '13900000002',
        status: 'available',
      },
    ],
    departments: [{ id: 'dept-env', name: '新沂市生态环境局', shortName: '环境局', phone: '0516-88000002' }],
    matters: [
      {
        code: 'CG-001',
        name: '占道经营',
        domain: 'urban-management',
        legalBasis: '《城市市容和环境卫生管理条例》第十四条',
        authority: { kind: 'township', basis: 'statutory' },
        limits: { register: 2, dispatch: 1, handle: 24, verify: 8 },
        needsCertified: true,
      },
      {
        code: 'SC-002',
        name: '无照经营',
        domain: 'market-regulation',
        legalBasis: '《无证无照经营查处办法》第十三条',
        authority: { kind: 'township', basis: 'granted' },
        limits: { register: 4, dispatch: 2, handle: 48, verify: 8 },
        needsCertified: true,
      },
      {
        code: 'HB-003',
        name: '露天焚烧',
        domain: 'ecology-environment',
        legalBasis: '《大气污染防治法》第一百一十九条',
        authority: { kind: 'department', departmentId: 'dept-env' },
        limits: { register: 1, dispatch: 1, handle: 8, verify: 4 },
        needsCertified: false,
      },
    ],
    basemap: {
      roads: [
        {
          id: 'road-1',
          name: '新安路',
          rank: 'main',
          geometry: {
            type: 'LineString',
            coordinates: [
              [WEST, SOUTH + 0.005],
              [WEST + 0.04, SOUTH + 0.005],
            ],
          },
        },
      ],
      water: [{ id: 'water-1', name: '小塘', kind: 'lake', geometry: square(3, 0) }],
      settlements: [
        {
          id: 'set-1',
          name: '新安集镇',
          kind: 'town-centre',
          geometry: square(0, 0, 2),
          labelPoint: [WEST + 0.01, SOUTH + 0.01],
        },
      ],
      pois: [{ id: 'poi-1', name: '新安农贸市场', kind: 'market', location: [WEST + 0.005, SOUTH + 0.006] }],
    },
    cases: [
      fixtureCase(1, 'reported', 0, 'CG-001', 40),
      fixtureCase(2, 'dispatched', 1, 'SC-002', 20),
      fixtureCase(3, 'handling', 2, 'HB-003', 30),
      fixtureCase(4, 'closed', 0, 'CG-001', 0),
      fixtureCase(5, 'evaluated', 3, 'SC-002', 10),
    ],
  };
}

/**
 * The fixture as the sample ships: township.json with `cases: []` and cases.json with the cases,
 * both as plain JSON values (what `JSON.parse` of the files gives).
 */
export function makeFixtureSampleFiles(): [township: unknown, cases: unknown] {
  const dataset = makeFixtureDataset();
  const township: unknown = JSON.parse(JSON.stringify({ ...dataset, cases: [] }));
  const cases: unknown = JSON.parse(JSON.stringify(dataset.cases));
  return [township, cases];
}
