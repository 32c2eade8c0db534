import { CASE_STAGES, isOpenStage, type Case, type CaseStage, type LoopStage } from '../model/case';
import type { Matter } from '../model/matter';
import type { Officer } from '../model/organisation';
import type { Rng } from './random';

const DISPATCHED = CASE_STAGES.indexOf('dispatched');

/** Whether a case at this stage has been dispatched (派遣) and so has officers assigned. */
export function isDispatchedStage(stage: LoopStage): boolean {
  return CASE_STAGES.indexOf(stage as CaseStage) >= DISPATCHED;
}

export interface CaseOfficers {
  readonly cases: Case[];
  readonly officers: Officer[];
}

/**
 * Assigns officers of the case's team to every case dispatched or later: two certified officers when the
 * matter needs certified staff (行政处罚、强制), otherwise one or two of any kind. The officer named as handler
 * in the case's steps, when on the team, leads the crew. Busy (处置中) officers must hold an open case: an open
 * case with room for one (two-officer crew) takes a busy officer of the team who holds none yet before anyone
 * else. A busy officer left without
 * an open case (no open case of the team had room for them) is shown as available instead, so that
 * "busy" always means "holds at least one open case". Deterministic for the same inputs and rng state.
 */
export function assignCaseOfficers(
  cases: readonly Case[],
  officers: readonly Officer[],
  matters: readonly Matter[],
  rng: Rng,
): CaseOfficers {
  const needsCertified = new Map(matters.map((m) => [m.code, m.needsCertified]));
  const byTeam = new Map<string, Officer[]>();
  for (const o of officers) byTeam.set(o.teamId, [...(byTeam.get(o.teamId) ?? []), o]);
  /** Busy officers who hold no open case yet, in id order. */
  const waiting = new Set(
    officers
      .filter((o) => o.status === 'busy')
      .map((o) => o.id)
      .sort(),
  );

  const assigned = cases.map((kase): Case => {
    if (!isDispatchedStage(kase.stage)) return kase;
    const certifiedOnly = needsCertified.get(kase.matterCode) ?? false;
    const pool = (byTeam.get(kase.teamId) ?? []).filter((o) => !certifiedOnly || o.kind === 'certified');
    const open = isOpenStage(kase.stage);
    const handlerName = kase.steps.find((s) => s.stage === 'handling')?.actor;
    const handler = pool.find((o) => o.name === handlerName);
    const makesRoom = open && pool.some((o) => o !== handler && waiting.has(o.id));
    const size = Math.min(pool.length, rng.chance(0.45) || certifiedOnly || makesRoom ? 2 : 1);
    const crew: Officer[] = [];
    if (handler) crew.push(handler);
    if (open) {
      for (const o of pool) {
        if (crew.length >= size) break;
        if (!waiting.has(o.id) || crew.includes(o)) continue;
        crew.push(o);
      }
    }
    for (const o of rng.shuffle(pool)) {
      if (crew.length >= size) break;
      if (!crew.includes(o)) crew.push(o);
    }
    if (open) for (const o of crew) waiting.delete(o.id);
    if (crew.length === 0) return kase;
    // Rebuilt so that officerIds sits beside teamId in the written JSON, as in the model.
    const { reportedAt, steps, ...head } = kase;
    return { ...head, officerIds: crew.map((o) => o.id), reportedAt, steps };
  });

  return {
    cases: assigned,
    officers: officers.map((o) => (waiting.has(o.id) ? { ...o, status: 'available' } : o)),
  };
}
