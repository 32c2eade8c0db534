import { describe, expect, it } from 'vitest';
import { intakeActions, type IntakePlan } from './intake-actions';

const TARGET = { teamId: 'team-1', officerIds: ['off-1', 'off-2'] } as const;
const BASE: IntakePlan = { mode: 'dispatch', major: false, target: TARGET, attachmentIds: [] };

describe('what intake does with a new case after reporting it', () => {
  it('上报 only: nothing more', () => {
    expect(intakeActions({ ...BASE, mode: 'report' })).toEqual([]);
  });

  it('上报 + 立案: registers it, saying whether it is major', () => {
    expect(intakeActions({ ...BASE, mode: 'register' })).toEqual([
      { type: 'register', payload: { major: false } },
    ]);
  });

  it('派遣: registers it and dispatches it to the target', () => {
    expect(intakeActions(BASE)).toEqual([
      { type: 'register', payload: { major: false } },
      { type: 'dispatch', payload: TARGET },
    ]);
  });

  it('派遣 of a major case: registers it as major and leaves the dispatch to after the leader’s approval', () => {
    expect(intakeActions({ ...BASE, major: true })).toEqual([{ type: 'register', payload: { major: true } }]);
  });

  it('派遣 with nobody to send: registers it only', () => {
    expect(intakeActions({ ...BASE, target: null })).toEqual([
      { type: 'register', payload: { major: false } },
    ]);
  });

  it('with files: a note naming them comes first', () => {
    expect(intakeActions({ ...BASE, mode: 'report', attachmentIds: ['att-1', 'att-2'] })).toEqual([
      { type: 'note', payload: { text: '', attachmentIds: ['att-1', 'att-2'] } },
    ]);
  });

  it('a likely duplicate merged: the merge instead of registering or dispatching', () => {
    const merge = { intoCaseId: 'case-7', reason: '已合并到 GD-7' };
    expect(intakeActions({ ...BASE, attachmentIds: ['att-1'], merge })).toEqual([
      { type: 'note', payload: { text: '', attachmentIds: ['att-1'] } },
      { type: 'merge', payload: merge },
    ]);
  });
});
