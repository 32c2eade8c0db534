/* eslint-disable @typescript-eslint/no-non-null-assertion -- indices come from loops over the same arrays */
import type { Case } from '../model/case';
import type { ZoneIssue } from './messages';
import type { ZoneGrids } from './plan';
import { shiftHours, shiftMembership, shiftSlotsBetween, type ShiftPattern } from './shifts';

/**
 * Expected workload per grid (预期工作量), in officer-hours per occurrence of a shift: the cases the
 * grid has had in that shift's hours, weighted by matter, plus the patrol its ground and roads take.
 *
 *   load = hoursPerCase × (Σ matter weight of the grid's cases reported in the shift's hours) / occurrences
 *        + shift hours × (km² × patrolHoursPerKm2Hour + road km × patrolHoursPerRoadKmHour)
 *
 * where occurrences is how many times the shift started in the history window (a history of 90 days
 * of a daily shift: 90). Voided (作废) and merged (合并) cases are not counted: a merged report is
 * counted once, in the case it was merged into; a case not registered (不予立案) still took a visit and
 * counts. The coefficients are the centre's to tune; the defaults below are documented guesses.
 */
export interface WorkloadCoefficients {
  /** Officer-hours one case of weight 1 takes: getting there, handling it, the feedback. Default 1.5 h. */
  readonly hoursPerCase: number;
  /**
   * Officer-hours of patrol per km² of grid per hour of shift. Default 0.05: an 8-hour shift spends
   * 0.4 h on each km² (a look round a village or a block of fields).
   */
  readonly patrolHoursPerKm2Hour: number;
  /**
   * Officer-hours of patrol per km of road per hour of shift. Default 0.02: an 8-hour shift spends
   * 0.16 h on each km of road, about one pass at 6 km/h (on foot or by e-bike).
   */
  readonly patrolHoursPerRoadKmHour: number;
}

export const DEFAULT_WORKLOAD_COEFFICIENTS: WorkloadCoefficients = {
  hoursPerCase: 1.5,
  patrolHoursPerKm2Hour: 0.05,
  patrolHoursPerRoadKmHour: 0.02,
};

/** What the workload needs of a case. */
export type WorkloadCase = Pick<Case, 'gridCode' | 'matterCode' | 'reportedAt' | 'stage'>;

export interface WorkloadInput {
  readonly grids: ZoneGrids;
  readonly cases: readonly WorkloadCase[];
  /** The history counted: cases reported in [from, to), epoch ms. */
  readonly from: number;
  readonly to: number;
  /** The shift whose hours count; null: the whole day (24 hours, one occurrence per day). */
  readonly shift: ShiftPattern | null;
  /** The centre's time zone (calendar/zone.ts). */
  readonly zone: string;
  /** Weight per matter code (a demolition order weighs more than a stall); absent codes weigh 1. */
  readonly matterWeights?: Readonly<Record<string, number>>;
  readonly coefficients?: Partial<WorkloadCoefficients>;
}

export interface GridWorkloads {
  /** Expected officer-hours per shift occurrence, per grid (indexed like `grids.codes`). */
  readonly load: Float64Array;
  /** Weighted cases per shift occurrence, per grid. */
  readonly cases: Float64Array;
  /** Patrol officer-hours per shift occurrence, per grid. */
  readonly patrol: Float64Array;
  /** Occurrences of the shift in the window (days for the whole day). */
  readonly occurrences: number;
  /** Cases counted; cases in the window and the shift's hours whose grid is not in the grid set. */
  readonly counted: number;
  readonly outsideGrids: number;
}

const DAY_MS = 86_400_000;
const NOT_COUNTED: ReadonlySet<string> = new Set(['voided', 'merged']);

/**
 * The expected workload of every grid for one shift (see the module comment for the formula). With
 * no occurrence in the window (an empty window, or a shift that never ran in it), the case term is 0.
 * Throws RangeError for a window with `to` before `from`; matter weights are checked by
 * {@link checkMatterWeights} (a negative weight here counts as 0).
 */
export function gridWorkloads(input: WorkloadInput): GridWorkloads {
  const { grids, shift, zone } = input;
  if (!(input.to >= input.from)) throw new RangeError('the workload window ends before it starts');
  const k = { ...DEFAULT_WORKLOAD_COEFFICIENTS, ...input.coefficients };
  const n = grids.codes.length;
  const occurrences =
    shift === null
      ? Math.round((input.to - input.from) / DAY_MS)
      : shiftSlotsBetween([shift], input.from, input.to, zone).length;
  const inHours = shift === null ? () => true : shiftMembership(shift, zone);
  const weighted = new Float64Array(n);
  let counted = 0;
  let outsideGrids = 0;
  for (const kase of input.cases) {
    if (kase.reportedAt < input.from || kase.reportedAt >= input.to || NOT_COUNTED.has(kase.stage)) continue;
    if (!inHours(kase.reportedAt)) continue;
    const g = grids.indexOf.get(kase.gridCode);
    if (g === undefined) {
      outsideGrids++;
      continue;
    }
    const weight = input.matterWeights?.[kase.matterCode] ?? 1;
    weighted[g] = weighted[g]! + Math.max(0, weight);
    counted++;
  }
  const hours = shift === null ? 24 : shiftHours(shift);
  const cases = new Float64Array(n);
  const patrol = new Float64Array(n);
  const load = new Float64Array(n);
  for (let g = 0; g < n; g++) {
    cases[g] = occurrences > 0 ? weighted[g]! / occurrences : 0;
    patrol[g] =
      hours *
      ((grids.areaM2[g]! / 1e6) * k.patrolHoursPerKm2Hour +
        (grids.roadLengthM[g]! / 1000) * k.patrolHoursPerRoadKmHour);
    load[g] = k.hoursPerCase * cases[g]! + patrol[g]!;
  }
  return { load, cases, patrol, occurrences, counted, outsideGrids };
}

/** Checks matter weights as entered: each a finite number ≥ 0 (`zones.workload.weight`, named by matter code). */
export function checkMatterWeights(weights: Readonly<Record<string, number>>): ZoneIssue[] {
  const issues: ZoneIssue[] = [];
  for (const [matter, value] of Object.entries(weights)) {
    if (!(Number.isFinite(value) && value >= 0))
      issues.push({
        section: 'matterWeights',
        row: null,
        field: matter,
        key: 'zones.workload.weight',
        severity: 'error',
        params: { matter, value: String(value) },
      });
  }
  return issues;
}
