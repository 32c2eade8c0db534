import type { DispatchTarget } from '../cases/loop-types';
import type { DispatchRecommendation } from './recommend';

/** What a proposal needs of a recommendation: the ranking and the certified pairing. */
export type ProposalInput = Pick<DispatchRecommendation, 'ranked' | 'pairing'>;

/**
 * The officers the dispatch dialog (派遣) starts with: the certified pair when the matter needs one and
 * two are available, otherwise the best-ranked officer (also when certified officers are short: the
 * dialog shows the shortage and the operator decides), or nobody when nobody is ranked.
 */
export function proposedOfficers(recommendation: ProposalInput): string[] {
  const { pairing, ranked } = recommendation;
  if (pairing?.kind === 'pair') return [...pairing.officerIds];
  const top = ranked[0];
  return top ? [top.officerId] : [];
}

/**
 * Whom intake's one-step 派遣 sends a new case to, or null when it may not dispatch by itself: the
 * certified pair when the matter needs one, else the best-ranked officer, with `teamId` the team
 * responsible for the place. Unlike {@link proposedOfficers}, a shortage of certified officers means
 * no dispatch at all (nobody is there to check the choice), and so does an empty ranking.
 */
export function autoDispatchTarget(
  teamId: string,
  recommendation: ProposalInput | null,
): DispatchTarget | null {
  if (recommendation === null || recommendation.pairing?.kind === 'shortage') return null;
  const officerIds = proposedOfficers(recommendation);
  return officerIds.length > 0 ? { teamId, officerIds } : null;
}
