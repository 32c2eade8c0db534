import { describe, expect, it } from 'vitest';
import { DEFAULT_CALENDAR } from '../calendar/holidays';
import { departmentScorecards } from './departments';
import { bj, HOUR, indicatorCase } from './test-cases';

const where = { teamId: 't1', gridCode: 'g1' };
const whistle = (departmentId: string) => ({ type: 'whistle', payload: { departmentId } });
const rate = (response: number, completion: number, satisfaction: number, departmentId?: string) => ({
  type: 'rateWhistle',
  payload: { response, completion, satisfaction, ...(departmentId === undefined ? {} : { departmentId }) },
});

describe('departmentScorecards', () => {
  const cases = [
    // Answered in 2 working hours (09:00–11:00), rated 4/5/3.
    indicatorCase('1', where, [
      [bj(2, 8, 30), 'register'],
      [bj(2, 9), whistle('dept-env')],
      [bj(2, 11), 'respondWhistle'],
      [bj(3, 10), rate(4, 5, 3)],
    ]),
    // Called Friday 17:00, answered Monday 09:00: 0.5 h + 0.5 h; rated 2/3/5.
    indicatorCase('2', where, [
      [bj(6, 16), 'register'],
      [bj(6, 17), whistle('dept-env')],
      [bj(9, 9), 'respondWhistle'],
      [bj(9, 10), rate(2, 3, 5)],
    ]),
    // Never answered; a rating out of range is ignored.
    indicatorCase('3', where, [
      [bj(2, 8, 30), 'register'],
      [bj(2, 9), whistle('dept-env')],
      [bj(2, 10), rate(6, 5, 5)],
    ]),
    // A second department, rated by name, answered in 1 h.
    indicatorCase('4', where, [
      [bj(2, 8, 30), 'register'],
      [bj(2, 9), whistle('dept-agri')],
      [bj(2, 10), 'respondWhistle'],
      [bj(2, 11), rate(5, 5, 5, 'dept-agri')],
    ]),
  ];
  const cards = departmentScorecards(cases, DEFAULT_CALENDAR);

  it('makes one scorecard per department, sorted by id', () => {
    expect(cards.map((c) => [c.departmentId, c.whistles, c.responded])).toEqual([
      ['dept-agri', 1, 1],
      ['dept-env', 3, 2],
    ]);
  });

  it('averages response time over answered whistles in working time', () => {
    expect(cards[1]?.averageResponseMs).toEqual({ numerator: 3 * HOUR, denominator: 2, value: 1.5 * HOUR });
    expect(cards[0]?.averageResponseMs.value).toBe(1 * HOUR);
  });

  it('averages the three ratings over valid ratings', () => {
    expect(cards[1]?.response).toEqual({ numerator: 6, denominator: 2, value: 3 });
    expect(cards[1]?.completion.value).toBe(4);
    expect(cards[1]?.satisfaction.value).toBe(4);
    expect(cards[0]?.satisfaction).toEqual({ numerator: 5, denominator: 1, value: 5 });
  });

  it('is empty without whistles', () => {
    expect(
      departmentScorecards([indicatorCase('5', where, [[bj(2, 9), 'register']])], DEFAULT_CALENDAR),
    ).toEqual([]);
  });
});
