import type { Case } from '../../shared/model/case';
import type { CaseLoopState } from '../../shared/cases/loop-types';
import type { StoredCaseEvent } from '../../shared/cases/history';
import type { GridDeskDb } from './database';
import { listCaseEvents } from './record-repo';
import type { AttachmentRow } from './tables';

/** One case as the case detail shows it: the row, its loop state, its record in order and its files. */
export interface CaseFile {
  readonly id: string;
  readonly kase: Case | undefined;
  readonly loop: CaseLoopState | undefined;
  readonly events: readonly StoredCaseEvent[];
  readonly attachments: readonly AttachmentRow[];
}

/** Reads a case, its loop state, its events (by seq) and its attachments; parts not stored are undefined/empty. */
export async function readCaseFile(db: GridDeskDb, id: string): Promise<CaseFile> {
  const [kase, loopRow, events, attachments] = await Promise.all([
    db.cases.get(id),
    db.caseLoops.get(id),
    listCaseEvents(db, id),
    db.attachments.where('caseId').equals(id).toArray(),
  ]);
  return { id, kase, loop: loopRow?.state, events, attachments };
}

/** The id of the case numbered `caseNo` (through the caseNo index), or null. */
export async function findCaseIdByNo(db: GridDeskDb, caseNo: string): Promise<string | null> {
  return (await db.cases.where('caseNo').equals(caseNo).first())?.id ?? null;
}

/** Bytes of the files already stored with a case (the per-case budget counts them). */
export async function attachmentBytesOf(db: GridDeskDb, caseId: string): Promise<number> {
  const rows = await db.attachments.where('caseId').equals(caseId).toArray();
  return rows.reduce((sum, a) => sum + a.size, 0);
}
