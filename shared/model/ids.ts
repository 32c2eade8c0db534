/**
 * Ids that can meet ids from another PC. Every installation of GridDesk has a workstation id, drawn
 * once at random when its database is created (or upgraded to store version 3) and never changed by a
 * reset or a restore. Case ids and event ids are scoped by it, so the cases and events of many seats
 * and townships can later be merged on a centre server without two of them sharing an id.
 *
 * A workstation id is 10 characters of Crockford's base32 in lower case (50 random bits: among 10,000
 * seats the chance that two draw the same id is about 4 in 100 million).
 */

/** Crockford's base32 alphabet, lower case: digits and letters without i, l, o and u. */
const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';
const LENGTH = 10;

/** A workstation id alone, unanchored, to build the patterns of the ids scoped by it. */
const WORKSTATION_ID = '[0-9a-hjkmnp-tv-z]{10}';

export const WORKSTATION_ID_PATTERN = new RegExp(`^${WORKSTATION_ID}$`);

/** An event id (see {@link scopedEventId}): a workstation id and a chain position from 1. */
export const EVENT_ID_PATTERN = new RegExp(`^${WORKSTATION_ID}-[1-9][0-9]*$`);

const SCOPED_CASE_ID = new RegExp(`^${WORKSTATION_ID}-(.+)$`);

/** Bytes a workstation id is drawn from (7 bytes = 56 bits, of which 50 are used). */
export const WORKSTATION_ID_BYTES = 7;

/** What the `meta` table keeps about this installation. */
export interface WorkstationInfo {
  readonly id: string;
  /** When it was drawn, epoch ms. */
  readonly createdAt: number;
}

/** The workstation id spelled by `bytes` (at least {@link WORKSTATION_ID_BYTES} random bytes). */
export function workstationIdFrom(bytes: Uint8Array): string {
  if (bytes.length < WORKSTATION_ID_BYTES)
    throw new RangeError(`a workstation id needs ${WORKSTATION_ID_BYTES} random bytes, got ${bytes.length}`);
  let bits = 0n;
  for (const byte of bytes.subarray(0, WORKSTATION_ID_BYTES)) bits = (bits << 8n) | BigInt(byte);
  let id = '';
  for (let i = 0; i < LENGTH; i += 1) {
    id += ALPHABET[Number(bits & 31n)];
    bits >>= 5n;
  }
  return id;
}

export function isWorkstationId(text: string): boolean {
  return WORKSTATION_ID_PATTERN.test(text);
}

/** The id of the case numbered `caseNo` (e.g. "2026-000124") created on workstation `workstationId`. */
export function scopedCaseId(workstationId: string, caseNo: string): string {
  return `${workstationId}-${caseNo}`;
}

/**
 * The id of the event a workstation wrote at chain position `seq` of its record. It stays the event's
 * id when a centre server later places the event elsewhere in the township's record.
 */
export function scopedEventId(workstationId: string, seq: number): string {
  return `${workstationId}-${seq}`;
}

/**
 * The cases of a dataset with their ids scoped by `workstationId` (from their case numbers), for a
 * dataset entering a store: the sample, later a township's own case history. Throws a RangeError
 * naming the number when two cases share one, since they would share an id.
 */
export function scopeCaseIds<C extends { readonly id: string; readonly caseNo: string }>(
  cases: readonly C[],
  workstationId: string,
): C[] {
  const seen = new Set<string>();
  return cases.map((kase) => {
    if (seen.has(kase.caseNo)) throw new RangeError(`two cases share the number ${kase.caseNo}`);
    seen.add(kase.caseNo);
    return { ...kase, id: scopedCaseId(workstationId, kase.caseNo) };
  });
}

/**
 * The case number a case id names, for showing an id where the case itself is not at hand (a merge
 * target in the record): `<workstation>-<caseNo>` and the sample's older `case-<caseNo>` both read.
 */
export function caseNoOfId(caseId: string): string {
  const scoped = SCOPED_CASE_ID.exec(caseId);
  if (scoped?.[1] !== undefined) return scoped[1];
  return caseId.replace(/^case-/, '');
}
