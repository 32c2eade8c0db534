import { describe, expect, it } from 'vitest';
import { FOLD_AFTER, foldRepeatedWarnings } from './fold';
import type { SetupProblem } from './from-files';

const warn = (key: string, file: string, feature?: number): SetupProblem => ({
  severity: 'warning',
  key,
  params: feature === undefined ? { file } : { file, feature },
});
const error = (key: string, file: string, feature: number): SetupProblem => ({
  ...warn(key, file, feature),
  severity: 'error',
});

describe('folding repeated warnings', () => {
  it('leaves up to FOLD_AFTER warnings of a kind one by one', () => {
    const few = Array.from({ length: FOLD_AFTER }, (_, i) => warn('a', 'g.zip', i + 1));
    expect(foldRepeatedWarnings(few)).toEqual(few);
  });

  it('folds more into the first, with the count and the first five features, where the first stood', () => {
    const problems = [
      warn('other', 'g.zip'),
      ...Array.from({ length: 86 }, (_, i) => warn('ring', 'g.zip', i + 1)),
      warn('last', 'g.zip'),
    ];
    expect(foldRepeatedWarnings(problems)).toEqual([
      warn('other', 'g.zip'),
      { ...warn('ring', 'g.zip', 1), repeats: { count: 86, features: [1, 2, 3, 4, 5] } },
      warn('last', 'g.zip'),
    ]);
  });

  it('never folds errors, and keeps kinds of different files apart', () => {
    const errors = Array.from({ length: 5 }, (_, i) => error('ring', 'g.zip', i + 1));
    const mixed = [
      ...errors,
      ...[1, 2, 3, 4].map((f) => warn('ring', 'a.kml', f)),
      ...[1, 2].map((f) => warn('ring', 'b.kml', f)),
    ];
    expect(foldRepeatedWarnings(mixed)).toEqual([
      ...errors,
      { ...warn('ring', 'a.kml', 1), repeats: { count: 4, features: [1, 2, 3, 4] } },
      warn('ring', 'b.kml', 1),
      warn('ring', 'b.kml', 2),
    ]);
  });

  it('folds file-wide warnings with a count and no features', () => {
    const folded = foldRepeatedWarnings(Array.from({ length: 4 }, () => warn('sheet', 'teams.xlsx')));
    expect(folded).toEqual([{ ...warn('sheet', 'teams.xlsx'), repeats: { count: 4, features: [] } }]);
  });
});
