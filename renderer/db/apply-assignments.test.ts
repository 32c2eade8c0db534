import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { getCase } from './cases-repo';
import { runActionsOnCases } from './case-actions';
import { listCaseEvents, verifyStoredRecord } from './record-repo';
import type { SessionToken } from './sessions';
import { addAccount, signInAs } from './test-accounts';

let db: GridDeskDb;
const dataset = makeFixtureDataset();
const NOW = Date.UTC(2025, 5, 20, 2, 0);
let op: SessionToken;
const reassign = (gridCode: string, teamId: string) =>
  ({ type: 'reassign', payload: { gridCode, teamId, reason: '网格调整后重新核对归属' } }) as const;

beforeEach(async () => {
  db = openDb(`apply-${Math.random()}`);
  await replaceDataset(db, dataset);
  await addAccount(db, 'op', 'operator', { displayName: '值班员' });
  op = await signInAs(db, 'op');
});
afterEach(async () => {
  await db.delete();
});

describe('reassigning cases after a grid change', () => {
  it('moves every named open case and records each move with its reason and account', async () => {
    const open = dataset.cases.filter((c) => c.stage === 'reported' || c.stage === 'handling');
    const [a, b] = open;
    const grid = dataset.grids.at(-1)!;
    const result = await runActionsOnCases(
      db,
      [
        { caseId: a!.id, actions: [reassign(grid.code, 'team-1')] },
        { caseId: b!.id, actions: [reassign(grid.code, 'team-1')] },
      ],
      op,
      NOW,
    );
    expect(result.ok).toBe(true);
    expect(await getCase(db, a!.id)).toMatchObject({ gridCode: grid.code, stage: a!.stage });
    const last = (await listCaseEvents(db, b!.id)).at(-1);
    expect(last?.action).toEqual(reassign(grid.code, 'team-1'));
    expect(last?.actor.id).toBe('op');
    expect((await verifyStoredRecord(db)).result).toEqual({ ok: true });
  });

  it('changes nothing when one of the cases is missing or finished', async () => {
    const a = dataset.cases.find((c) => c.stage === 'reported')!;
    const closed = dataset.cases.find((c) => c.stage === 'closed' || c.stage === 'evaluated')!;
    const grid = dataset.grids.at(-1)!;
    const events = await db.events.count();
    const missing = await runActionsOnCases(
      db,
      [
        { caseId: a.id, actions: [reassign(grid.code, 'team-1')] },
        { caseId: 'no-such-case', actions: [reassign(grid.code, 'team-1')] },
      ],
      op,
      NOW,
    );
    expect(missing).toMatchObject({ ok: false, reason: { key: 'case.notFound' }, itemIndex: 1 });
    const finished = await runActionsOnCases(
      db,
      [
        { caseId: a.id, actions: [reassign(grid.code, 'team-1')] },
        { caseId: closed.id, actions: [reassign(grid.code, 'team-1')] },
      ],
      op,
      NOW,
    );
    expect(finished).toMatchObject({ ok: false, reason: { key: 'loop.notAllowedInStage' }, itemIndex: 1 });
    expect(await getCase(db, a.id)).toEqual(a);
    expect(await db.events.count()).toBe(events);
  });
});
