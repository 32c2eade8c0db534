/**
 * Repeated warnings folded (同类警告合并): a file whose every grid has the same harmless defect (a
 * GeoJSON that GDAL wrote from a Shapefile has each outer ring clockwise, rewound on import) would
 * otherwise fill the report with one line per grid. Warnings of one kind in one file beyond
 * {@link FOLD_AFTER} become the first of them, with how many there are and the first
 * {@link FOLD_NAMED} features they name. Errors are never folded: each one is for the operator to fix.
 */
import type { SetupProblem } from './from-files';

/** Warnings of one kind in one file listed one by one up to this many; more fold into one line. */
export const FOLD_AFTER = 3;
/** Features a folded line names. */
export const FOLD_NAMED = 5;

/** The kind a problem is of: its key (a dataset issue's own key), the file it names, its severity. */
function kindOf(problem: SetupProblem): string {
  const key = problem.issue?.key ?? problem.key;
  const file = problem.params.file ?? problem.issue?.file ?? '';
  return `${problem.severity}\u0000${key}\u0000${String(file)}`;
}

/** The feature (1-based) of its file a problem names, if one (a dataset issue names a row, not a feature). */
function featureOf(problem: SetupProblem): number | null {
  const feature = problem.params.feature;
  return typeof feature === 'number' ? feature : null;
}

/**
 * The problems with repeated warnings folded (see the module comment), in their order: a folded
 * kind stands where its first warning stood, with `repeats` saying how many and which features.
 */
export function foldRepeatedWarnings(problems: readonly SetupProblem[]): SetupProblem[] {
  const byKind = new Map<string, SetupProblem[]>();
  for (const p of problems) {
    if (p.severity !== 'warning') continue;
    const kind = kindOf(p);
    const list = byKind.get(kind);
    if (list === undefined) byKind.set(kind, [p]);
    else list.push(p);
  }
  const out: SetupProblem[] = [];
  for (const p of problems) {
    const same = p.severity === 'warning' ? byKind.get(kindOf(p)) : undefined;
    if (same === undefined || same.length <= FOLD_AFTER) {
      out.push(p);
      continue;
    }
    if (same[0] !== p) continue;
    const features = same.flatMap((s) => {
      const f = featureOf(s);
      return f === null ? [] : [f];
    });
    out.push({ ...p, repeats: { count: same.length, features: features.slice(0, FOLD_NAMED) } });
  }
  return out;
}
