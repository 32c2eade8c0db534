// What the operator reads: every problem the readers name has a text in both languages, and the
// file's own words (domain names) are those the app shows.
import { describe, expect, it } from 'vitest';
import { messages } from '../../../../renderer/i18n';
import {
  DOMAIN_WORDS,
  TABLE_PROBLEM_KEYS,
  linkTeamLeaders,
  readDepartments,
  readGridWorkers,
  readMatters,
  readOfficers,
  readTeams,
  type TableProblem,
} from '../../../../shared/import/centre-tables';
import { MATTER_DOMAINS } from '../../../../shared/model/matter';
import { problemText, sheet } from './support';

function lookup(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((node, k) => (node as Record<string, unknown> | undefined)?.[k], tree);
}

describe('centre table texts', () => {
  it('has both texts for every problem a reader names', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const key of TABLE_PROBLEM_KEYS)
        expect(typeof lookup(messages[lang], key), `${lang} ${key}`).toBe('string');
    }
  });

  it('fills every placeholder of every problem the readers name, in both languages', () => {
    const teams = readTeams(
      sheet('中队.xlsx', [
        ['中队名称', '中队长', '值班电话', '职务'],
        ['第一中队', '张伟', '0523-83211001'],
        ['第二中队', '李四', '0523-83211002'],
        ['第三中队', '王五', '0523-83211003'],
        ['第一中队', '赵六', '0523-83211004'],
      ]),
    );
    const officers = readOfficers(
      sheet('人员.xlsx', [
        ['姓名', '执法证号', '中队', '电话', '终端编号'],
        ['张伟', '苏001', '第一中队', '13812345678', 'D-1'],
        ['', '苏001', '一队', '138', 'D-1'],
        ['刘一', '苏001', '第一中队', '13812345670', null],
        ['张伟', '辅助人员', '第一中队', '13812345678', null],
        ['孙七', '辅助人员', '第一中队', '13812345671', 'D-1'],
        ['王五', '苏101', '第三中队', '13812345672', null],
        ['王五', '苏102', '第三中队', '13812345673', null],
        ['【示例】陈八', '苏002', '第一中队', '13812345674', null],
      ]),
      { teams: teams.rows.map((r) => r.team) },
    );
    const linked = linkTeamLeaders(
      '中队.xlsx',
      teams.rows,
      officers.rows.map((r) => r.officer),
    );
    const matters = readMatters(
      sheet('事项.xlsx', [
        [
          '事项编码',
          '事项名称',
          '执法领域',
          '法律依据',
          '权限',
          '县级部门',
          '立案时限',
          '派遣时限',
          '处置时限',
          '核查时限',
          '需两名持证人员',
        ],
        ['SC-1', '对无证经营的行政处罚', '市场', '《办法》', '县级部门', '烟草局', 1, 1, 8, 4, '是'],
        ['SC-2', '对过期食品的行政处罚', '市场监管', '《办法》', '法定', '烟草局', 1, 1, 8, 4, '是'],
        ['SC-2', '对过期食品的行政处罚', '市场监管', '《办法》', '法定', null, 1, 1, 8, 4, '是'],
        [
          'SC-3',
          '对计量的行政处罚',
          '市场监管',
          '《办法》',
          '部门权限',
          '市场监管局',
          null,
          null,
          null,
          null,
          '是',
        ],
        ['SC-4', '对价格的行政处罚', '市场监管', '《办法》', '可能', null, '一天', null, 8, 4, '未知'],
        ['SC-5', '对广告的行政处罚', '市场监管', '《办法》', '赋权', null, 1, 1, 8, null, '否'],
      ]),
      { departments: [{ id: 'dept-sc', name: '兴化市市场监督管理局', shortName: '市场监管局' }] },
    );
    const workers = readGridWorkers(
      sheet('网格员.xlsx', [
        ['姓名', '电话', '网格编码'],
        ['王芳', '13712345678', '123'],
      ]),
    );
    const noRows = readDepartments(sheet('部门.xlsx', [['部门名称']]));
    const noColumn = readDepartments(sheet('单位.xlsx', [['简称'], ['水务局']]));
    const examples = readDepartments(sheet('示例.xlsx', [['部门名称'], ['【示例】兴化市水务局']]));
    const problems: TableProblem[] = [
      teams,
      officers,
      linked,
      matters,
      workers,
      noRows,
      noColumn,
      examples,
    ].flatMap((read) => [...read.problems]);
    expect(new Set(problems.map((p) => p.key))).toEqual(new Set(TABLE_PROBLEM_KEYS));
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const p of problems) {
        const text = problemText(p, lang);
        expect(text, p.key).toContain(p.params.file);
        expect(text, `${lang} ${p.key}: ${text}`).not.toMatch(/[{}]/);
        if (p.params.row !== undefined) expect(text, p.key).toContain(String(p.params.row));
        if (p.params.column !== undefined) expect(text, p.key).toContain(String(p.params.column));
      }
    }
  });

  it('writes domain names as the app shows them', () => {
    for (const domain of MATTER_DOMAINS) {
      for (const lang of ['zh-CN', 'en'] as const) {
        expect(DOMAIN_WORDS[domain][lang]).toBe(lookup(messages[lang], `settings.domain.${domain}`));
      }
    }
  });
});
