import { describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../schema/test-fixture';
import {
  countByStage,
  EMPTY_FILTERS,
  filterBeforeStage,
  stageRowsSorted,
  type QueueClock,
  type QueueRow,
} from './queue-rows';

const [c1, c2, c3] = makeFixtureDataset().cases;
const clock = (leftMs: number): QueueClock => ({
  clock: 'handle',
  dueAt: 0,
  status: leftMs < 0 ? 'overdue' : 'ok',
  leftMs,
});
// case-1 urgent, 2 h left; case-2 normal, no running clock; case-3 normal, 1 h overdue.
const rows: QueueRow[] = [
  { kase: c1!, loop: undefined, clock: clock(2 * 3_600_000) },
  { kase: c2!, loop: undefined, clock: null },
  { kase: c3!, loop: undefined, clock: clock(-3_600_000) },
];
const ids = (list: readonly QueueRow[]): string[] => list.map((r) => r.kase.id);

describe('the queue’s filters and order', () => {
  it('matches text in the case number, description and address, ignoring case and blanks', () => {
    expect(ids(filterBeforeStage(rows, { ...EMPTY_FILTERS, text: ' 2025-000003 ' }))).toEqual(['case-3']);
    expect(ids(filterBeforeStage(rows, { ...EMPTY_FILTERS, text: '测试案件 2' }))).toEqual(['case-2']);
    expect(ids(filterBeforeStage(rows, { ...EMPTY_FILTERS, text: 'nothing like it' }))).toEqual([]);
  });

  it('keeps only overdue running clocks under 只看超时, and counts every stage', () => {
    const overdue = filterBeforeStage(rows, { ...EMPTY_FILTERS, overdueOnly: true });
    expect(ids(overdue)).toEqual(['case-3']);
    const counts = countByStage(rows);
    expect([counts.get('reported'), counts.get('dispatched'), counts.get('handling')]).toEqual([1, 1, 1]);
    expect(counts.get('feedback')).toBe(0);
  });

  it('sorts by least time left with clockless cases last, by urgency, or newest first', () => {
    expect(ids(stageRowsSorted(rows, null, 'timeLeft'))).toEqual(['case-3', 'case-1', 'case-2']);
    expect(ids(stageRowsSorted(rows, null, 'urgency'))).toEqual(['case-1', 'case-3', 'case-2']);
    expect(ids(stageRowsSorted(rows, null, 'newest'))).toEqual(['case-1', 'case-3', 'case-2']);
    expect(ids(stageRowsSorted(rows, 'dispatched', 'timeLeft'))).toEqual(['case-2']);
    expect(ids(rows)).toEqual(['case-1', 'case-2', 'case-3']); // the input is left as it was
  });
});
