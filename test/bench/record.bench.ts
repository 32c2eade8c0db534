import { scopedEventId } from '../../shared/model/ids';
import { readFile } from 'node:fs/promises';
import type { Case } from '../../shared/model/case';
import type { Matter } from '../../shared/model/matter';
import { replayCase, chainEvents, type CaseEvent } from '../../shared/cases/history';
import { canonicalJson } from '../../shared/cases/canonical-json';
import { EMPTY_HEAD, verifyRecord, type ChainHead } from '../../shared/cases/record';
import { measureAsync, report } from './harness';

const encoder = new TextEncoder();

function hex(bytes: ArrayBuffer): string {
  return Array.from(new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * The record's chaining done with one WebCrypto SHA-256 promise per event: the same canonical JSON of
 * the same body (`{...event, seq, prevHash}`), the same `prevHash + json` input, the same hex, each
 * hash waiting for the one before (a chain is sequential). Only the SHA-256 differs from
 * chainEvents, so the ratio is the price or gain of the synchronous hash alone.
 */
async function chainWithWebCrypto(events: readonly CaseEvent[]): Promise<ChainHead> {
  let head = EMPTY_HEAD;
  for (const event of events) {
    const seq = head.count + 1;
    const body = { ...event, seq, prevHash: head.lastHash };
    const digest = await globalThis.crypto.subtle.digest(
      'SHA-256',
      encoder.encode(head.lastHash + canonicalJson(body)),
    );
    head = { count: seq, lastHash: hex(digest) };
  }
  return head;
}

/**
 * The tamper-evident record of the sample's year (3,174 cases): hash-chaining every event (canonical
 * JSON + SHA-256 + link) with the synchronous SHA-256 the record uses, against the same chaining with
 * WebCrypto digests (the baseline, measured in the same run); then replaying the histories and
 * chaining them (what seeding does) and verifying the whole chain (核验记录), against the same baseline.
 */
export async function benchRecord(): Promise<Record<string, number>> {
  const eventId = (seq: number): string => scopedEventId('k3m9q2x7ab', seq);
  const read = async (name: string): Promise<unknown> =>
    JSON.parse(await readFile(new URL(`../../resources/sample/${name}`, import.meta.url), 'utf8'));
  const cases = (await read('cases.json')) as Case[];
  const matters = new Map(
    ((await read('township.json')) as { matters: Matter[] }).matters.map((m) => [m.code, m]),
  );
  const actor = (name: string) => ({ id: `history:${name}`, role: 'operator' as const, name });
  const events: CaseEvent[] = cases.flatMap((c) => replayCase(c, matters.get(c.matterCode), actor).events);
  const ordered = (await chainEvents(EMPTY_HEAD, events, eventId)).events.map(
    ({ seq: _s, prevHash: _p, hash: _h, ...event }) => event,
  );

  // Same input, same output: the baseline is only a comparison if it computes the very same chain.
  const sync = await chainEvents(EMPTY_HEAD, ordered, eventId);
  const viaWebCrypto = await chainWithWebCrypto(ordered);
  if (viaWebCrypto.lastHash !== sync.head.lastHash) throw new Error('the baseline computes another chain');

  const webCrypto = await measureAsync('canonical JSON + chain, WebCrypto (baseline)', () =>
    chainWithWebCrypto(ordered),
  );
  const chain = await measureAsync('canonical JSON + chain, sync SHA-256', () =>
    chainEvents(EMPTY_HEAD, ordered, eventId),
  );
  const build = await measureAsync('replay + canonical JSON + chain (seeding)', async () => {
    const all = cases.flatMap((c) => replayCase(c, matters.get(c.matterCode), actor).events);
    return chainEvents(EMPTY_HEAD, all, eventId);
  });
  const verify = await measureAsync('verify the whole chain against its head', async () => {
    const result = await verifyRecord(sync.events, sync.head);
    if (!result.ok) throw new Error('sample record does not verify');
  });
  report(
    `record: ${events.length} events of ${cases.length} cases`,
    [webCrypto, chain, build, verify],
    webCrypto,
  );
  return {
    events: events.length,
    webCryptoChainMs: webCrypto.medianMs,
    chainMs: chain.medianMs,
    buildMs: build.medianMs,
    verifyMs: verify.medianMs,
    chainOverWebCrypto: chain.medianMs / webCrypto.medianMs,
    buildOverWebCrypto: build.medianMs / webCrypto.medianMs,
    verifyOverWebCrypto: verify.medianMs / webCrypto.medianMs,
  };
}
