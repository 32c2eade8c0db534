// Matters sheets (the power list): every problem the reader names on a hand-made sheet.
import { describe, expect, it } from 'vitest';
import { parseHours, readMatters } from '../../../../shared/import/centre-tables';
import { SAMPLE_DEPARTMENTS } from '../../../../shared/sample/departments';
import { csv, problemText, sheet, where } from './support';

const HEADER = [
  '事项编码',
  '事项名称',
  '执法领域',
  '法律依据',
  '权限',
  '县级部门',
  '立案时限（工作小时）',
  '派遣时限（工作小时）',
  '处置时限（工作小时）',
  '核查时限（工作小时）',
  '需两名持证人员',
];
const ctx = { departments: SAMPLE_DEPARTMENTS };

describe('problems on a matters sheet', () => {
  it('names every problem by file, row and column', () => {
    const read = readMatters(
      sheet('事项.xlsx', [
        HEADER,
        ['CG-1', '对占道经营的行政处罚', '城管', '《条例》第一条', '赋权', null, 1, 1, 8, 4, '是'],
        ['CG-2', '对乱张贴的行政处罚', '城市美化', '《条例》第二条', '赋权', null, 1, 1, 8, 4, '是'],
        ['CG-3', '对乱倒垃圾的行政处罚', '城市管理', '《条例》第三条', '赋权', null, 1, null, 8, null, '是'],
        [
          'SC-1',
          '对无证经营的行政处罚',
          '市场监管',
          '《办法》第一条',
          '县级部门',
          '县烟草专卖局',
          2,
          2,
          40,
          8,
          '是',
        ],
        ['SC-2', '对过期食品的行政处罚', '市场监管', '《食品安全法》', '县级部门', null, 2, 2, 40, 8, '是'],
        ['CG-4', '对夜间施工的行政处罚', '城市管理', null, '委派', null, '两天', 1, 8, 4, '也许'],
        ['CG-1', '对店外经营的行政处罚', '城市管理', '《条例》第五条', '法定', null, 1, 1, 8, 4, null],
        ['SW-1', '对河道采砂的行政处罚', '水利', '《水法》', '委托', '水务局', 2, 2, 40, 8, '否'],
      ]),
      ctx,
    );
    expect(where(read.problems)).toEqual([
      'badDomain@3:执法领域',
      'missingLimit@4:派遣时限（工作小时）',
      'missingLimit@4:核查时限（工作小时）',
      'unknownDepartment@5:县级部门',
      'missingValue@6:县级部门',
      'missingValue@7:法律依据',
      'badAuthority@7:权限',
      'badHours@7:立案时限（工作小时）',
      'badYesNo@7:需两名持证人员',
      'duplicateCode@8:事项编码',
      'departmentIgnored@9:县级部门',
    ]);
    expect(read.rows.map((r) => [r.row, r.matter.code, r.matter.authority])).toEqual([
      [2, 'CG-1', { kind: 'township', basis: 'granted' }],
      [9, 'SW-1', { kind: 'township', basis: 'delegated' }],
    ]);
    const text = read.problems.map((p) => problemText(p));
    expect(text[0]).toBe('事项.xlsx 第 3 行：“执法领域”的值“城市美化”不是执法领域，请按说明页填写');
    expect(text[1]).toBe('事项.xlsx 第 4 行：“派遣时限（工作小时）”为空，乡镇权限的事项须填写各阶段时限');
    expect(text[3]).toBe('事项.xlsx 第 5 行：“县级部门”的值“县烟草专卖局”不是已有的县级部门');
    expect(text[9]).toBe('事项.xlsx 第 8 行：事项编码“CG-1”与第 2 行重复');
  });

  it('gives a department matter without limits the default limits, and says so', () => {
    const read = readMatters(
      csv('matters.csv', [
        ['Code', 'Name', 'Domain', 'Legal basis', 'Power', 'County department'],
        ['SC-9', '对计量器具的行政处罚', 'market-regulation', '《计量法》', 'department', '市场监管局'],
        ['CG-9', '对占道洗车的行政处罚', 'Urban management', '《条例》', 'statutory', ''],
      ]),
      ctx,
    );
    expect(where(read.problems)).toEqual([
      'defaultLimits@2',
      'missingLimit@3:Register limit (working hours)',
      'missingLimit@3:Dispatch limit (working hours)',
      'missingLimit@3:Handling limit (working hours)',
      'missingLimit@3:Verification limit (working hours)',
    ]);
    expect(problemText(read.problems[0]!, 'en')).toBe(
      'matters.csv row 2: a county department matter without limits gets the defaults (register 2, dispatch 2, handle 40, verify 8 working hours)',
    );
    expect(read.rows.map((r) => r.matter.authority)).toEqual([
      { kind: 'department', departmentId: 'dept-sc' },
    ]);
  });

  it('reads working hours as sheets write them', () => {
    expect(['8', '0.5', '8小时', '40 工作小时', '2h', '３'].map(parseHours)).toEqual([8, 0.5, 8, 40, 2, 3]);
    expect(['-1', '两天', '3个工作日', '', '1e3'].map(parseHours)).toEqual([null, null, null, null, null]);
  });
});
