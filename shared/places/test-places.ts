/** Hand-made places for the gazetteer tests: small, with shapes chosen to catch representative-point bugs. */
import type { Basemap } from '../model/basemap';
import type { AreaGeometry, LonLat } from '../model/geo';
import type { Community, Grid } from '../model/organisation';
import type { GridCode } from '../grid/code';

/** An axis-aligned rectangle as a closed counter-clockwise polygon. */
export function box(west: number, south: number, east: number, north: number): AreaGeometry {
  return {
    type: 'Polygon',
    coordinates: [
      [
        [west, south],
        [east, south],
        [east, north],
        [west, north],
        [west, south],
      ],
    ],
  };
}

/** A "C" opening east: its centroid falls in the notch, outside the polygon. */
export const C_SHAPE: AreaGeometry = {
  type: 'Polygon',
  coordinates: [
    [
      [120.0, 32.0],
      [120.03, 32.0],
      [120.03, 32.005],
      [120.005, 32.005],
      [120.005, 32.025],
      [120.03, 32.025],
      [120.03, 32.03],
      [120.0, 32.03],
      [120.0, 32.0],
    ],
  ],
};

export const basemap: Basemap = {
  roads: [
    {
      id: 'road-1',
      name: 'S231省道',
      rank: 'trunk',
      // 3 km east, then 1 km north: halfway is 2 km along the first leg.
      geometry: {
        type: 'LineString',
        coordinates: [
          [120.0, 32.1],
          [120.031785, 32.1],
          [120.031785, 32.109],
        ],
      },
    },
    {
      id: 'road-2',
      name: '人民路',
      rank: 'main',
      geometry: {
        type: 'LineString',
        coordinates: [
          [120.01, 32.05],
          [120.02, 32.05],
        ],
      },
    },
  ],
  water: [],
  settlements: [
    {
      id: 'set-1',
      name: '周庄',
      kind: 'village',
      geometry: box(120.1, 32.0, 120.11, 32.01),
      labelPoint: [120.105, 32.005],
    },
    // Label point given outside its own polygon: the gazetteer must not trust it.
    { id: 'set-2', name: '沈家舍', kind: 'village', geometry: C_SHAPE, labelPoint: [120.02, 32.015] },
    {
      id: 'set-3',
      name: '澄湖集镇',
      kind: 'town-centre',
      geometry: box(120.05, 32.05, 120.07, 32.07),
      labelPoint: [120.06, 32.06],
    },
  ],
  pois: [
    { id: 'poi-1', name: '澄湖镇人民政府', kind: 'government', location: [120.06, 32.06] },
    { id: 'poi-2', name: '澄湖农贸市场', kind: 'market', location: [120.061, 32.061] },
    { id: 'poi-3', name: '周庄小学', kind: 'school', location: [120.104, 32.004] },
  ],
};

export const communities: readonly Community[] = [
  { code: '201', name: '周庄村', kind: 'village', centre: [120.105, 32.005] },
  { code: '101', name: '澄湖社区', kind: 'community', centre: [120.06, 32.06] },
];

function grid(code: string, name: string, communityCode: string, geometry: AreaGeometry): Grid {
  return {
    code: code as GridCode,
    name,
    communityCode,
    patrolAreaId: 'pa-1',
    gridWorkerId: 'gw-1',
    geometry,
    areaM2: 1,
  };
}

export const grids: readonly Grid[] = [
  grid('321281118201001', '周庄村第1网格', '201', box(120.1, 32.0, 120.105, 32.01)),
  grid('321281118201012', '周庄村第12网格', '201', box(120.105, 32.0, 120.11, 32.01)),
  grid('321281118101012', '澄湖社区第12网格', '101', C_SHAPE),
];

export const township = { communities, grids };

export type { LonLat };
