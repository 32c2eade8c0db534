import type {
  Basemap,
  BasemapPoi,
  BasemapRoad,
  BasemapSettlement,
  BasemapWater,
  PoiKind,
} from '../model/basemap';
import type { LonLat } from '../model/geo';
import type { LocalFrame } from './local-frame';
import { villageName } from './names';
import type { Rng } from './random';
import { blob, bendyPath, nearestVertex, scatter, type Xy } from './shapes';

export interface BasemapInput {
  readonly frame: LocalFrame;
  /** Town centre, metres. */
  readonly centre: Xy;
  /** Township extent in metres: west, south, east, north. */
  readonly extent: readonly [number, number, number, number];
  readonly inside: (p: Xy) => boolean;
  /** Short township name for POIs, e.g. 澄湖. */
  readonly townName: string;
  /** Administrative villages: the namesake natural village sits at `centre`; `spare` are other sites in the village. */
  readonly villages: readonly { readonly name: string; readonly centre: Xy; readonly spare: readonly Xy[] }[];
}

/** The basemap features again in metres, for the case generator to cluster incidents on. */
export interface SamplePlaces {
  readonly centre: Xy;
  readonly pois: readonly { readonly kind: PoiKind; readonly name: string; readonly at: Xy }[];
  readonly roads: readonly {
    readonly name: string;
    readonly rank: BasemapRoad['rank'];
    readonly path: readonly Xy[];
  }[];
  readonly waters: readonly { readonly name: string; readonly path: readonly Xy[] }[];
  readonly villages: readonly { readonly name: string; readonly at: Xy; readonly radius: number }[];
}

const CANAL_NAMES = ['幸福河', '跃进河', '红旗河', '团结河', '卫东河', '前进河', '丰收河'];
const LAKE_NAMES = ['青蒲荡', '菱角荡', '白米荡'];

/**
 * Draws the township's offline basemap: trunk, county and village roads with bends, a river, canals and
 * lakes (荡), the town centre and natural villages as polygons, and the POIs enforcement cares about.
 */
