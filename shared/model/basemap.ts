import type { AreaGeometry, LineGeometry, LonLat } from './geo';

/**
 * The township's own geography, drawn as the offline basemap: no tiles, no network.
 * Each feature kind becomes one layer of the default style.
 */
export interface BasemapRoad {
  readonly id: string;
  readonly name: string;
  /** 国道/省道 trunk, 县道/主干路 main, 乡村道路 minor. */
  readonly rank: 'trunk' | 'main' | 'minor';
  readonly geometry: LineGeometry;
}

export interface BasemapWater {
  readonly id: string;
  readonly name: string;
  /** A river or canal is a line with a width; a pond or lake an area. */
  readonly kind: 'river' | 'canal' | 'lake';
  readonly geometry: LineGeometry | AreaGeometry;
  /** Width in metres, for lines. */
  readonly widthM?: number;
}

/** 自然村 / 集镇: a built-up area with a name. */
export interface BasemapSettlement {
  readonly id: string;
  readonly name: string;
  readonly kind: 'town-centre' | 'village';
  readonly geometry: AreaGeometry;
  readonly labelPoint: LonLat;
}

/** Points of interest that matter for enforcement: 农贸市场, 学校, 工地, 医院, 镇政府… */
export const POI_KINDS = [
  'government',
  'market',
  'school',
  'construction',
  'hospital',
  'factory',
  'station',
  /** Any other named place: a residential compound, a shop, a park… (imported place lists). */
  'other',
] as const;
export type PoiKind = (typeof POI_KINDS)[number];

export interface BasemapPoi {
  readonly id: string;
  readonly name: string;
  readonly kind: PoiKind;
  readonly location: LonLat;
}

export interface Basemap {
  readonly roads: readonly BasemapRoad[];
  readonly water: readonly BasemapWater[];
  readonly settlements: readonly BasemapSettlement[];
  readonly pois: readonly BasemapPoi[];
}
