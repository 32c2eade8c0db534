import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { eventHashSync, verifyRecord, type ChainHead } from '../../shared/cases/record';
import { buildRecordV2 } from '../../shared/cases/build-record';
import type { TownshipDataset } from '../../shared/model/dataset';
import { checkExtends } from '../../shared/cases/record-anchor';
import { parseBackup } from '../../shared/backup/backup';
import { openDb } from './database';
import { entrySizes, makeWorkstation, travelledBackup, type Workstation } from './test-backup';
import { caseEventsOf } from '../../shared/cases/data-events';

const NOW = Date.UTC(2025, 5, 20, 2, 0);
let station: Workstation;
let json: Record<string, unknown>;
let sizes: Map<string, number>;

beforeEach(async () => {
  station = await makeWorkstation(openDb(`backup-parse-${Math.random()}`), makeFixtureDataset(), {
    now: NOW,
  });
  const travelled = await travelledBackup(station, NOW);
  json = travelled.json;
  sizes = entrySizes(travelled.files);
});
afterEach(async () => {
  await station.db.delete();
});

type Events = { seq: number; caseId: string; action: { type: string; payload: Record<string, unknown> } }[];
const events = () => json.events as Events;
const accounts = () => json.accounts as { id: string; role: string; disabled: boolean }[];
const parse = (raw: unknown = json) => parseBackup(raw, 'backup.zip', sizes);

