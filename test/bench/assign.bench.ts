import { bbox, booleanPointInPolygon } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { asGeoJson } from '../../shared/model';
import { generateIncidentPoints, generateTownship } from '../../shared/sample';
import { GridLocator } from '../../shared/spatial';
import { availableParallelism } from 'node:os';
import { compareAnswers, type Agreement } from './assign-compare';
import { assignOnThreads } from './assign-pool';
import { measure } from './harness';
import { POSTGIS_JOIN_SQL, postgisJoin } from './postgis';

/** Naive Turf beyond this many seconds is run on a subsample and extrapolated. */
const TURF_BUDGET_S = 60;
/** Timed runs of the GridDesk paths (median kept). */
const RUNS = { warmup: 2, runs: 7 };

/**
 * Point → grid assignment at city scale (about 7,000 grids, 1,000,000 incident points; `ASSIGN_POINTS`
 * lowers the count), all on identical inputs in one run:
 *   1. naive Turf (`booleanPointInPolygon` against every grid after a bbox check; the baseline), run on a
 *      prefix of the points sized to a ~60 s budget and extrapolated when all of them would not fit;
 *   2. GridLocator.locateMany on one thread;
 *   3. the same across `os.availableParallelism()` worker threads (shared input and output buffers);
 *   4. PostgreSQL + PostGIS: a GiST-indexed spatial join on a throwaway local server (skipped, with one
 *      line saying so and null figures, when the server or PostGIS is not installed).
 * Every method must agree with GridDesk point by point; a disagreement counts as a boundary tie only when
 * the point is verified to lie exactly on an edge of each grid named (tie-breaking rules differ). Any other
 * disagreement is a mismatch: printed, and the process exits non-zero.
 *
 * Figures not measured (PostGIS skipped) are NaN here, which the final JSON line prints as null.
 */
export async function benchAssign(): Promise<Record<string, number>> {
  const pointCount = Number(process.env.ASSIGN_POINTS ?? 1_000_000);
  const dataset = generateTownship({ seed: 20261101, scale: 'city' });
  const grids = dataset.grids;
  const geometries = grids.map((g) => g.geometry);
  const codes = grids.map((g) => g.code);
  const { lon, lat } = generateIncidentPoints(dataset, pointCount, 42);

  const buildStart = performance.now();
  const locator = new GridLocator(grids);
  const buildMs = performance.now() - buildStart;
  const raster = locator.raster;
  console.log(
    `\nassign: ${grids.length} grids, ${pointCount.toLocaleString('en')} points; locator built in ${buildMs.toFixed(0)} ms` +
      (raster ? ` (raster ${raster.nx}×${raster.ny} cells, ${raster.mixedCells} mixed)` : ''),
  );
  const line = (name: string, rate: number, rest: string): void =>
    console.log(`  ${name.padEnd(44)} ${rate.toFixed(0).padStart(12)} points/s  ${rest}`);

  // GridDesk is timed first, before the Turf run's garbage is collected under it; the table keeps its order.
  // (2) GridDesk single-threaded bulk path.
  const out = new Int32Array(pointCount);
  let settled = 0;
  const timing = measure('locateMany', () => (settled = locator.locateMany(lon, lat, out)), RUNS);
  const rate = pointCount / (timing.medianMs / 1000);

  // (3) GridDesk across worker threads.
  const threads = availableParallelism();
  const areas = grids.map((g) => ({ code: g.code, geometry: g.geometry }));
  const pooled = await assignOnThreads(areas, lon, lat, threads, RUNS);
  const threadRate = pointCount / (pooled.medianMs / 1000);

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
  line(
    'naive Turf (bbox + booleanPointInPolygon)',
    turfRate,
    turfCount < pointCount
      ? `(timed on the first ${turfCount.toLocaleString('en')} points, ~${TURF_BUDGET_S} s budget; all ${pointCount.toLocaleString('en')} would take ~${(pointCount / turfRate).toFixed(0)} s)`
      : `(all points, ${(turfMs / 1000).toFixed(1)} s)`,
  );
  line(
    'GridDesk locateMany (1 thread)',
    rate,
    `${(rate / turfRate).toFixed(0)}× naive Turf; ${((100 * settled) / pointCount).toFixed(1)} % settled without a polygon test`,
  );
  line(
    `GridDesk locateMany (${threads} worker threads)`,
    threadRate,
    `${(threadRate / rate).toFixed(2)}× 1 thread; each worker built its locator in ≤ ${pooled.buildMs.toFixed(0)} ms (not timed in points/s)`,
  );

  // (4) PostGIS spatial join.
  const pg = await postgisJoin(geometries, lon, lat);
  const pgRate = pg ? pointCount / (pg.joinMs / 1000) : NaN;
  if (pg) {
    line(
      'PostGIS GiST join (ST_Intersects, parallel)',
      pgRate,
      `GridDesk 1 thread is ${(rate / pgRate).toFixed(0)}× faster; load + index + ANALYZE ${(pg.loadMs / 1000).toFixed(1)} s (not timed); ${pg.version}`,
    );
    console.log(`    ${POSTGIS_JOIN_SQL}\n    plan: ${pg.plan.replace(/\s*\n\s*/g, ' → ')}`);
  }

  // Agreement, point by point, of every method with GridDesk single-threaded.
  const one = (g: number): readonly number[] => (g >= 0 ? [g] : []);
  const checks: [string, Agreement, number][] = [
    [
      'Turf',
      compareAnswers('Turf', turfCount, out, (k) => one(turfOut[k]!), lon, lat, geometries, codes),
      turfCount,
    ],
    [
      'threads',
      compareAnswers('threads', pointCount, out, (k) => one(pooled.out[k]!), lon, lat, geometries, codes),
      pointCount,
    ],
  ];
  if (pg) {
    const theirs = (k: number): readonly number[] => pg.multi.get(k) ?? one(pg.grid[k]!);
    checks.push([
      'PostGIS',
      compareAnswers('PostGIS', pointCount, out, theirs, lon, lat, geometries, codes),
      pointCount,
    ]);
  }
  let mismatches = 0;
  let boundaryTies = 0;
  for (const [name, agreement, count] of checks) {
    console.log(
      `  agreement GridDesk vs ${name} on ${count.toLocaleString('en')} points: ${agreement.mismatches} mismatches, ${agreement.boundaryTies} boundary ties`,
    );
    mismatches += agreement.mismatches;
    boundaryTies += agreement.boundaryTies;
  }
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
    threads,
    threadBuildMs: pooled.buildMs,
    threadsPointsPerSecond: threadRate,
    postgisPointsPerSecond: pgRate,
    postgisJoinMs: pg ? pg.joinMs : NaN,
    postgisLoadMs: pg ? pg.loadMs : NaN,
    /** GridDesk single-threaded over naive Turf (kept under its old name). */
    ratio: rate / turfRate,
    singleVsTurf: rate / turfRate,
    singleVsPostgis: rate / pgRate,
    threadsVsSingle: threadRate / rate,
    mismatches,
    boundaryTies,
    settledWithoutPolygonTest: settled / pointCount,
  };
}
