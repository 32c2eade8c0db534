/** Schema of a stored {@link HistoryCase}: what a backup's history rows are checked against on restore. */
import { z } from 'zod';
import { CASE_SOURCES, URGENCIES } from '../model/case';
import { HISTORY_STATUSES, type HistoryCase } from './history-case';

const lonLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

export const historyCaseSchema = z.strictObject({
  caseNo: z.string().min(1),
  externalRef: z.string().min(1).optional(),
  source: z.enum(CASE_SOURCES).optional(),
  sourceText: z.string(),
  matterCode: z.string().min(1),
  urgency: z.enum(URGENCIES),
  address: z.string(),
  description: z.string(),
  location: lonLat.nullable(),
  gridCode: z.string().min(1),
  teamId: z.string(),
  reportedAt: z.number().finite(),
  closedAt: z.number().finite().optional(),
  status: z.enum(HISTORY_STATUSES),
  handledBy: z.string(),
  importId: z.string().min(1),
}) satisfies z.ZodType<HistoryCase>;

/** Checks rows as history cases: the rows, or the first bad row's index and field (e.g. `reportedAt`). */
export function parseHistoryCases(
  rows: readonly unknown[],
):
  | { readonly ok: true; readonly rows: HistoryCase[] }
  | { readonly ok: false; readonly index: number; readonly field: string } {
  const out: HistoryCase[] = [];
  const seen = new Set<string>();
  for (const [index, row] of rows.entries()) {
    const parsed = historyCaseSchema.safeParse(row);
    if (!parsed.success) return { ok: false, index, field: parsed.error.issues[0]?.path.join('.') ?? '' };
    if (seen.has(parsed.data.caseNo)) return { ok: false, index, field: 'caseNo' };
    seen.add(parsed.data.caseNo);
    out.push(parsed.data as HistoryCase);
  }
  return { ok: true, rows: out };
}
