/**
 * Grid codes as a file writes them: checked by parseGridCode, required to start with the centre's
 * county and township codes, and unique in the file.
 */
import { parseGridCode, type GridCode, type GridCodeError } from '../../grid/code';
import type { CentreIssueKey, IssueList } from './report';

const CODE_KEYS: Readonly<Record<GridCodeError['key'], CentreIssueKey>> = {
  'gridCode.notString': 'centreImport.code.missing',
  'gridCode.length': 'centreImport.code.length',
  'gridCode.nonDigit': 'centreImport.code.nonDigit',
  'gridCode.province': 'centreImport.code.province',
  'gridCode.countyZero': 'centreImport.code.countyZero',
  'gridCode.townshipZero': 'centreImport.code.townshipZero',
  'gridCode.communityZero': 'centreImport.code.communityZero',
  'gridCode.sequenceZero': 'centreImport.code.sequenceZero',
};

/** Checks the codes of the features; null where the feature's code is refused (an error says why). */
export function checkGridCodes(
  texts: readonly string[],
  field: string,
  prefix: string,
  issues: IssueList,
): (GridCode | null)[] {
  const first = new Map<string, number>();
  return texts.map((value, index) => {
    if (value === '') {
      issues.feature('error', 'centreImport.code.missing', index, { field });
      return null;
    }
    const parsed = parseGridCode(value);
    if (!parsed.ok) {
      const { key, ...rest } = parsed.error;
      issues.feature('error', CODE_KEYS[key], index, { field, value, ...rest });
      return null;
    }
    if (!value.startsWith(prefix)) {
      issues.feature('error', 'centreImport.code.otherTownship', index, {
        field,
        value,
        actual: value.slice(0, 9),
        expected: prefix,
      });
      return null;
    }
    const seen = first.get(value);
    if (seen !== undefined) {
      issues.feature('error', 'centreImport.code.duplicate', index, { field, value, firstFeature: seen + 1 });
      return null;
    }
    first.set(value, index);
    return parsed.code;
  });
}
