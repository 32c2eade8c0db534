import { describe, expect, it } from 'vitest';
import { allowedActions } from '../../shared/cases/state-machine';
import { REPORTED } from '../../shared/cases/test-actions';
import { primaryAction } from './next-action';

describe('the highlighted next step', () => {
  const registered = allowedActions({ ...REPORTED, stage: 'registered' }, 'operator');

  it('is 派遣 for a registered case of the township’s own powers', () => {
    expect(primaryAction(registered)).toBe('dispatch');
  });

  it('is 吹哨 when the power sits with a county department', () => {
    expect(primaryAction(registered, true)).toBe('whistle');
  });

  it('is 签收 once dispatched, and 评价 after the follow-up call', () => {
    const dispatched = {
      ...REPORTED,
      stage: 'dispatched' as const,
      dispatch: { teamId: 't', officerIds: ['o'] },
    };
    expect(primaryAction(allowedActions(dispatched, 'operator'))).toBe('acknowledge');
    const called = { ...REPORTED, stage: 'closed' as const, followUp: { calledAt: 1 } };
    expect(primaryAction(allowedActions(called, 'operator'))).toBe('evaluate');
  });
});
