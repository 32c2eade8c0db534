import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, chownSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { AreaGeometry, Ring } from '../../shared/model/geo';

/**
 * The PostGIS baseline of the assignment bench: a throwaway PostgreSQL server (initdb into a temp dir,
 * Unix socket only, no TCP), grids loaded as SRID 4326 polygons with a GiST index, points as a table,
 * then one timed spatial join read back through `psql`. No npm package: the stock `psql` client over
 * child_process, data sent with COPY … FROM STDIN.
 */
export interface PostgisJoin {
  /** out[k] = grid index of point k from the join, −1 when no row matched. */
  readonly grid: Int32Array;
  /** Points matched by more than one grid (overlaps): point → every grid index returned. */
  readonly multi: ReadonlyMap<number, readonly number[]>;
  /** Wall time of the timed join (server runs it and streams the answers to the client), milliseconds. */
  readonly joinMs: number;
  /** Wall time of loading, indexing and ANALYZE, milliseconds (not part of the comparison). */
  readonly loadMs: number;
  readonly version: string;
  readonly plan: string;
}

/**
 * The timed query: a LEFT JOIN with ST_Intersects, which PostgreSQL 15 / PostGIS 3.3 runs as a parallel
 * nested loop (Gather, 2 workers: parallel seq scan on pts, GiST index scan on grids with `&&`, then the
 * cached prepared-polygon point test). ST_Contains gets the same plan but measured ~1.4× slower here
 * (20.2 s against 14.5 s for 1,000,000 points). ST_Intersects also counts a point on an edge as in both
 * grids, so ties come back as two rows (see {@link PostgisJoin.multi}) instead of silently as none.
 */
export const POSTGIS_JOIN_SQL =
  'SELECT p.id, g.idx FROM pts p LEFT JOIN grids g ON ST_Intersects(g.geom, p.geom)';

/** The newest PostgreSQL bin directory holding initdb, pg_ctl and psql; `PG_BIN` names one instead. */
function findPgBin(): string | null {
  const candidates: string[] = [];
  const root = '/usr/lib/postgresql';
  if (process.env.PG_BIN) candidates.push(process.env.PG_BIN);
  else if (existsSync(root)) {
    const versions = readdirSync(root)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) candidates.push(join(root, v, 'bin'));
  }
  return (
    candidates.find((dir) => ['initdb', 'pg_ctl', 'psql'].every((b) => existsSync(join(dir, b)))) ?? null
  );
}

function hasPostgis(bin: string): boolean {
  const share = spawnSync(join(bin, 'pg_config'), ['--sharedir'], { encoding: 'utf8' });
  if (share.status !== 0) return true; // cannot tell: let CREATE EXTENSION decide
  return existsSync(join(share.stdout.trim(), 'extension', 'postgis.control'));
}

