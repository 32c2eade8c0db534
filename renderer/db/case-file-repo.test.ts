import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { openDb, type GridDeskDb } from './database';
import { replaceDataset } from './dataset-repo';
import { runCaseActions } from './case-actions';
import { attachmentBytesOf, findCaseIdByNo, readCaseFile } from './case-file-repo';
import type { AttachmentRow } from './tables';
import { addAccount, signInAs } from './test-accounts';

let db: GridDeskDb;
const dataset = makeFixtureDataset();
const NOW = Date.UTC(2025, 5, 20, 2, 0);
const reported = dataset.cases.find((c) => c.stage === 'reported')!;

function file(id: string, size: number): AttachmentRow {
  return {
    id,
    caseId: reported.id,
    name: `${id}.txt`,
    type: 'text/plain',
    size,
    blob: new Blob(['x'.repeat(size)]),
    thumbnail: null,
    addedAt: NOW,
    addedBy: 'op',
  };
}

beforeEach(async () => {
  db = openDb(`case-file-${Math.random()}`);
  await replaceDataset(db, dataset);
  await addAccount(db, 'op', 'operator');
});
afterEach(async () => {
  await db.delete();
});

describe('reading one case for its detail panel', () => {
  it('gives the case, its loop state, its record in order and its files', async () => {
    const token = await signInAs(db, 'op');
    const note = { type: 'note', payload: { text: '现场照片', attachmentIds: ['att-a', 'att-b'] } } as const;
    const ran = await runCaseActions(db, reported.id, [note], token, NOW, {
      attachments: [file('att-a', 3), file('att-b', 5)],
    });
    expect(ran.ok).toBe(true);

    const read = await readCaseFile(db, reported.id);
    expect(read.kase?.caseNo).toBe(reported.caseNo);
    expect(read.loop?.stage).toBe('reported');
    expect(read.events.map((e) => e.action.type)).toEqual(['report', 'note']);
    expect(read.events.map((e) => e.seq)).toEqual([...read.events.map((e) => e.seq)].sort((a, b) => a - b));
    expect(read.attachments.map((a) => a.id).sort()).toEqual(['att-a', 'att-b']);
    expect(await attachmentBytesOf(db, reported.id)).toBe(8);
  });

  it('gives nothing but the id for a case that is not stored', async () => {
    expect(await readCaseFile(db, 'case-missing')).toEqual({
      id: 'case-missing',
      kase: undefined,
      loop: undefined,
      events: [],
      attachments: [],
    });
    expect(await attachmentBytesOf(db, 'case-missing')).toBe(0);
  });
});

describe('finding a case by its number', () => {
  it('finds a stored case whose id does not follow the number, and says null for an unknown number', async () => {
    expect(await findCaseIdByNo(db, reported.caseNo)).toBe(reported.id);
    expect(await findCaseIdByNo(db, '2099-999999')).toBe(null);
  });
});
