import type { AreaGeometry, LonLat } from './geo';
import type { GridCode } from '../grid/code';

/** 乡镇/街道: the township (or street office) a GridDesk workstation commands. */
export interface Township {
  readonly name: string;
  /** 6-digit county-level administrative division code (区划代码), e.g. "320381". */
  readonly countyCode: string;
  readonly countyName: string;
  /** 3-digit township/street code inside the county, e.g. "105". */
  readonly townshipCode: string;
  readonly boundary: AreaGeometry;
  /** Area in square metres. */
  readonly areaM2: number;
}

/** 社区/行政村: a community or village committee; the middle three digits of a grid code. */
export interface Community {
  readonly code: string;
  readonly name: string;
  readonly kind: 'community' | 'village';
  readonly centre: LonLat;
}

/** 网格员: a grid worker, responsible for one grid. */
export interface GridWorker {
  readonly id: string;
  readonly name: string;
  readonly phone: string;
}

/** 单元网格 / 综合网格: the smallest management polygon. */
export interface Grid {
  readonly code: GridCode;
  readonly name: string;
  readonly communityCode: string;
  readonly patrolAreaId: string;
  readonly gridWorkerId: string;
  readonly geometry: AreaGeometry;
  /** Area in square metres. */
  readonly areaM2: number;
}

/** 片区: a group of grids that one team covers. */
export interface PatrolArea {
  readonly id: string;
  readonly name: string;
  readonly teamId: string;
  /** Display colour as #rrggbb; the team's colour on the map. */
  readonly color: string;
  readonly geometry: AreaGeometry;
}

/** 执法中队: an enforcement team. */
export interface Team {
  readonly id: string;
  readonly name: string;
  readonly leaderId: string;
  readonly phone: string;
}

/**
 * 执法人员. Certified staff (在编) hold an enforcement certificate (执法证); auxiliary staff
 * (编外协管员) do not and cannot count towards the two certified officers an action needs.
 */
export type Officer = CertifiedOfficer | AuxiliaryOfficer;

interface OfficerBase {
  readonly id: string;
  readonly name: string;
  readonly teamId: string;
  readonly phone: string;
  readonly status: OfficerStatus;
  /** Last reported GPS position; absent when the phone has not reported this shift. */
  readonly position?: LonLat;
  /** When the position was reported, epoch milliseconds. */
  readonly positionAt?: number;
  /** The phone's battery level at that fix, percent (0–100); absent when the fix gave none. */
  readonly battery?: number;
  /** The horizontal accuracy of that fix, metres; absent when the fix gave none. */
  readonly accuracy?: number;
  /**
   * 设备号/终端编号: the id the officer's phone or terminal reports positions under (its Traccar
   * device id, or IMEI); unique among the officers. Absent when the officer carries none.
   */
  readonly deviceId?: string;
}

export interface CertifiedOfficer extends OfficerBase {
  readonly kind: 'certified';
  /** 执法证号. */
  readonly certificateNo: string;
}

export interface AuxiliaryOfficer extends OfficerBase {
  readonly kind: 'auxiliary';
}

/** 在岗巡查 on patrol, 待命 available, 处置中 handling a case, 离岗 off duty. */
export const OFFICER_STATUSES = ['patrolling', 'available', 'busy', 'off-duty'] as const;
export type OfficerStatus = (typeof OFFICER_STATUSES)[number];

/** 县级部门: a county department that may hold an enforcement power and answer a whistle. */
export interface Department {
  readonly id: string;
  readonly name: string;
  readonly shortName: string;
  readonly phone: string;
}
