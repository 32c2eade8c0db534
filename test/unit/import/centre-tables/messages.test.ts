// What the operator reads: every problem the readers name has a text in both languages, and the
// file's own words (domain names) are those the app shows.
import { describe, expect, it } from 'vitest';
import { messages } from '../../../../renderer/i18n';
import {
  DOMAIN_WORDS,
  TABLE_PROBLEM_KEYS,
  readMatters,
  readOfficers,
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

  it('fills every placeholder of the problems it names, in both languages', () => {
    const officers = readOfficers(
      sheet('人员.xlsx', [
        ['姓名', '执法证号', '中队', '电话', '终端编号', '职务'],
        ['张伟', '苏001', '一队', '138', 'D-1'],
      ]),
      { teams: [] },
    );
    const matters = readMatters(
      sheet('事项.xlsx', [
        ['事项编码', '事项名称', '执法领域', '法律依据', '权限', '县级部门'],
        ['SC-1', '对无证经营的行政处罚', '市场', '《办法》', '县级部门', '烟草局'],
        ['SC-2', '对过期食品的行政处罚', '市场监管', '《办法》', '法定', '烟草局'],
      ]),
      { departments: [] },
    );
    const problems = [...officers.problems, ...matters.problems];
    expect(problems.length).toBeGreaterThan(5);
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const p of problems) {
        const text = problemText(p, lang);
        expect(text, p.key).toContain(p.params.file);
        expect(text, p.key).not.toMatch(/[{}]/);
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
