import { Dexie, type DexieOptions, type Table } from 'dexie';
import { DB_NAME } from './database';

/**
 * The centres this installation holds, each in its own IndexedDB database, and which one is open.
 *
 * A centre's database holds one township's dataset, record, settings and accounts; two centres never
 * share a table, so the sample (示例中心) and a real township set up from its own files cannot mix. This
 * small registry, a database of its own, lists them and names the open one. Switching centres, setting
 * up a new one and resetting the sample (which writes a fresh sample into a new database beside the
 * open one and then points the sample centre at it) change only the registry's rows here, each in one
 * transaction: that write is the moment the switch happens.
 */
export const CENTRES_DB_NAME = 'griddesk-centres';

/** Every centre database's name starts with this (the first sample centre's is {@link DB_NAME} itself). */
export const CENTRE_DB_PREFIX = `${DB_NAME}-`;

/** The id of the sample centre: there is one per installation. */
export const SAMPLE_CENTRE_ID = 'sample';

export type CentreKind = 'sample' | 'own';

export interface CentreRow {
  /** {@link SAMPLE_CENTRE_ID}, or `c-` and a random part for a centre set up here. */
  readonly id: string;
  readonly kind: CentreKind;
  /** The IndexedDB database holding its data. */
  readonly dbName: string;
  /** The centre's name as the operator gave it ('' for the sample: its township's name is shown). */
  readonly name: string;
  /** The township's (or street office's) name, as given when the centre was set up ('' for the sample). */
  readonly townshipName: string;
  /** The 6-digit county and 3-digit township division code, 9 digits ('' for the sample). */
  readonly divisionCode: string;
  /** When it was registered here, epoch ms. */
  readonly createdAt: number;
}

interface StateRow {
  readonly key: 'current';
  readonly value: string;
}

class CentresDexie extends Dexie {
  declare centres: Table<CentreRow, string>;
  declare state: Table<StateRow, string>;

  constructor(name: string, options?: DexieOptions) {
    super(name, options);
    this.version(1).stores({ centres: 'id, &dbName', state: 'key' });
  }
}

export type CentresDb = CentresDexie;

/** Opens the registry (tests pass their own name). */
export function openCentres(name: string = CENTRES_DB_NAME): CentresDb {
  return new CentresDexie(name, { chromeTransactionDurability: 'strict' });
}

/**
 * The open centre. On the first start with a registry, the database this installation always used
 * ({@link DB_NAME}: the sample, seeded on first start) becomes the sample centre and is opened.
 */
export async function currentCentre(
  registry: CentresDb,
  now: number,
  firstDbName: string = DB_NAME,
): Promise<CentreRow> {
  return registry.transaction('rw', registry.centres, registry.state, async () => {
    const current = await registry.state.get('current');
    const named = current === undefined ? undefined : await registry.centres.get(current.value);
    if (named) return named;
    const any =
      (await registry.centres.get(SAMPLE_CENTRE_ID)) ?? (await registry.centres.toCollection().first());
    const centre = any ?? sampleCentre(firstDbName, now);
    if (!any) await registry.centres.add(centre);
    await registry.state.put({ key: 'current', value: centre.id });
    return centre;
  });
}

function sampleCentre(dbName: string, now: number): CentreRow {
  return {
    id: SAMPLE_CENTRE_ID,
    kind: 'sample',
    dbName,
    name: '',
    townshipName: '',
    divisionCode: '',
    createdAt: now,
  };
}

/** Every centre, the sample first, then by when they were set up. */
export async function listCentres(registry: CentresDb): Promise<CentreRow[]> {
  const all = await registry.centres.toArray();
  return all.sort(
    (a, b) => Number(b.kind === 'sample') - Number(a.kind === 'sample') || a.createdAt - b.createdAt,
  );
}

/** Makes `id` the open centre (the next start, or the reload that follows, opens it). */
export async function chooseCentre(registry: CentresDb, id: string): Promise<CentreRow> {
  return registry.transaction('rw', registry.centres, registry.state, async () => {
    const centre = await registry.centres.get(id);
    if (!centre) throw new Error(`no centre ${id} is registered here`);
    await registry.state.put({ key: 'current', value: id });
    return centre;
  });
}

/**
 * Points centre `id` at another database, in one transaction; the moment a sample reset takes effect.
 * Refused (false) when the centre no longer uses `from`: someone else switched it first.
 */
export async function moveCentreDb(
  registry: CentresDb,
  id: string,
  from: string,
  to: string,
): Promise<boolean> {
  return registry.transaction('rw', registry.centres, async () => {
    const centre = await registry.centres.get(id);
    if (centre?.dbName !== from) return false;
    await registry.centres.put({ ...centre, dbName: to });
    return true;
  });
}

/** A new database name for a centre: the prefix, what it is for, when (base 36) and a random part. */
export function newCentreDbName(purpose: 'sample' | 'centre', now: number): string {
  const [random = 0] = crypto.getRandomValues(new Uint32Array(1));
  return `${CENTRE_DB_PREFIX}${purpose}-${now.toString(36)}-${random.toString(36)}`;
}

/** When a database named by {@link newCentreDbName} was named, epoch ms; null for other names. */
export function centreDbNamedAt(name: string): number | null {
  const match = /^griddesk-(?:sample|centre)-([0-9a-z]+)-[0-9a-z]+$/.exec(name);
  if (match?.[1] === undefined) return null;
  const at = parseInt(match[1], 36);
  return Number.isFinite(at) ? at : null;
}

/**
 * A spare database left behind is dropped once it is this old: a reset interrupted before its switch,
 * a spare prepared for a question the leader cancelled. Younger ones may still be in use by a reset
 * another window is preparing.
 */
export const ORPHAN_AGE_MS = 60 * 60_000;

/**
 * Deletes the centre databases no centre uses any more and named over {@link ORPHAN_AGE_MS} ago.
 * Returns the names dropped. `databases` lists what the browser holds (indexedDB.databases()).
 */
export async function dropOrphanDatabases(
  registry: CentresDb,
  databases: readonly string[],
  now: number,
): Promise<string[]> {
  const used = new Set((await registry.centres.toArray()).map((c) => c.dbName));
  const orphans = databases.filter((name) => {
    if (used.has(name)) return false;
    const at = centreDbNamedAt(name);
    return at !== null && now - at > ORPHAN_AGE_MS;
  });
  for (const name of orphans) await Dexie.delete(name);
  return orphans;
}
