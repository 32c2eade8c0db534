/**
 * Officer positions as the phones report them (位置上报). A report is a WGS84 point with the time it
 * was fixed; the workstation keeps the newest per officer. Reports from outside (a phone gateway, a
 * file, the sample's patrol simulator) go through {@link parsePositionReports} first, so a bad one is
 * named by its index and field and never stored.
 */
import { z } from 'zod';
import type { LonLat } from '../model/geo';
import type { Officer } from '../model/organisation';

export interface PositionReport {
  readonly officerId: string;
  /** WGS84 degrees. */
  readonly position: LonLat;
  /** When the phone fixed the position, epoch milliseconds. */
  readonly at: number;
  /** The phone's battery level, percent; null or absent: not reported (a simulator, an old phone app). */
  readonly battery?: number | null;
  /** Horizontal accuracy of the fix, metres; null or absent: not reported. */
  readonly accuracy?: number | null;
  /** Speed over ground, metres per second; null or absent: not reported. Kept in the track. */
  readonly speed?: number | null;
}

export const positionReportSchema = z.strictObject({
  officerId: z.string().min(1),
  position: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  at: z.number().int().nonnegative(),
  battery: z.number().nullable().optional(),
  accuracy: z.number().nullable().optional(),
  speed: z.number().nonnegative().nullable().optional(),
});

export interface PositionIssue {
  /** Index of the report in the batch. */
  readonly index: number;
  /** Dotted path of the bad field, e.g. "position.1". */
  readonly field: string;
  readonly key: 'position.invalid' | 'position.unknownOfficer' | 'position.future';
  readonly params: Readonly<Record<string, string | number>>;
}

/** Checks a batch of reports from `source`; returns the valid ones and an issue per bad one. */
export function parsePositionReports(
  input: unknown,
  source: string,
): { readonly reports: PositionReport[]; readonly issues: PositionIssue[] } {
  const reports: PositionReport[] = [];
  const issues: PositionIssue[] = [];
  const items: unknown[] = Array.isArray(input) ? input : [input];
  items.forEach((item, index) => {
    const parsed = positionReportSchema.safeParse(item);
    if (parsed.success) {
      const { officerId, position, at, battery, accuracy, speed } = parsed.data;
      reports.push({
        officerId,
        position,
        at,
        ...(typeof battery === 'number' ? { battery } : {}),
        ...(typeof accuracy === 'number' ? { accuracy } : {}),
        ...(typeof speed === 'number' ? { speed } : {}),
      });
      return;
    }
    const first = parsed.error.issues[0];
    const field = first?.path.join('.') ?? '';
    issues.push({
      index,
      field,
      key: 'position.invalid',
      params: { source, index, field, detail: first?.message ?? '' },
    });
  });
  return { reports, issues };
}

/**
 * How far ahead of the workstation's clock a report may be stamped: 5 minutes, in milliseconds. A
 * phone whose clock runs a little fast still gets through; one stamped later than this would hold the
 * officer's position for hours (a newer real report is never older than it), so it is refused.
 */
export const MAX_REPORT_AHEAD_MS = 5 * 60_000;

/**
 * How old a report may be and still move an officer: 1 hour, in milliseconds. An older one (a phone
 * that was offline and now flushes its queue, a replayed file) is not applied: it would put the officer
 * on the map, and into the dispatch recommendations, at a place they left long ago. It is counted, not
 * stored: GridDesk keeps the newest position per officer, not a track.
 */
export const MAX_REPORT_AGE_MS = 60 * 60_000;

/**
 * What the newest fix said of the phone, as the officer keeps it: the battery in whole percent (above
 * 100 read as 100), the accuracy in metres; a negative or missing value is left out, so a fix without
 * them does not show an older fix's battery as current.
 */
function phoneState(report: PositionReport): { battery?: number; accuracy?: number } {
  const { battery, accuracy } = report;
  return {
    ...(typeof battery === 'number' && battery >= 0 ? { battery: Math.min(100, Math.round(battery)) } : {}),
    ...(typeof accuracy === 'number' && accuracy >= 0 ? { accuracy } : {}),
  };
}

/** What became of one batch of reports, report by report. */
export interface PositionCounts {
  /** Officers whose position moved. */
  readonly applied: number;
  /** Stamped more than {@link MAX_REPORT_AHEAD_MS} after now: refused. */
  readonly rejectedFuture: number;
  /** Older than {@link MAX_REPORT_AGE_MS}: not applied. */
  readonly stale: number;
  /** Not newer than the position already held, or than another report of the batch (phones resend). */
  readonly superseded: number;
  /** For an officer not on the roster: refused. */
  readonly unknownOfficer: number;
}

/**
 * The officers with the newest report of each applied, at `now` (epoch ms, the workstation's clock).
 *
 * Edge rules: a report stamped more than {@link MAX_REPORT_AHEAD_MS} after `now` is refused with a
 * `position.future` issue (exactly that far ahead is accepted); one older than {@link MAX_REPORT_AGE_MS}
 * before `now` is not applied and counted as stale (exactly that old is still applied); a report not
 * newer than the position already held is ignored (phones resend). A held position stamped too far in
 * the future (stored before this check existed) does not block a real report: any acceptable report
 * replaces it. A report for an officer not on the roster is returned as an issue. The officer keeps
 * the applied report's battery and accuracy (see {@link phoneState}), or none when it carried none.
 */
export function applyPositionReports(
  officers: readonly Officer[],
  reports: readonly PositionReport[],
  now: number,
): {
  readonly officers: Officer[];
  readonly changed: number;
  readonly issues: PositionIssue[];
  readonly counts: PositionCounts;
} {
  const newest = new Map<string, PositionReport>();
  const issues: PositionIssue[] = [];
  const known = new Set(officers.map((o) => o.id));
  let rejectedFuture = 0;
  let stale = 0;
  let superseded = 0;
  reports.forEach((report, index) => {
    if (!known.has(report.officerId)) {
      issues.push({
        index,
        field: 'officerId',
        key: 'position.unknownOfficer',
        params: { index, officerId: report.officerId },
      });
      return;
    }
    if (report.at - now > MAX_REPORT_AHEAD_MS) {
      rejectedFuture += 1;
      issues.push({
        index,
        field: 'at',
        key: 'position.future',
        params: { index, officerId: report.officerId, at: report.at, aheadMs: report.at - now },
      });
      return;
    }
    if (now - report.at > MAX_REPORT_AGE_MS) {
      stale += 1;
      return;
    }
    const held = newest.get(report.officerId);
    if (held === undefined || report.at > held.at) {
      if (held !== undefined) superseded += 1;
      newest.set(report.officerId, report);
    } else superseded += 1;
  });
  let changed = 0;
  const next = officers.map((officer) => {
    const report = newest.get(officer.id);
    if (report === undefined) return officer;
    const heldAt = officer.positionAt;
    const heldIsValid = heldAt !== undefined && heldAt - now <= MAX_REPORT_AHEAD_MS;
    if (heldIsValid && report.at <= heldAt) {
      superseded += 1;
      return officer;
    }
    changed += 1;
    const { battery: _battery, accuracy: _accuracy, ...rest } = officer;
    return { ...rest, position: report.position, positionAt: report.at, ...phoneState(report) };
  });
  const unknownOfficer = issues.filter((i) => i.key === 'position.unknownOfficer').length;
  return {
    officers: next,
    changed,
    issues,
    counts: { applied: changed, rejectedFuture, stale, superseded, unknownOfficer },
  };
}
