import type { TownshipDataset } from '../model/dataset';

/**
 * Moving a sample in time. The embedded sample was generated once, at some fixed date; seeded into a
 * workstation months later, its "open" cases would all look long overdue. Shifting every event time by
 * one delta keeps their spacing (and so every duration, limit and statistic) and brings the newest event
 * to just before now.
 */

/** How far before "now" the newest sample event lands: 5 minutes, in milliseconds. */
export const SAMPLE_LEAD_MS = 5 * 60_000;

/**
 * The latest event time in a dataset, epoch milliseconds: case reports, case steps and officer
 * position fixes. `meta.generatedAt` describes the file, not an event, and does not count.
 * Returns null when the dataset has no event at all.
 */
export function newestEventAt(dataset: TownshipDataset): number | null {
  let newest: number | null = null;
  const see = (t: number | undefined): void => {
    if (t !== undefined && (newest === null || t > newest)) newest = t;
  };
  for (const c of dataset.cases) {
    see(c.reportedAt);
    for (const step of c.steps) see(step.at);
  }
  for (const officer of dataset.officers) see(officer.positionAt);
  return newest;
}

/**
 * The delta, in milliseconds, that moves the newest event of `dataset` to `now - leadMs`
 * (`now` in epoch milliseconds). Zero for a dataset without events.
 */
export function sampleTimeShift(
  dataset: TownshipDataset,
  now: number,
  leadMs: number = SAMPLE_LEAD_MS,
): number {
  const newest = newestEventAt(dataset);
  return newest === null ? 0 : now - leadMs - newest;
}

/**
 * A copy of `dataset` with every event time moved by `deltaMs` milliseconds (positive = later):
 * case `reportedAt`, each step's `at`, officers' `positionAt`. `meta.generatedAt` stays as it was.
 * The input is not changed.
 */
export function shiftDatasetTime(dataset: TownshipDataset, deltaMs: number): TownshipDataset {
  if (deltaMs === 0) return dataset;
  return {
    ...dataset,
    officers: dataset.officers.map((officer) =>
      officer.positionAt === undefined ? officer : { ...officer, positionAt: officer.positionAt + deltaMs },
    ),
    cases: dataset.cases.map((c) => ({
      ...c,
      reportedAt: c.reportedAt + deltaMs,
      steps: c.steps.map((step) => ({ ...step, at: step.at + deltaMs })),
    })),
  };
}