export function generateBasemap(input: BasemapInput, rng: Rng): { basemap: Basemap; places: SamplePlaces } {
  const { frame, centre, extent, inside } = input;
  const [west, south, east, north] = extent;
  const ll = (p: Xy): LonLat => frame.toLonLat(p[0], p[1]);
  const line = (path: readonly Xy[]): { type: 'LineString'; coordinates: LonLat[] } => ({
    type: 'LineString',
    coordinates: path.map(ll),
  });
  const margin = 600;
  const cx = centre[0];
  const cy = centre[1];

  // Roads: two provincial trunk roads skirting the centre, the town's main streets, county roads out to the edge.
  const roads: { name: string; rank: BasemapRoad['rank']; path: Xy[] }[] = [];
  const trunkX = cx + rng.range(900, 1400);
  const trunkY = cy - rng.range(800, 1200);
  roads.push({
    name: 'S231省道',
    rank: 'trunk',
    path: bendyPath(
      [
        [trunkX + rng.range(-800, 800), south - margin],
        [trunkX, cy],
        [trunkX + rng.range(-800, 800), north + margin],
      ],
      120,
      0.04,
      rng,
    ),
  });
  roads.push({
    name: 'S352省道',
    rank: 'trunk',
    path: bendyPath(
      [
        [west - margin, trunkY + rng.range(-700, 700)],
        [cx, trunkY],
        [east + margin, trunkY + rng.range(-700, 700)],
      ],
      120,
      0.04,
      rng,
    ),
  });
  const streets: [string, Xy, Xy][] = [
    ['人民路', [cx - 1300, cy], [cx + 1300, cy + rng.range(-80, 80)]],
    ['建设路', [cx, cy - 1100], [cx + rng.range(-80, 80), cy + 1100]],
    ['振兴路', [cx - 1000, cy + 450], [cx + 1000, cy + 450 + rng.range(-60, 60)]],
    ['文昌路', [cx - 500, cy - 900], [cx - 500 + rng.range(-60, 60), cy + 900]],
  ];
  for (const [name, a, b] of streets)
    roads.push({ name, rank: 'main', path: bendyPath([a, b], 100, 0.01, rng) });
  for (const [name, a, b] of [
    ['老街', [cx - 350, cy - 250], [cx + 300, cy - 300]],
    ['菜场巷', [cx + 250, cy - 300], [cx + 250, cy + 450]],
    ['新街', [cx - 500, cy + 750], [cx + 600, cy + 780]],
  ] as [string, Xy, Xy][]) {
    roads.push({ name, rank: 'minor', path: bendyPath([a, b], 80, 0.02, rng) });
  }
  const edgeTargets: [string, Xy][] = [
    ['X301县道', [west - margin, north - rng.range(0.1, 0.4) * (north - south)]],
    ['X305县道', [cx + rng.range(-0.2, 0.2) * (east - west), south - margin]],
  ];
  for (const [name, target] of edgeTargets) {
    roads.push({ name, rank: 'main', path: bendyPath([[cx, cy], target], 150, 0.06, rng) });
  }

  // Water: a river through the township, canals across it, lakes away from the centre.
  const waters: { name: string; kind: BasemapWater['kind']; path: Xy[]; widthM?: number }[] = [];
  const riverX = cx - rng.range(1200, 1800);
  waters.push({
    name: '东塘河',
    kind: 'river',
    widthM: 55,
    path: bendyPath(
      [
        [riverX + rng.range(-1500, 1500), north + margin],
        [riverX, cy],
        [riverX + rng.range(-1500, 1500), south - margin],
      ],
      100,
      0.07,
      rng,
    ),
  });
  const canalCount = 5;
  for (let k = 0; k < canalCount; k++) {
    const eastWest = k % 2 === 0;
    const f = (k + 0.5 + rng.range(-0.2, 0.2)) / canalCount;
    const path: Xy[] = eastWest
      ? [
          [west - margin, south + f * (north - south)],
          [east + margin, south + (f + rng.range(-0.08, 0.08)) * (north - south)],
        ]
      : [
          [west + f * (east - west), north + margin],
          [west + (f + rng.range(-0.08, 0.08)) * (east - west), south - margin],
        ];
    waters.push({
      name: CANAL_NAMES[k] as string,
      kind: 'canal',
      widthM: rng.int(8, 20),
      path: bendyPath(path, 100, 0.03, rng),
    });
  }
  const lakes: { name: string; at: Xy; radius: number; ring: Xy[] }[] = [];
  for (const name of LAKE_NAMES) {
    for (let attempt = 0; attempt < 200; attempt++) {
      const at: Xy = [rng.range(west, east), rng.range(south, north)];
      const radius = rng.range(350, 650);
      const far = Math.hypot(at[0] - cx, at[1] - cy) > 2600;
      const apart = lakes.every(
        (l) => Math.hypot(l.at[0] - at[0], l.at[1] - at[1]) > l.radius + radius + 800,
      );
      if (!far || !apart || !inside(at)) continue;
      lakes.push({
        name,
        at,
        radius,
        ring: blob(at, radius, radius * rng.range(0.55, 0.9), rng.range(0, Math.PI), 30, rng),
      });
      break;
    }
  }
  const clearOfLakes = (p: Xy, pad: number): boolean =>
    lakes.every((l) => Math.hypot(l.at[0] - p[0], l.at[1] - p[1]) > l.radius + pad);

  // Settlements: the town centre and natural villages; every village gets a road to the nearest main road.
  const settlements: BasemapSettlement[] = [
    {
      id: 'settlement-town',
      name: `${input.townName}集镇`,
      kind: 'town-centre',
      geometry: {
        type: 'Polygon',
        coordinates: [blob(centre, 1250, 1000, rng.range(-0.3, 0.3), 40, rng).map(ll)],
      },
      labelPoint: ll(centre),
    },
  ];
  const villages: { name: string; at: Xy; radius: number }[] = [];
  const addVillage = (name: string, at: Xy): void => {
    const radius = rng.range(140, 280);
    villages.push({ name, at, radius });
    const ring = blob(at, radius, radius * rng.range(0.5, 0.9), rng.range(0, Math.PI), 18, rng);
    settlements.push({
      id: `settlement-${villages.length}`,
      name,
      kind: 'village',
      geometry: { type: 'Polygon', coordinates: [ring.map(ll)] },
      labelPoint: ll(at),
    });
  };
  const taken = new Set(input.villages.map((v) => v.name));
  for (const v of input.villages) {
    if (clearOfLakes(v.centre, 250)) addVillage(v.name, v.centre);
    const spare = v.spare.filter(
      (p) => Math.hypot(p[0] - v.centre[0], p[1] - v.centre[1]) > 700 && clearOfLakes(p, 250),
    );
    if (spare.length > 0 && rng.chance(0.8)) {
      let name = villageName(rng);
      for (let attempt = 0; taken.has(name) && attempt < 100; attempt++) name = villageName(rng);
      if (!taken.has(name)) {
        taken.add(name);
        addVillage(name, scatter(rng.pick(spare), 80, rng));
      }
    }
  }
  const arterials = roads.filter((r) => r.rank !== 'minor').map((r) => r.path);
  for (const v of villages) {
    const near = nearestVertex(arterials, v.at);
    if (near.distance > 250)
      roads.push({
        name: `${v.name}村道`,
        rank: 'minor',
        path: bendyPath([v.at, near.point], 90, 0.05, rng),
      });
  }

  // POIs.
  const poiList: { kind: PoiKind; name: string; at: Xy }[] = [];
  const place = (kind: PoiKind, name: string, around: Xy, spread: number): void => {
    for (let attempt = 0; attempt < 100; attempt++) {
      const at = scatter(around, spread, rng);
      if (inside(at) && clearOfLakes(at, 80)) {
        poiList.push({ kind, name, at });
        return;
      }
    }
    poiList.push({ kind, name, at: around });
  };
  const town = input.townName;
  place('government', `${town}镇人民政府`, [cx + 120, cy + 150], 60);
  place('market', `${town}农贸市场`, [cx + 260, cy - 120], 60);
  place('market', '东街菜市场', [cx + 700, cy + 300], 100);
  place('school', `${town}镇中心小学`, [cx - 450, cy + 350], 120);
  place('school', `${town}初级中学`, [cx + 500, cy + 600], 150);
  place('school', `${town}镇中心幼儿园`, [cx - 200, cy - 500], 120);
  place('hospital', `${town}镇卫生院`, [cx - 300, cy + 100], 100);
  const trunk = roads[0]?.path ?? [centre];
  place('station', `${town}汽车站`, nearestVertex([trunk], centre).point, 20);
  const park: Xy = nearestVertex([roads[1]?.path ?? [centre]], [cx + 2200, trunkY]).point;
  place('factory', `${town}工业集中区`, park, 150);
  for (const suffix of ['水产食品有限公司', '机械制造有限公司', '新型建材厂']) {
    place('factory', `${town}${suffix}`, park, 450);
  }
  const schoolVillages = rng.shuffle(villages).slice(0, 2);
  for (const v of schoolVillages) place('school', `${v.name}小学`, v.at, 120);
  const sites = [
    `${town}安置小区二期工地`,
    '人民路改造工程',
    `${town}中心河桥梁工地`,
    '标准厂房建设工地',
    '农民集中居住区工地',
  ];
  sites.forEach((name, k) => {
    const around: Xy =
      k < 2
        ? [cx + rng.range(-1400, 1400), cy + rng.range(-1200, 1200)]
        : k === 3
          ? park
          : (rng.pick(villages)?.at ?? centre);
    place('construction', name, around, 250);
  });

  const basemap: Basemap = {
    roads: roads.map((r, k) => ({ id: `road-${k + 1}`, name: r.name, rank: r.rank, geometry: line(r.path) })),
    water: [
      ...waters.map((w, k) => ({
        id: `water-${k + 1}`,
        name: w.name,
        kind: w.kind,
        geometry: line(w.path),
        ...(w.widthM ? { widthM: w.widthM } : {}),
      })),
      ...lakes.map((l, k) => ({
        id: `lake-${k + 1}`,
        name: l.name,
        kind: 'lake' as const,
        geometry: { type: 'Polygon' as const, coordinates: [l.ring.map(ll)] },
      })),
    ],
    settlements,
    pois: poiList.map((p, k): BasemapPoi => ({
      id: `poi-${k + 1}`,
      name: p.name,
      kind: p.kind,
      location: ll(p.at),
    })),
  };
  const places: SamplePlaces = {
    centre,
    pois: poiList,
    roads,
    waters: [
      ...waters.map((w) => ({ name: w.name, path: w.path })),
      ...lakes.map((l) => ({ name: l.name, path: l.ring })),
    ],
    villages,
  };
  return { basemap, places };
}
