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
}

export const positionReportSchema = z.strictObject({
  officerId: z.string().min(1),
  position: z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]),
  at: z.number().int().nonnegative(),
});

export interface PositionIssue {
  /** Index of the report in the batch. */
  readonly index: number;
  /** Dotted path of the bad field, e.g. "position.1". */
  readonly field: string;
  readonly key: 'position.invalid' | 'position.unknownOfficer';
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
      reports.push({ officerId: parsed.data.officerId, position: parsed.data.position, at: parsed.data.at });
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
 * The officers with the newest report of each applied. A report older than the position already
 * held is ignored (phones resend); a report for an officer not on the roster is returned as an issue.
 */
export function applyPositionReports(
  officers: readonly Officer[],
  reports: readonly PositionReport[],
): { readonly officers: Officer[]; readonly changed: number; readonly issues: PositionIssue[] } {
  const newest = new Map<string, PositionReport>();
  const issues: PositionIssue[] = [];
  const known = new Set(officers.map((o) => o.id));
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
    const held = newest.get(report.officerId);
    if (held === undefined || report.at > held.at) newest.set(report.officerId, report);
  });
  let changed = 0;
  const next = officers.map((officer) => {
    const report = newest.get(officer.id);
    if (report === undefined || (officer.positionAt !== undefined && report.at <= officer.positionAt))
      return officer;
    changed += 1;
    return { ...officer, position: report.position, positionAt: report.at };
  });
  return { officers: next, changed, issues };
}
