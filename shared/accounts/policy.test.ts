import { describe, expect, it } from 'vitest';
import { characterClasses, passwordProblems } from './policy';

const keys = (password: string, username = 'zhiban') =>
  passwordProblems(password, username).map((p) => p.key);

describe('passwordProblems', () => {
  it('accepts a password of eight characters in two classes', () => {
    expect(keys('zhiban2026')).toEqual([]);
    expect(keys('abcdefg1')).toEqual([]);
    expect(keys('值班密码2026')).toEqual([]);
  });

  it('refuses fewer than eight characters, counting a Chinese character as one', () => {
    expect(keys('abc1234')).toEqual(['password.tooShort']);
    expect(passwordProblems('abc1234', 'zhiban')[0]?.params).toEqual({ min: 8 });
    expect(keys('值班密码12')).toEqual(['password.tooShort']);
  });

  it('refuses a password in a single character class', () => {
    expect(keys('abcdefgh')).toEqual(['password.tooFewClasses']);
    expect(keys('12345678')).toEqual(['password.tooFewClasses']);
    expect(keys('ABCDEFGH')).toEqual(['password.tooFewClasses']);
  });

  it('refuses the username as the password, whatever its case or width', () => {
    expect(keys('daiban2026', 'daiban2026')).toEqual(['password.sameAsUsername']);
    expect(keys('Daiban2026', 'daiban2026')).toEqual(['password.sameAsUsername']);
    expect(keys('ｄａｉｂａｎ２０２６', 'daiban2026')).toEqual(['password.sameAsUsername']);
    expect(keys('daiban2026', 'daiban')).toEqual([]);
  });

  it('lists every problem at once', () => {
    expect(keys('wall', 'wall')).toEqual([
      'password.tooShort',
      'password.sameAsUsername',
      'password.tooFewClasses',
    ]);
    expect(keys('')).toEqual(['password.tooShort', 'password.tooFewClasses']);
  });

  it('refuses an absurdly long password', () => {
    expect(keys('a1'.repeat(200))).toEqual(['password.tooLong']);
  });
});

describe('characterClasses', () => {
  it('counts lower, upper, digits and everything else, ignoring spaces', () => {
    expect(characterClasses('')).toBe(0);
    expect(characterClasses('a b')).toBe(1);
    expect(characterClasses('aB')).toBe(2);
    expect(characterClasses('aB3')).toBe(3);
    expect(characterClasses('aB3!')).toBe(4);
    expect(characterClasses('值班')).toBe(1);
    expect(characterClasses('ａｂ１２')).toBe(2);
  });
});
