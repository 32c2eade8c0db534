/**
 * The password policy (口令策略) for local accounts. Kept modest on purpose: the workstation sits in a
 * locked command centre and the threat is a guessed or shared password, not an offline attack on
 * millions of hashes. Lengths are counted in Unicode code points, so Chinese characters count one each.
 */
import { normalizeUsername } from './account';

/** Minimum password length in characters. */
export const PASSWORD_MIN_LENGTH = 8;
/** Maximum password length in characters (a guard against pasting a file into the field). */
export const PASSWORD_MAX_LENGTH = 256;
/** Minimum number of character classes: lower case, upper case, digits, anything else. */
export const PASSWORD_MIN_CLASSES = 2;

export type PasswordProblemKey =
  'password.tooShort' | 'password.tooLong' | 'password.sameAsUsername' | 'password.tooFewClasses';

/** One reason a password is refused, as an i18n key with the numbers its message names. */
export interface PasswordProblem {
  readonly key: PasswordProblemKey;
  readonly params: Readonly<Record<string, number>>;
}

/**
 * How many of the four classes (a–z, A–Z, 0–9, anything else incl. CJK and symbols) a text uses,
 * after NFKC folding: a full-width ２ counts as a digit, as it would be typed on another keyboard.
 */
export function characterClasses(password: string): number {
  const classes = new Set<string>();
  for (const ch of password.normalize('NFKC')) {
    if (/[a-z]/.test(ch)) classes.add('lower');
    else if (/[A-Z]/.test(ch)) classes.add('upper');
    else if (/[0-9]/.test(ch)) classes.add('digit');
    else if (!/\s/.test(ch)) classes.add('other');
  }
  return classes.size;
}

/**
 * Everything wrong with a new password for `username`; empty when it is acceptable. A password equal
 * to the username is refused whatever its case or width (ＺｈｉＢａｎ and zhiban are the same name).
 */
export function passwordProblems(password: string, username: string): readonly PasswordProblem[] {
  const problems: PasswordProblem[] = [];
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    problems.push({ key: 'password.tooShort', params: { min: PASSWORD_MIN_LENGTH } });
  }
  if (length > PASSWORD_MAX_LENGTH) {
    problems.push({ key: 'password.tooLong', params: { max: PASSWORD_MAX_LENGTH } });
  }
  if (username.trim() !== '' && normalizeUsername(password) === normalizeUsername(username)) {
    problems.push({ key: 'password.sameAsUsername', params: {} });
  }
  if (characterClasses(password) < PASSWORD_MIN_CLASSES) {
    problems.push({ key: 'password.tooFewClasses', params: { min: PASSWORD_MIN_CLASSES } });
  }
  return problems;
}
