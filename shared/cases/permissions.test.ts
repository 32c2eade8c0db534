import { describe, expect, it } from 'vitest';
import { ROLES, type Role } from './loop-types';
import { canReport } from './permissions';

describe('who may report a new case', () => {
  it('is an operator or a shift leader, never a viewer or an unknown role', () => {
    expect(ROLES.filter((role) => canReport(role))).toEqual(['operator', 'leader']);
    expect(canReport('admin' as Role)).toBe(false);
  });
});
