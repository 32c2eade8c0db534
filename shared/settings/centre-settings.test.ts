import { describe, expect, it } from 'vitest';
import { DEFAULT_CENTRE_SETTINGS, isMajorCase, validateCentreSettings } from './centre-settings';

const MATTERS = new Set(['CG-001', 'GH-003']);

describe('centre settings', () => {
  it('accepts the defaults and a leader’s own policy', () => {
    expect(validateCentreSettings(DEFAULT_CENTRE_SETTINGS, MATTERS)).toEqual({
      ok: true,
      settings: DEFAULT_CENTRE_SETTINGS,
    });
    const own = {
      ...DEFAULT_CENTRE_SETTINGS,
      majorCase: { urgencies: ['urgent', 'critical'], matterCodes: ['GH-003'] },
    };
    expect(validateCentreSettings(own, MATTERS).ok).toBe(true);
  });

  it('names each bad field: a holiday that is no date, an unknown matter, a negative distance', () => {
    const bad = {
      calendar: { ...DEFAULT_CENTRE_SETTINGS.calendar, holidays: ['2026-10-01', '2026-13-01'] },
      majorCase: { urgencies: ['critical'], matterCodes: ['XX-999'] },
      duplicates: { maxDistanceM: -5, maxHoursApart: 24 },
    };
    const result = validateCentreSettings(bad, MATTERS);
    expect(result.ok).toBe(false);
    const fields = result.ok ? [] : result.issues.map((i) => i.field);
    expect(fields).toContain('calendar.holidays[1]');
    expect(fields).toContain('duplicates.maxDistanceM');
    // The matter check runs once the rest of the policy has the right shape.
    const unknownMatter = validateCentreSettings(
      { ...DEFAULT_CENTRE_SETTINGS, majorCase: bad.majorCase },
      MATTERS,
    );
    expect(unknownMatter.ok ? [] : unknownMatter.issues).toEqual([
      {
        field: 'majorCase.matterCodes[0]',
        key: 'settings.unknownMatter',
        params: { field: 'majorCase.matterCodes[0]', code: 'XX-999' },
      },
    ]);
  });

  it('makes a case major by its urgency or its matter', () => {
    const policy = { urgencies: ['critical'] as const, matterCodes: ['GH-003'] };
    expect(isMajorCase(policy, 'CG-001', 'critical')).toBe(true);
    expect(isMajorCase(policy, 'GH-003', 'normal')).toBe(true);
    expect(isMajorCase(policy, 'CG-001', 'urgent')).toBe(false);
  });
});