describe('checking a backup before restoring', () => {
  it('accepts the backup as exported', async () => {
    expect(await parse()).toMatchObject({ ok: true });
  });

  it('refuses what is not a backup at all', async () => {
    expect(await parseBackup({ hello: 1 }, 'x.json')).toEqual({
      ok: false,
      problems: [{ key: 'backup.notBackup', params: { file: 'x.json' } }],
    });
  });

  it('refuses another format version', async () => {
    expect(await parse({ ...json, version: 3 })).toEqual({
      ok: false,
      problems: [{ key: 'backup.version', params: { file: 'backup.zip', version: '3' } }],
    });
    expect(await parse({ ...json, workstationId: 'not-one' })).toEqual({
      ok: false,
      problems: [{ key: 'backup.version', params: { file: 'backup.zip', version: '2' } }],
    });
  });

  describe('a format-1 backup (made before ids were scoped)', () => {
    /** The backup as a format-1 build wrote it: events without ids, chained over the old case ids. */
    function formatOne(): { readonly json: Record<string, unknown>; readonly head: ChainHead } {
      const built = buildRecordV2(json.dataset as TownshipDataset);
      const { workstationId: _ws, ...rest } = json;
      return { json: { ...rest, version: 1, events: built.events, chainHead: built.head }, head: built.head };
    }
    const reader = 'r3ader0ws1';

    it('is read with the reading workstation’s id: ids scoped, record re-chained, old head still checkable', async () => {
      const old = formatOne();
      const parsed = await parseBackup(old.json, 'old.zip', sizes, { workstationId: reader, now: NOW });
      if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
      const { backup } = parsed;
      expect(backup).toMatchObject({ version: 2, migratedFrom: 1, workstationId: reader });
      const dataset = json.dataset as TownshipDataset;
      expect(dataset.cases.some((c) => c.id === 'case-1')).toBe(true);
      expect(backup.dataset.cases.map((c) => c.id)).toEqual(
        dataset.cases.map((c) => `${reader}-${c.caseNo}`),
      );
      expect(backup.attachments.length).toBeGreaterThan(0);
      expect(backup.attachments.map((a) => a.caseId)).toEqual(
        (json.attachments as { caseId: string }[]).map(
          (a) => `${reader}-${dataset.cases.find((c) => c.id === a.caseId)?.caseNo}`,
        ),
      );
      expect(backup.events.map((e) => e.id)).toEqual(backup.events.map((e) => `${reader}-${e.seq}`));
      expect(new Set(caseEventsOf(backup.events).map((e) => e.caseId))).toEqual(
        new Set(backup.dataset.cases.map((c) => c.id)),
      );
      expect(await verifyRecord(backup.events, backup.chainHead)).toEqual({ ok: true });
      expect(backup.chainHead.count).toBe(old.head.count);
      expect(backup.chainHead.lastHash).not.toBe(old.head.lastHash);
      expect(backup.recordRekey).toMatchObject({ before: old.head, after: backup.chainHead });
      // A head noted from the old backup is still checked, through the hash each event kept.
      expect(await checkExtends(backup.events, old.head)).toEqual({
        ok: true,
        notedCount: old.head.count,
        count: old.head.count,
        legacy: true,
      });
      // Deterministic: the same file read by the same workstation gives the same record.
      const again = await parseBackup(old.json, 'old.zip', sizes, { workstationId: reader, now: NOW });
      expect(again.ok && again.backup.chainHead).toEqual(backup.chainHead);
    });

    it('is checked as it was before anything is re-keyed: an edited old event is refused', async () => {
      const old = formatOne();
      const edited = (old.json.events as Events).map((e, i) => (i === 3 ? { ...e, at: 1 } : e));
      const parsed = await parseBackup({ ...old.json, events: edited }, 'old.zip', sizes, {
        workstationId: reader,
      });
      expect(parsed).toMatchObject({
        ok: false,
        problems: [{ key: 'backup.record', record: { ok: false, kind: 'edited', seq: 4 } }],
      });
    });

    it('is refused when no workstation id is given to scope it by', async () => {
      expect(await parse(formatOne().json)).toEqual({
        ok: false,
        problems: [{ key: 'backup.version', params: { file: 'backup.zip', version: '1' } }],
      });
    });
  });

  it('refuses a bad account, naming which and the field', async () => {
    const list = accounts();
    const index = list.findIndex((a) => a.role === 'operator');
    list[index]!.role = 'admin';
    expect(await parse()).toEqual({
      ok: false,
      problems: [{ key: 'backup.accounts', params: { file: 'backup.zip', index, field: 'role' } }],
    });
  });

  it('refuses a backup without an enabled shift leader', async () => {
    for (const a of accounts()) if (a.role === 'leader') a.disabled = true;
    expect(await parse()).toEqual({
      ok: false,
      problems: [{ key: 'backup.noLeader', params: { file: 'backup.zip' } }],
    });
  });

  it('refuses bad settings, naming the field', async () => {
    const settings = json.settings as { duplicates: { maxDistanceM: unknown } };
    settings.duplicates.maxDistanceM = 'far';
    expect(await parse()).toMatchObject({
      ok: false,
      problems: [{ key: 'backup.settings', params: { field: 'duplicates.maxDistanceM' } }],
    });
  });

  it('refuses a bad dataset with the dataset’s own issues', async () => {
    const dataset = json.dataset as { grids: { code: unknown }[] };
    dataset.grids[0]!.code = 42;
    const parsed = await parse();
    expect(parsed).toMatchObject({ ok: false, problems: [{ key: 'backup.dataset' }] });
    const problem = !parsed.ok ? parsed.problems[0] : undefined;
    expect(
      problem?.key === 'backup.dataset' && problem.issues.map((i) => [i.collection, i.index, i.field]),
    ).toContainEqual(['grids', 0, 'code']);
  });

  it('refuses an edited event, naming its seq, whichever field was edited, payload included', async () => {
    const noted = events().find((e) => e.action.type === 'note')!;
    noted.action.payload.text = '照片已删除';
    expect(await parse()).toMatchObject({
      ok: false,
      problems: [{ key: 'backup.record', record: { kind: 'edited', seq: noted.seq } }],
    });
  });

  it('names a malformed event by seq and field instead of failing on it, even with its hash recomputed', async () => {
    const list = events();
    const victim = list.at(-1)!;
    const broken = { ...victim, action: null } as unknown as Events[number] & { hash: string };
    broken.hash = eventHashSync(broken);
    list[list.length - 1] = broken;
    (json.chainHead as { lastHash: string }).lastHash = broken.hash;
    expect(await parse()).toEqual({
      ok: false,
      problems: [{ key: 'backup.event', params: { file: 'backup.zip', seq: victim.seq, field: 'action' } }],
    });
  });

  it('reports every problem at once', async () => {
    accounts()[0]!.role = 'admin';
    for (const a of accounts()) if (a.role === 'leader') a.disabled = true;
    events()[3]!.action = { type: 'dance', payload: {} };
    (json.settings as { duplicates: { maxHoursApart: unknown } }).duplicates.maxHoursApart = -1;
    const parsed = await parse();
    expect(parsed.ok ? [] : parsed.problems.map((p) => p.key)).toEqual([
      'backup.event',
      'backup.record',
      'backup.accounts',
      'backup.noLeader',
      'backup.settings',
    ]);
  });

  it('refuses a backup whose newest event was cut off, naming the truncation', async () => {
    const all = events();
    expect(await parse({ ...json, events: all.slice(0, -1) })).toMatchObject({
      ok: false,
      problems: [{ key: 'backup.record', record: { kind: 'truncated', actualCount: all.length - 1 } }],
    });
  });

  it('refuses a backup whose case was moved along the loop without an event', async () => {
    const data = json.dataset as { cases: { id: string; stage: string }[] };
    const kase = data.cases.find((c) => c.id === station.caseId)!;
    kase.stage = 'dispatched';
    expect(await parse()).toMatchObject({
      ok: false,
      problems: [{ key: 'backup.loops', params: { caseId: kase.id } }],
    });
  });

  it('refuses a backup whose photo bytes are missing from the archive', async () => {
    expect(await parseBackup(json, 'backup.zip', new Map())).toMatchObject({
      ok: false,
      problems: [{ key: 'backup.attachment', params: { id: 'att' } }],
    });
  });
});