/** A TCP port nobody listens on; the server only uses it to name its socket file. */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** The OS user the server runs as. PostgreSQL refuses to run as root; then the bench uses `postgres`
 * (the Debian package's user) or else `nobody`, through `runuser -u <user> --`. */
function serverUser(): { name: string; uid: number; gid: number } | null {
  if (userInfo().uid !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (id.status === 0 && gid.status === 0)
      return { name, uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('running as root and neither the postgres nor the nobody user exists');
}

interface Output {
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs a command to completion, feeding `input` to stdin; rejects on a non-zero exit. */
function run(command: string, args: readonly string[], input?: string): Promise<Output> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.once('error', reject);
    child.once('close', (code) => {
      const result = {
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
      };
      if (code === 0) resolve(result);
      else reject(new Error(`${command} ${args.join(' ')} exited ${code}: ${result.stderr.trim()}`));
    });
    child.stdin.on('error', () => undefined); // a failing child closes stdin early; 'close' reports it
    child.stdin.end(input ?? '');
  });
}

function ringWkt(ring: Ring): string {
  return `(${ring.map(([x, y]) => `${x} ${y}`).join(',')})`;
}

/** EWKT, SRID 4326. JS number → string is the shortest exact round trip, so no coordinate moves. */
export function toEwkt(geometry: AreaGeometry): string {
  if (geometry.type === 'Polygon') return `SRID=4326;POLYGON(${geometry.coordinates.map(ringWkt).join(',')})`;
  const parts = geometry.coordinates.map((p) => `(${p.map(ringWkt).join(',')})`);
  return `SRID=4326;MULTIPOLYGON(${parts.join(',')})`;
}

/**
 * Runs the PostGIS join on the given grids and points. Returns null, after printing one line saying
 * why, when PostgreSQL or PostGIS is not installed. Always stops the server and removes its temp dir.
 */
export async function postgisJoin(
  geometries: readonly AreaGeometry[],
  lon: Float64Array,
  lat: Float64Array,
  sql: string = POSTGIS_JOIN_SQL,
): Promise<PostgisJoin | null> {
  const bin = findPgBin();
  if (bin === null) {
    console.log(
      '  PostGIS: skipped, PostgreSQL server binaries not found (apt-get install postgresql; or set PG_BIN)',
    );
    return null;
  }
  if (!hasPostgis(bin)) {
    console.log(
      `  PostGIS: skipped, the postgis extension is not installed for ${bin} (apt-get install postgresql-15-postgis-3)`,
    );
    return null;
  }
  const user = serverUser();
  const asUser = (command: string, args: readonly string[]): [string, string[]] =>
    user ? ['runuser', ['-u', user.name, '--', command, ...args]] : [command, [...args]];
  const dir = mkdtempSync(join(tmpdir(), 'griddesk-pg-'));
  if (user) chownSync(dir, user.uid, user.gid);
  const data = join(dir, 'data');
  const port = await freePort();
  let started = false;
  const stop = (): void => {
    if (started) {
      const [cmd, args] = asUser(join(bin, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop']);
      spawnSync(cmd, args, { stdio: 'ignore' });
      started = false;
    }
    rmSync(dir, { recursive: true, force: true });
  };
  // Ctrl-C during the bench still stops the server and removes the directory.
  const onSignal = (): void => {
    stop();
    process.exit(130);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await run(
      ...asUser(join(bin, 'initdb'), ['-D', data, '-U', 'bench', '--auth=trust', '-E', 'UTF8', '--no-sync']),
    );
    // Durability is off (throwaway data): speeds up loading only, the timed join does not write.
    const options = [
      `-k ${dir}`,
      `-p ${port}`,
      "-c listen_addresses=''",
      '-c fsync=off',
      '-c synchronous_commit=off',
      '-c full_page_writes=off',
      '-c shared_buffers=256MB',
      '-c work_mem=64MB',
      '-c maintenance_work_mem=256MB',
      '-c max_wal_size=4GB',
    ].join(' ');
    started = true;
    await run(
      ...asUser(join(bin, 'pg_ctl'), [
        '-D',
        data,
        '-l',
        join(dir, 'server.log'),
        '-o',
        options,
        '-w',
        'start',
      ]),
    );
    const psqlArgs = [
      '-X',
      '-q',
      '-v',
      'ON_ERROR_STOP=1',
      '-h',
      dir,
      '-p',
      String(port),
      '-U',
      'bench',
      '-d',
      'postgres',
    ];
    const psql = (sql: string, input?: string): Promise<Output> =>
      run(join(bin, 'psql'), [...psqlArgs, '-c', sql], input);
    const psqlValue = async (sql: string): Promise<string> =>
      (await run(join(bin, 'psql'), [...psqlArgs, '-At', '-c', sql])).stdout.trim();

    const loadStart = performance.now();
    try {
      await psql('CREATE EXTENSION postgis');
    } catch (error) {
      console.log(
        `  PostGIS: skipped, CREATE EXTENSION postgis failed (${(error as Error).message.split('\n')[0]})`,
      );
      return null;
    }
    const version = await psqlValue(
      "SELECT split_part(version(), ' on ', 1) || ', PostGIS ' || PostGIS_Lib_Version()",
    );
    await psql('CREATE TABLE grids (idx integer PRIMARY KEY, geom geometry(Geometry, 4326) NOT NULL)');
    await psql(
      'COPY grids (idx, geom) FROM STDIN',
      geometries.map((g, i) => `${i}\t${toEwkt(g)}\n`).join(''),
    );
    await psql('CREATE INDEX grids_geom ON grids USING gist (geom)');
    await psql('CREATE UNLOGGED TABLE pts_raw (id integer, lon float8, lat float8)');
    const rows: string[] = new Array<string>(lon.length);
    for (let k = 0; k < lon.length; k++) rows[k] = `${k},${lon[k]},${lat[k]}\n`;
    await psql('COPY pts_raw (id, lon, lat) FROM STDIN WITH (FORMAT csv)', rows.join(''));
    await psql(
      'CREATE TABLE pts AS SELECT id, ST_SetSRID(ST_MakePoint(lon, lat), 4326)::geometry(Point, 4326) AS geom FROM pts_raw',
    );
    await psql('ALTER TABLE pts ADD PRIMARY KEY (id)');
    await psql('DROP TABLE pts_raw');
    await psql('VACUUM ANALYZE grids');
    await psql('VACUUM ANALYZE pts');
    const loadMs = performance.now() - loadStart;
    const plan = await psqlValue(`EXPLAIN (COSTS OFF) ${sql}`);

    const joinStart = performance.now();
    const answer = await psql(`COPY (${sql}) TO STDOUT WITH (FORMAT csv)`);
    const joinMs = performance.now() - joinStart;

    const grid = new Int32Array(lon.length).fill(-1);
    const multi = new Map<number, number[]>();
    const text = answer.stdout;
    let start = 0;
    while (start < text.length) {
      let end = text.indexOf('\n', start);
      if (end < 0) end = text.length;
      const comma = text.indexOf(',', start);
      const id = Number(text.slice(start, comma));
      const field = text.slice(comma + 1, end);
      start = end + 1;
      if (field === '') continue;
      const idx = Number(field);
      if (grid[id] === -1) grid[id] = idx;
      else {
        const list = multi.get(id) ?? [grid[id] as number];
        list.push(idx);
        multi.set(id, list);
      }
    }
    return { grid, multi, joinMs, loadMs, version, plan };
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    stop();
  }
}
