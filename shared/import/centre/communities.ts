/**
 * Communities (社区/村) derived from the grids: the middle three digits of each grid code name the
 * community; the community-name field names it; the community-code field, when mapped, is checked
 * against the code.
 */
import type { GridCode } from '../../grid/code';
import type { AreaGeometry } from '../../model/geo';
import type { Community } from '../../model/organisation';
import { interiorPoint } from './interior-point';
import type { FieldMapping } from './mapping';
import type { IssueList } from './report';

export interface CommunityValue {
  readonly index: number;
  readonly code: GridCode;
  readonly geometry: AreaGeometry;
  /** The community-code field's value ('' when not mapped or empty). */
  readonly codeText: string;
  /** The community-name field's value. */
  readonly name: string;
}

function boxCentre(geometry: AreaGeometry): [number, number] {
  const rings = geometry.type === 'Polygon' ? geometry.coordinates : geometry.coordinates.flat();
  let w = Infinity;
  let s = Infinity;
  let e = -Infinity;
  let n = -Infinity;
  for (const [x, y] of rings[0] ?? []) {
    w = Math.min(w, x);
    e = Math.max(e, x);
    s = Math.min(s, y);
    n = Math.max(n, y);
  }
  return [(w + e) / 2, (s + n) / 2];
}

/**
 * One community per community part of the codes, in order of first grid. Name: the first non-empty
 * name among its grids (another name on a later grid is a warning); none at all is a warning and the
 * community is named by its code. Kind: a village (村) when the name ends in 村, else a community.
 * Centre: a point inside the grid nearest the middle of the community's grids.
 */
export function deriveCommunities(
  values: readonly CommunityValue[],
  mapping: FieldMapping<'grids'>,
  issues: IssueList,
): Community[] {
  const groups = new Map<string, CommunityValue[]>();
  for (const v of values) {
    const part = v.code.slice(9, 12);
    if (v.codeText !== '' && v.codeText !== part && v.codeText.padStart(3, '0') !== part)
      issues.feature('warning', 'centreImport.grid.communityMismatch', v.index, {
        field: mapping.communityCode ?? '',
        value: v.codeText,
        code: v.code,
        part,
      });
    const list = groups.get(part);
    if (list === undefined) groups.set(part, [v]);
    else list.push(v);
  }
  return [...groups].map(([code, members]) => {
    let name = '';
    for (const m of members) {
      if (m.name === '') continue;
      if (name === '') name = m.name;
      else if (m.name !== name) {
        issues.feature('warning', 'centreImport.grid.communityNameConflict', m.index, {
          field: mapping.communityName ?? '',
          community: code,
          value: m.name,
          name,
        });
        break;
      }
    }
    if (name === '') {
      issues.onFile('warning', 'centreImport.community.nameMissing', { community: code });
      name = code;
    }
    const centres = members.map((m) => boxCentre(m.geometry));
    const mx = centres.reduce((sum, c) => sum + c[0], 0) / centres.length;
    const my = centres.reduce((sum, c) => sum + c[1], 0) / centres.length;
    let best = 0;
    centres.forEach((c, k) => {
      const b = centres[best] as [number, number];
      if (Math.hypot(c[0] - mx, c[1] - my) < Math.hypot(b[0] - mx, b[1] - my)) best = k;
    });
    return {
      code,
      name,
      kind: name.endsWith('村') ? 'village' : 'community',
      centre: interiorPoint((members[best] as CommunityValue).geometry),
    };
  });
}
