import { readFile } from 'node:fs/promises';
import type { Case } from '../../shared/model/case';
import type { Matter } from '../../shared/model/matter';
import { replayCase, chainEvents, type CaseEvent } from '../../shared/cases/history';
import { EMPTY_HEAD, verifyRecord } from '../../shared/cases/record';
import { measureAsync, report } from './harness';

/**
 * The tamper-evident record of the sample's year (3,174 cases): replaying the histories through the
 * loop and hash-chaining every event (what seeding does), and verifying the whole chain (核验记录),
 * against the bare cost of one WebCrypto SHA-256 per event over its plain JSON (no canonical form, no
 * chain), which is what the record used before it moved to a synchronous SHA-256.
 */
export async function benchRecord(): Promise<Record<string, number>> {
  const read = async (name: string): Promise<unknown> =>
    JSON.parse(await readFile(new URL(`../../resources/sample/${name}`, import.meta.url), 'utf8'));
  const cases = (await read('cases.json')) as Case[];
  const matters = new Map(
    ((await read('township.json')) as { matters: Matter[] }).matters.map((m) => [m.code, m]),
  );
  const actor = (name: string) => ({ id: `history:${name}`, role: 'operator' as const, name });
  const events: CaseEvent[] = cases.flatMap((c) => replayCase(c, matters.get(c.matterCode), actor).events);
  const texts = events.map((e) => JSON.stringify(e));

  const encoder = new TextEncoder();
  const bare = await measureAsync('WebCrypto SHA-256 per event, no chain (baseline)', async () => {
    for (const text of texts) await globalThis.crypto.subtle.digest('SHA-256', encoder.encode(text));
  });
  const build = await measureAsync('replay + canonical JSON + chain (seeding)', async () => {
    const all = cases.flatMap((c) => replayCase(c, matters.get(c.matterCode), actor).events);
    return chainEvents(EMPTY_HEAD, all);
  });
  const chained = await chainEvents(EMPTY_HEAD, events);
  const verify = await measureAsync('verify the whole chain against its head', async () => {
    const result = await verifyRecord(chained.events, chained.head);
    if (!result.ok) throw new Error('sample record does not verify');
  });
  report(`record: ${events.length} events of ${cases.length} cases`, [bare, build, verify], bare);
  return {
    events: events.length,
    bareHashMs: bare.medianMs,
    buildMs: build.medianMs,
    verifyMs: verify.medianMs,
    buildOverBare: build.medianMs / bare.medianMs,
    verifyOverBare: verify.medianMs / bare.medianMs,
  };
}
