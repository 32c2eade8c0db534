import { describe, expect, it } from 'vitest';
import type { Recommendation } from './recommend';
import { autoDispatchTarget, proposedOfficers, type ProposalInput } from './proposal';

function ranked(...ids: string[]): Recommendation[] {
  return ids.map((officerId, i) => ({
    officerId,
    name: officerId,
    kind: 'certified',
    teamId: 'team-1',
    distanceM: 100 * (i + 1),
    load: 0,
    status: 'available',
    inTeam: true,
    reasons: [],
  }));
}

const PLAIN: ProposalInput = { ranked: ranked('off-3', 'off-1'), pairing: null };
const PAIRED: ProposalInput = {
  ranked: ranked('aux-9', 'off-2', 'off-5'),
  pairing: { kind: 'pair', officerIds: ['off-2', 'off-5'] },
};
const SHORT: ProposalInput = {
  ranked: ranked('aux-9', 'off-2'),
  pairing: { kind: 'shortage', key: 'certifiedShortage', needed: 2, available: 1, officerIds: ['off-2'] },
};
const NOBODY: ProposalInput = { ranked: [], pairing: null };

describe('the officers the dispatch dialog proposes', () => {
  it('are the best-ranked officer when the matter needs no certified pair', () => {
    expect(proposedOfficers(PLAIN)).toEqual(['off-3']);
  });

  it('are the certified pair, not the best-ranked auxiliary, when the matter needs two certified officers', () => {
    expect(proposedOfficers(PAIRED)).toEqual(['off-2', 'off-5']);
  });

  it('fall back to the best-ranked officer when certified officers are short (the dialog shows the shortage)', () => {
    expect(proposedOfficers(SHORT)).toEqual(['aux-9']);
  });

  it('are nobody when nobody is ranked', () => {
    expect(proposedOfficers(NOBODY)).toEqual([]);
  });
});

describe('intake’s one-step dispatch of a new case', () => {
  it('goes to the responsible team’s best-ranked officer', () => {
    expect(autoDispatchTarget('team-1', PLAIN)).toEqual({ teamId: 'team-1', officerIds: ['off-3'] });
  });

  it('goes to the certified pair when the matter needs one', () => {
    expect(autoDispatchTarget('team-1', PAIRED)).toEqual({
      teamId: 'team-1',
      officerIds: ['off-2', 'off-5'],
    });
  });

  it('does not happen when certified officers are short, nor when nobody is ranked or nothing was recommended', () => {
    expect(autoDispatchTarget('team-1', SHORT)).toBe(null);
    expect(autoDispatchTarget('team-1', NOBODY)).toBe(null);
    expect(autoDispatchTarget('team-1', null)).toBe(null);
  });
});
