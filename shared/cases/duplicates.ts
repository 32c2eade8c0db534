/**
 * Spotting reports of the same incident: 12345 callers, grid workers and cameras often report one
 * problem several times. Two reports are likely duplicates when they are classified to the same matter,
 * lie within a short great-circle distance and came in within a short time of each other. The operator
 * decides; this only ranks the candidates (合并 / merge is an action of the case loop).
 */
import { around, distance } from 'geokdbush';
import KDBush from 'kdbush';
import type { LonLat } from '../model/geo';

/** Stages whose cases never count as the original of a duplicate: 不予立案, 作废, 已合并. */
export const DUPLICATE_IGNORED_STAGES: readonly string[] = ['rejected', 'voided', 'merged'];

/** The fields of a stored case duplicate detection needs; `stage` is a loop stage string. */
export interface DuplicateCase {
  readonly id: string;
  readonly matterCode: string;
  /** WGS84 degrees. */
  readonly location: LonLat;
  /** Epoch milliseconds. */
  readonly reportedAt: number;
  readonly stage: string;
}

/** A new report to check: a case being registered or an intake draft being imported. */
export interface DuplicateProbe {
  readonly matterCode: string;
  /** WGS84 degrees; a probe without a location has no duplicates until it is placed. */
  readonly location: LonLat | null;
  /** Epoch milliseconds. */
  readonly reportedAt: number;
}

export interface DuplicateOptions {
  /** Great-circle distance in metres, inclusive. Default 100. */
  readonly maxDistanceM?: number;
  /** Time between the two reports in hours, inclusive, either direction. Default 24. */
  readonly maxHoursApart?: number;
}

export const DEFAULT_DUPLICATE_OPTIONS = { maxDistanceM: 100, maxHoursApart: 24 } as const;

export interface DuplicateMatch {
  readonly id: string;
  /** Great-circle distance in metres (6371 km sphere). */
  readonly distanceM: number;
  /** Absolute time between the reports in hours. */
  readonly hoursApart: number;
}

const MS_PER_HOUR = 3_600_000;

function resolve(options: DuplicateOptions): Required<DuplicateOptions> {
  return { ...DEFAULT_DUPLICATE_OPTIONS, ...options };
}

/** Great-circle distance in metres between two WGS84 points, on the sphere geokdbush uses. */
export function greatCircleM(a: LonLat, b: LonLat): number {
  return distance(a[0], a[1], b[0], b[1]) * 1000;
}

function byDistanceThenTime<T extends { distanceM: number; hoursApart: number }>(a: T, b: T): number {
  return a.distanceM - b.distanceM || a.hoursApart - b.hoursApart;
}

/**
 * The existing cases that may report the same incident as `candidate`: same matter code, within
 * `maxDistanceM` metres and `maxHoursApart` hours (both inclusive), not in a stage of
 * {@link DUPLICATE_IGNORED_STAGES}. Nearest first, then closest in time. A linear scan: fine for one
 * case against a township's cases; use {@link findBatchDuplicates} for an import.
 */
export function findDuplicates(
  candidate: DuplicateProbe,
  existing: readonly DuplicateCase[],
  options: DuplicateOptions = {},
): DuplicateMatch[] {
  const { maxDistanceM, maxHoursApart } = resolve(options);
  const location = candidate.location;
  if (location === null) return [];
  const matches: DuplicateMatch[] = [];
  for (const other of existing) {
    if (other.matterCode !== candidate.matterCode || DUPLICATE_IGNORED_STAGES.includes(other.stage)) continue;
    const hoursApart = Math.abs(other.reportedAt - candidate.reportedAt) / MS_PER_HOUR;
    if (hoursApart > maxHoursApart) continue;
    const distanceM = greatCircleM(location, other.location);
    if (distanceM <= maxDistanceM) matches.push({ id: other.id, distanceM, hoursApart });
  }
  return matches.sort(byDistanceThenTime);
}

/** What a batch item may duplicate: a stored case, or an earlier item of the same batch (by index). */
export type DuplicateTarget =
  { readonly kind: 'existing'; readonly id: string } | { readonly kind: 'batch'; readonly index: number };

export interface BatchDuplicateMatch {
  readonly target: DuplicateTarget;
  readonly distanceM: number;
  readonly hoursApart: number;
}

export interface BatchDuplicates {
  /** Index of the item in the batch. */
  readonly index: number;
  /** Nearest first, then closest in time. */
  readonly matches: readonly BatchDuplicateMatch[];
}

interface IndexedGroup {
  readonly index: KDBush;
  readonly targets: readonly DuplicateTarget[];
  readonly times: readonly number[];
  readonly points: readonly LonLat[];
}

/**
 * Duplicates for a whole import batch at once: each item against the stored cases (minus ignored
 * stages) and against the *earlier* items of the batch, so a pair inside the batch is reported once,
 * on the later item. Items without a location are skipped. Returns only items with at least one match,
 * in batch order. Uses one kd-tree per matter code (geokdbush radius queries), so the cost grows with
 * n log n plus the number of near pairs, not with n².
 */
export function findBatchDuplicates(
  batch: readonly DuplicateProbe[],
  existing: readonly DuplicateCase[],
  options: DuplicateOptions = {},
): BatchDuplicates[] {
  const { maxDistanceM, maxHoursApart } = resolve(options);
  const collected = new Map<string, { targets: DuplicateTarget[]; times: number[]; points: LonLat[] }>();
  const add = (matterCode: string, target: DuplicateTarget, time: number, point: LonLat): void => {
    let group = collected.get(matterCode);
    if (group === undefined) {
      group = { targets: [], times: [], points: [] };
      collected.set(matterCode, group);
    }
    group.targets.push(target);
    group.times.push(time);
    group.points.push(point);
  };
  for (const c of existing) {
    if (!DUPLICATE_IGNORED_STAGES.includes(c.stage))
      add(c.matterCode, { kind: 'existing', id: c.id }, c.reportedAt, c.location);
  }
  batch.forEach((item, index) => {
    if (item.location !== null)
      add(item.matterCode, { kind: 'batch', index }, item.reportedAt, item.location);
  });
  const groups = new Map<string, IndexedGroup>();
  for (const [code, group] of collected) {
    const index = new KDBush(group.points.length);
    for (const [lon, lat] of group.points) index.add(lon, lat);
    index.finish();
    groups.set(code, { index, ...group });
  }
  const results: BatchDuplicates[] = [];
  const maxDistanceKm = maxDistanceM / 1000;
  batch.forEach((item, itemIndex) => {
    const location = item.location;
    const group = groups.get(item.matterCode);
    if (location === null || group === undefined) return;
    const hits = around(group.index, location[0], location[1], Infinity, maxDistanceKm, (k) => {
      const target = group.targets[k] as DuplicateTarget;
      if (target.kind === 'batch' && target.index >= itemIndex) return false;
      return Math.abs((group.times[k] as number) - item.reportedAt) / MS_PER_HOUR <= maxHoursApart;
    });
    if (hits.length === 0) return;
    const matches = hits
      .map((k) => ({
        target: group.targets[k] as DuplicateTarget,
        distanceM: greatCircleM(location, group.points[k] as LonLat),
        hoursApart: Math.abs((group.times[k] as number) - item.reportedAt) / MS_PER_HOUR,
      }))
      .filter((m) => m.distanceM <= maxDistanceM)
      .sort(byDistanceThenTime);
    if (matches.length > 0) results.push({ index: itemIndex, matches });
  });
  return results;
}
