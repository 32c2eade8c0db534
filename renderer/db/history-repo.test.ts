import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import type { ImportedFile } from '../../shared/cases/data-events';
import type { HistoryRow } from '../../shared/history/read-history';
import { parseBackup } from '../../shared/backup/backup';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { readChainHead, verifyStoredRecord } from './record-repo';
import { listDataEvents, readLastImport, undoLastImport } from './imports-repo';
import {
  historyCountsByGrid,
  historyOfGrid,
  importCaseHistory,
  listHistoryExternalRefs,
} from './history-repo';
import { exportBackup, restoreBackup } from './backup-repo';
import { addAccount, signInAs } from './test-accounts';
import type { SessionToken } from './sessions';

const NOW = Date.UTC(2026, 11, 2, 6, 0);
const FILE: ImportedFile = {
  role: 'caseHistory',
  name: '历年案件.xlsx',
  bytes: 54_321,
  sha256: 'a'.repeat(64),
};
const fixture = makeFixtureDataset();
const [gridA, gridB] = fixture.grids;

function rows(prefix: string, n: number, gridCode = gridA!.code): HistoryRow[] {
  return Array.from({ length: n }, (_, i) => ({
    caseNo: `${prefix}-${i + 1}`,
    externalRef: `GD${prefix}${i + 1}`,
    source: 'hotline' as const,
    sourceText: '12345热线',
    matterCode: fixture.matters[0]!.code,
    urgency: 'normal' as const,
    address: '',
    description: '',
    location: null,
    gridCode,
    teamId: fixture.patrolAreas[0]!.teamId,
    reportedAt: Date.UTC(2024, 0, 1 + i),
    status: 'closed' as const,
    handledBy: '',
  }));
}

let db: GridDeskDb;
let lead: SessionToken;
let op: SessionToken;

beforeEach(async () => {
  db = openDb(`history-${Math.random()}`);
  await replaceDataset(db, fixture);
  await addAccount(db, 'lead', 'leader', { displayName: '陈刚' });
  await addAccount(db, 'op', 'operator');
  lead = await signInAs(db, 'lead');
  op = await signInAs(db, 'op');
});
afterEach(async () => {
  await db.delete();
});

describe('importing a township’s case history', () => {
  it('writes every row with one 导入 event naming the file, and the reads see them', async () => {
    const written = await importCaseHistory(
      db,
      lead,
      [...rows('A', 3), ...rows('B', 2, gridB!.code)],
      FILE,
      NOW,
    );
    expect(written.ok).toBe(true);
    expect(await db.historyCases.count()).toBe(5);
    const [event] = await listDataEvents(db);
    expect(event?.action).toMatchObject({
      type: 'dataImport',
      payload: { kind: 'caseHistory', files: [FILE], counts: { historyCases: 5, grids: 0 } },
    });
    expect(event?.actor.name).toBe('陈刚');
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
    expect(await historyCountsByGrid(db)).toEqual(
      new Map([
        [gridA!.code, 3],
        [gridB!.code, 2],
      ]),
    );
    const ofA = await historyOfGrid(db, gridA!.code, 2);
    expect(ofA.count).toBe(3);
    expect(ofA.recent.map((h) => h.caseNo)).toEqual(['A-3', 'A-2']);
    expect(await listHistoryExternalRefs(db)).toContain('GDA1');
  });

  it('is refused for an operator, and nothing is written', async () => {
    const head = await readChainHead(db);
    const written = await importCaseHistory(db, op, rows('A', 3), FILE, NOW);
    expect(written).toEqual({ ok: false, refusal: { key: 'centres.leaderOnly', params: {} } });
    expect(await db.historyCases.count()).toBe(0);
    expect(await readChainHead(db)).toEqual(head);
  });

  it('writes all or nothing: a case number already stored refuses the whole file', async () => {
    await importCaseHistory(db, lead, rows('A', 2), FILE, NOW);
    const head = await readChainHead(db);
    const written = await importCaseHistory(db, lead, [...rows('C', 3), ...rows('A', 1)], FILE, NOW + 1);
    expect(written).toEqual({
      ok: false,
      refusal: { key: 'imports.historyCaseNoExists', params: { caseNo: 'A-1' } },
    });
    expect(await db.historyCases.count()).toBe(2);
    expect(await readChainHead(db)).toEqual(head);
  });

  it('undo removes exactly the last import’s rows, recorded as 撤销导入', async () => {
    await importCaseHistory(db, lead, rows('A', 2), FILE, NOW);
    const second = await importCaseHistory(db, lead, rows('B', 3), FILE, NOW + 1);
    if (!second.ok) throw new Error('expected the import');
    const undone = await undoLastImport(db, lead, NOW + 2);
    expect(undone.ok).toBe(true);
    expect((await db.historyCases.toArray()).map((h) => h.caseNo).sort()).toEqual(['A-1', 'A-2']);
    expect(await db.cases.count()).toBe(fixture.cases.length);
    expect(await readLastImport(db)).toBeUndefined();
    const events = await listDataEvents(db);
    expect(events.at(-1)?.action).toEqual({
      type: 'dataImportUndo',
      payload: { undoes: second.event.id, kind: 'caseHistory', movedCases: 0 },
    });
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
  });

  it('travels in a backup, checked on restore', async () => {
    await importCaseHistory(db, lead, rows('A', 2), FILE, NOW);
    const exported = await exportBackup(db, lead, NOW + 1);
    if (!exported.ok) throw new Error('expected a backup');
    const json = JSON.parse(JSON.stringify(exported.backup)) as Record<string, unknown>;
    const parsed = await parseBackup(json, 'b.zip');
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    await db.historyCases.clear();
    expect((await restoreBackup(db, lead, parsed.backup)).ok).toBe(true);
    expect((await db.historyCases.toArray()).map((h) => h.caseNo)).toEqual(['A-1', 'A-2']);
    const broken = {
      ...json,
      historyCases: [{ ...(json.historyCases as object[])[0], reportedAt: 'yesterday' }],
    };
    const refused = await parseBackup(broken, 'b.zip');
    expect(refused.ok ? [] : refused.problems).toEqual([
      { key: 'backup.historyCase', params: { file: 'b.zip', index: 0, field: 'reportedAt' } },
    ]);
  });
});
