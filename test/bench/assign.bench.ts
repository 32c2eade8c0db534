import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { asGeoJson } from '../../shared/model';
import { generateIncidentPoints, generateTownship } from '../../shared/sample';
import { GridLocator } from '../../shared/spatial';
import { measure } from './harness';

/** Naive Turf beyond this many seconds is run on a subsample and extrapolated. */
const TURF_BUDGET_S = 60;

/**
 * Point → grid assignment at city scale (about 7,000 grids, 1,000,000 incident points; `ASSIGN_POINTS`
 * lowers the count): naive Turf (`booleanPointInPolygon` against every grid after a bbox check, the
 * baseline) against GridLocator.locateMany on one thread. Exits non-zero if the two disagree on any point
 * off grid boundaries (Turf counts boundary points as inside every grid touching them; GridDesk picks one).
 */
export async function benchAssign(): Promise<Record<string, number>> {
  const pointCount = Number(process.env.ASSIGN_POINTS ?? 1_000_000);
  const dataset = generateTownship({ seed: 20261101, scale: 'city' });
  const grids = dataset.grids;
  const { lon, lat } = generateIncidentPoints(dataset, pointCount, 42);

  const buildStart = performance.now();
  const locator = new GridLocator(grids);
  const buildMs = performance.now() - buildStart;
  const raster = locator.raster;
  console.log(
    `\nassign: ${grids.length} grids, ${pointCount.toLocaleString('en')} points; locator built in ${buildMs.toFixed(0)} ms` +
      (raster ? ` (raster ${raster.nx}×${raster.ny} cells, ${raster.mixedCells} mixed)` : ''),
  );
  console.log(
    '  PostGIS and worker threads are not measured yet: they come with the next part of the issue.',
  );

  // (1) Naive Turf, timed on a subsample sized to the budget from a short probe.
  const shapes = grids.map((g) => asGeoJson(g.geometry) as Polygon | MultiPolygon);
  const boxes = shapes.map((s) => bbox(s));
  const turfIndex = (k: number): number => {
    const x = lon[k] as number;
    const y = lat[k] as number;
    for (let g = 0; g < shapes.length; g++) {
      const b = boxes[g]!;
      if (x < b[0]! || x > b[2]! || y < b[1]! || y > b[3]!) continue;
      if (booleanPointInPolygon([x, y], shapes[g]!)) return g;
    }
    return -1;
  };
  const probe = Math.min(pointCount, 2_000);
  const probeStart = performance.now();
  for (let k = 0; k < probe; k++) turfIndex(k);
  const probeRate = probe / ((performance.now() - probeStart) / 1000);
  const turfCount = Math.min(pointCount, Math.floor(probeRate * TURF_BUDGET_S));
  const turfOut = new Int32Array(turfCount);
  const turfStart = performance.now();
  for (let k = 0; k < turfCount; k++) turfOut[k] = turfIndex(k);
  const turfMs = performance.now() - turfStart;
  const turfRate = turfCount / (turfMs / 1000);
  console.log(
    `  naive Turf (bbox + booleanPointInPolygon)  ${turfRate.toFixed(0).padStart(12)} points/s` +
      (turfCount < pointCount
        ? `  (timed on the first ${turfCount.toLocaleString('en')} points, ~${TURF_BUDGET_S} s budget; all ${pointCount.toLocaleString('en')} would take ~${(pointCount / turfRate).toFixed(0)} s)`
        : ''),
  );

  // (2) GridDesk single-threaded bulk path.
  const out = new Int32Array(pointCount);
  let settled = 0;
  const timing = measure('locateMany', () => (settled = locator.locateMany(lon, lat, out)), {
    warmup: 2,
    runs: 7,
  });
  const rate = pointCount / (timing.medianMs / 1000);
  console.log(
    `  GridDesk locateMany (1 thread)             ${rate.toFixed(0).padStart(12)} points/s  ${(rate / turfRate).toFixed(0)}× naive Turf; ` +
      `${((100 * settled) / pointCount).toFixed(1)} % settled without a polygon test`,
  );

  // Agreement on the common points. Turf's boundary rule differs (a boundary point is in every grid that
  // touches it), so a disagreement counts only if GridDesk's grid does not even touch the point under Turf.
  let mismatches = 0;
  for (let k = 0; k < turfCount; k++) {
    const ours = out[k] as number;
    const theirs = turfOut[k] as number;
    if (ours === theirs) continue;
    const pt = [lon[k] as number, lat[k] as number];
    const ourInTurf = ours >= 0 && booleanPointInPolygon(pt, shapes[ours]!);
    const theirsOnBoundary =
      ours < 0 && theirs >= 0 && !booleanPointInPolygon(pt, shapes[theirs]!, { ignoreBoundary: true });
    if (ourInTurf || theirsOnBoundary) continue;
    mismatches++;
    if (mismatches <= 10) {
      console.error(
        `  MISMATCH point ${k} (${lon[k]}, ${lat[k]}): GridDesk ${ours >= 0 ? grids[ours]!.code : 'none'}, Turf ${theirs >= 0 ? grids[theirs]!.code : 'none'}`,
      );
    }
  }
  console.log(`  agreement on ${turfCount.toLocaleString('en')} common points: ${mismatches} mismatches`);
  if (mismatches > 0) process.exitCode = 1;
  const goal = 5_000_000;
  console.log(
    `  goal ≥ ${goal.toLocaleString('en')} points/s single-threaded: ${rate >= goal ? 'met' : 'NOT met'}`,
  );

  return {
    points: pointCount,
    grids: grids.length,
    buildMs,
    turfPoints: turfCount,
    turfPointsPerSecond: turfRate,
    locateManyPointsPerSecond: rate,
    locateManyMs: timing.medianMs,
    ratio: rate / turfRate,
    mismatches,
    settledWithoutPolygonTest: settled / pointCount,
  };
}
