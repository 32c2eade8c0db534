/**
 * Ids of imported people, teams and departments, derived from what identifies them in the sheet so that
 * importing the same sheet again (in any row order, after rows are added or removed) gives every record
 * the same id, and cases and grids keep pointing at the right one:
 * - a certified officer: the certificate number (执法证号), which a person keeps;
 * - an auxiliary officer or a grid worker: name and phone (they have no certificate; a changed phone
 *   number therefore makes a new id, which the import's review should show as one leaving and one
 *   joining);
 * - a team or a department: its name.
 * The id is the prefix and a 53-bit hash (cyrb53) of the normalised key in base 36, e.g.
 * `officer-1x3k9q0f2m7`: ASCII, fixed length, and no personal data readable from it.
 */
import { normaliseWord } from './vocabulary';

/** cyrb53 (bryc, public domain): a fast 53-bit string hash with good spread. */
function cyrb53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

function stableId(prefix: string, ...parts: readonly string[]): string {
  const key = parts.map(normaliseWord).join('\u0000');
  return `${prefix}-${cyrb53(key).toString(36).padStart(11, '0')}`;
}

export const certifiedOfficerId = (certificateNo: string): string => stableId('officer', 'c', certificateNo);
export const auxiliaryOfficerId = (name: string, phone: string): string =>
  stableId('officer', 'a', name, phone);
export const gridWorkerId = (name: string, phone: string): string => stableId('gw', name, phone);
export const teamId = (name: string): string => stableId('team', name);
export const departmentId = (name: string): string => stableId('dept', name);
