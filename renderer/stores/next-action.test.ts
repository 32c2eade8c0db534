import { beforeEach, describe, expect, it } from 'vitest';
import { createPinia, setActivePinia } from 'pinia';
import type { Case } from '../../shared/model/case';
import type { CaseLoopState, Role } from '../../shared/cases/loop-types';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';
import { REPORTED } from '../../shared/cases/test-actions';
import type { SessionToken } from '../db/sessions';
import { useAuthStore } from './auth';
import { useCasesStore } from './cases';
import { useNextActionStore } from './next-action';
import { useTownshipStore } from './township';

const dataset = makeFixtureDataset();
const base = dataset.cases[0]!;
const own: Case = { ...base, id: 'case-own', matterCode: 'CG-001', stage: 'registered' };
const county: Case = { ...base, id: 'case-county', matterCode: 'HB-003', stage: 'registered' };
const registered: CaseLoopState = { ...REPORTED, stage: 'registered' };

function signIn(role: Role): void {
  useAuthStore().setSession(
    { id: 'acc-1', username: 'u', displayName: '值班员', role, disabled: false, createdAt: 0 },
    'token' as unknown as SessionToken,
  );
}

beforeEach(() => {
  setActivePinia(createPinia());
  useTownshipStore().setDataset(dataset);
  useCasesStore().setQueue(
    [own, county],
    [],
    new Map([
      [own.id, registered],
      [county.id, registered],
    ]),
  );
});

describe('the buttons the queue and the detail show for a case', () => {
  it('an operator on a registered case of the township’s own matter gets 派遣 highlighted', () => {
    signIn('operator');
    const next = useNextActionStore().forCase(own.id);
    expect(next.primary).toBe('dispatch');
    expect(next.allowed).toContain('whistle');
  });

  it('the same stage of a county department’s matter highlights 吹哨, from the queue’s copy of the case', () => {
    signIn('operator');
    expect(useNextActionStore().forCase(county.id).primary).toBe('whistle');
  });

  it('follows the loop state the detail passes for a case the queue does not hold', () => {
    signIn('operator');
    const outside: Case = { ...county, id: 'case-gone' };
    const whistled: CaseLoopState = { ...registered, whistle: { departmentId: 'dept-env', calledAt: 1 } };
    expect(useNextActionStore().forCase(outside.id, outside, whistled).primary).toBe('respondWhistle');
    expect(useNextActionStore().forCase(outside.id).allowed).toEqual([]);
  });

  it('nobody signed in, or the display wall: no buttons', () => {
    expect(useNextActionStore().forCase(own.id)).toEqual({ allowed: [], primary: null });
    signIn('viewer');
    expect(useNextActionStore().forCase(own.id)).toEqual({ allowed: [], primary: null });
  });
});
