/** Test fixtures for the indicators: a matter, an event builder and Beijing wall times in March 2026. */
import type { CaseAction, LoopEvent, LoopStage } from '../cases/loop-types';
import type { Matter } from '../model/matter';
import type { IndicatorCase } from './types';

export const HOUR = 3_600_000;

/** Beijing wall time in March 2026 as epoch ms; 2026-03-02 is a Monday. */
export const bj = (day: number, hour: number, minute = 0): number => Date.UTC(2026, 2, day, hour - 8, minute);

/** Limits in working hours: register 2, dispatch 1, handle 8, verify 4. */
export const MATTER: Matter = {
  code: 'CG-001',
  name: '占道经营',
  domain: 'urban-management',
  legalBasis: '《城市市容和环境卫生管理条例》第十四条',
  authority: { kind: 'township', basis: 'granted' },
  limits: { register: 2, dispatch: 1, handle: 8, verify: 4 },
  needsCertified: false,
};

const NEXT: Partial<Record<string, LoopStage>> = {
  register: 'registered',
  reject: 'rejected',
  dispatch: 'dispatched',
  startHandling: 'handling',
  submitFeedback: 'feedback',
  verifyPass: 'verified',
  verifyFail: 'handling',
  close: 'closed',
  evaluate: 'evaluated',
  void: 'voided',
};

/** Step of a story: an action (type with payload, or just a type) at an instant. */
export type Step = readonly [
  at: number,
  action: CaseAction | CaseAction['type'] | { type: string; payload: object },
];

const PAYLOADS: Partial<Record<CaseAction['type'], CaseAction>> = {
  reject: { type: 'reject', payload: { reason: '不属于本镇管辖' } },
  dispatch: { type: 'dispatch', payload: { teamId: 't1', officerIds: ['o1'] } },
  verifyFail: { type: 'verifyFail', payload: { reason: '现场仍有堆物' } },
  void: { type: 'void', payload: { reason: '重复上报' } },
  evaluate: { type: 'evaluate', payload: { satisfaction: 4 } },
  returnToPrevious: { type: 'returnToPrevious', payload: { reason: '非本队职责' } },
};

/**
 * Events of a case from its steps, tracking `from` and `to` as the loop would: a return goes back one
 * stage, suspend/extend/whistle… stay in the stage.
 */
export function story(steps: readonly Step[]): LoopEvent[] {
  let stage: LoopStage = 'reported';
  const back: Partial<Record<LoopStage, LoopStage>> = {
    registered: 'reported',
    dispatched: 'registered',
    handling: 'dispatched',
  };
  return steps.map(([at, step]) => {
    const action = (
      typeof step === 'string' ? (PAYLOADS[step] ?? { type: step, payload: {} }) : step
    ) as CaseAction;
    const from = stage;
    const type: string = action.type;
    const to = type === 'returnToPrevious' ? (back[stage] ?? stage) : (NEXT[type] ?? stage);
    stage = to;
    return { action, actor: { id: 'op-01', role: 'operator' }, at, from, to };
  });
}

/** A case of MATTER reported Monday 2026-03-02 08:00 unless told otherwise. */
export function indicatorCase(
  id: string,
  where: { teamId: string; gridCode: string; officerIds?: readonly string[] },
  steps: readonly Step[],
  overrides: Partial<IndicatorCase['case']> = {},
): IndicatorCase {
  const events = story(steps);
  return {
    case: {
      id,
      matterCode: MATTER.code,
      urgency: 'normal',
      source: 'hotline',
      reportedAt: bj(2, 8),
      stage: events.at(-1)?.to ?? 'reported',
      ...where,
      ...overrides,
    },
    events,
  };
}
