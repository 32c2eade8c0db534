// `npm run bench [name…]`: runs the named benchmarks (all by default). Each prints its figures and its
// ratio against a baseline measured in the same run; the last line is one JSON object with every figure.
import { benchLoadSample } from './load-sample.bench';

const BENCHES: Record<string, () => Promise<Record<string, number>>> = {
  'load-sample': benchLoadSample,
  record: async () => (await import('./record.bench')).benchRecord(),
  assign: async () => (await import('./assign.bench')).benchAssign(),
  'import-12345': async () => (await import('./import-12345.bench')).benchImport12345(),
  indicators: async () => (await import('./indicators.bench')).benchIndicators(),
  startup: async () => (await import('./startup.bench')).benchStartup(),
  scale: async () => (await import('./scale.bench')).benchScale(),
  import: async () => (await import('./import.bench')).benchImport(),
  'set-up': async () => (await import('./import.bench')).benchSetUp(),
  history: async () => (await import('./history.bench')).benchHistory(),
  tiles: async () => (await import('./tiles.bench')).benchTiles(),
  geofence: async () => (await import('./geofence.bench')).benchGeofence(),
  positions: async () => (await import('./positions.bench')).benchPositions(),
  zones: async () => (await import('./zones.bench')).benchZones(),
};

const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !(name in BENCHES));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
  process.exit(2);
}
const results: Record<string, Record<string, number>> = {};
/** Run only when named: they build and drive a browser, so they take the e2e lock (see their headers). */
const ONLY_WHEN_NAMED: ReadonlySet<string> = new Set([
  'scale',
  'startup',
  'import',
  'set-up',
  'history',
  'tiles',
  'positions',
]);
for (const [name, bench] of Object.entries(BENCHES)) {
  if (wanted.includes(name) || (wanted.length === 0 && !ONLY_WHEN_NAMED.has(name)))
    results[name] = await bench();
}
console.log(JSON.stringify(results));
