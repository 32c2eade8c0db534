import { describe, expect, it } from 'vitest';
import { EMPTY_HEAD, GENESIS_HASH, appendEventSync, type ChainHead } from './record';
import { checkExtends, parseNotedHead } from './record-anchor';

type Stored = ReturnType<typeof appendEventSync<{ caseId: string; at: number; note: string }>>['event'];

/** A record of `n` events whose notes start with `tag`, with its head. */
function record(n: number, tag = '第'): { events: Stored[]; head: ChainHead } {
  let head = EMPTY_HEAD;
  const events: Stored[] = [];
  for (let i = 0; i < n; i += 1) {
    const appended = appendEventSync(head, { caseId: `case-${i % 3}`, at: 1000 + i, note: `${tag}${i}步` });
    events.push(appended.event);
    head = appended.head;
  }
  return { events, head };
}

/** The head of the record after its first `count` events. */
function headAt(events: readonly Stored[], count: number): ChainHead {
  return { count, lastHash: events[count - 1]!.hash };
}

describe('checkExtends', () => {
  it('says the record extends a head noted earlier, and the head it is now', async () => {
    const { events, head } = record(10);
    expect(await checkExtends(events, headAt(events, 6))).toEqual({ ok: true, notedCount: 6, count: 10 });
    expect(await checkExtends(events, head)).toEqual({ ok: true, notedCount: 10, count: 10 });
    expect(await checkExtends(events, EMPTY_HEAD)).toEqual({ ok: true, notedCount: 0, count: 10 });
  });

  it('says a head noted from a different record is not extended, at the noted event', async () => {
    const { events } = record(10);
    const other = record(10, '另一条记录第');
    expect(await checkExtends(events, headAt(other.events, 7))).toEqual({
      ok: false,
      kind: 'differs',
      from: 7,
    });
  });

  it('says where a record shorter than the noted head stops', async () => {
    const { events } = record(10);
    expect(await checkExtends(events.slice(0, 4), headAt(events, 8))).toEqual({
      ok: false,
      kind: 'shorter',
      from: 5,
      count: 4,
      notedCount: 8,
    });
  });

  it('names the first broken event before the noted count', async () => {
    const { events } = record(10);
    const edited = events.map((e) => (e.seq === 3 ? { ...e, note: '改过' } : e));
    expect(await checkExtends(edited, headAt(events, 8))).toMatchObject({
      ok: false,
      kind: 'broken',
      from: 3,
      problem: { kind: 'edited', seq: 3 },
    });
    const removed = events.filter((e) => e.seq !== 5);
    expect(await checkExtends(removed, headAt(events, 8))).toMatchObject({ kind: 'broken', from: 5 });
  });

  it('does not blame an edit after the noted count: that is the full check’s business', async () => {
    const { events } = record(10);
    const edited = events.map((e) => (e.seq === 9 ? { ...e, note: '改过' } : e));
    expect(await checkExtends(edited, headAt(events, 8))).toMatchObject({ ok: true });
  });

  it('says a record rewritten from event 4 and re-chained no longer extends a later head', async () => {
    const { events } = record(10);
    let head = headAt(events, 3);
    const rewritten = events.slice(0, 3);
    for (const e of events.slice(3)) {
      const appended = appendEventSync(head, { caseId: e.caseId, at: e.at, note: `${e.note}（改）` });
      rewritten.push(appended.event);
      head = appended.head;
    }
    expect(await checkExtends(rewritten, headAt(events, 3))).toMatchObject({ ok: true });
    expect(await checkExtends(rewritten, headAt(events, 9))).toEqual({ ok: false, kind: 'differs', from: 9 });
  });

  it('refuses an empty noted head whose hash is not the genesis hash', async () => {
    const { events } = record(3);
    expect(await checkExtends(events, { count: 0, lastHash: GENESIS_HASH })).toMatchObject({ ok: true });
    expect(await checkExtends(events, { count: 0, lastHash: 'a'.repeat(64) })).toMatchObject({
      ok: false,
      kind: 'differs',
      from: 1,
    });
  });
});

describe('parseNotedHead', () => {
  it('reads a count written with separators and a hash pasted in upper case or with spaces', () => {
    const hash = 'ab'.repeat(32);
    expect(parseNotedHead(' 33,258 ', `${hash.slice(0, 32).toUpperCase()} ${hash.slice(32)}`)).toEqual({
      ok: true,
      head: { count: 33258, lastHash: hash },
    });
  });

  it('names the field that is not a head', () => {
    expect(parseNotedHead('3.5', 'ab'.repeat(32))).toEqual({ ok: false, problem: 'recordAnchor.badCount' });
    expect(parseNotedHead('', 'ab'.repeat(32))).toEqual({ ok: false, problem: 'recordAnchor.badCount' });
    expect(parseNotedHead('12', 'ab'.repeat(31))).toEqual({ ok: false, problem: 'recordAnchor.badHash' });
    expect(parseNotedHead('12', 'xy'.repeat(32))).toEqual({ ok: false, problem: 'recordAnchor.badHash' });
  });
});
