import { describe, expect, it } from 'vitest';
import { createAppI18n, LOCALES, messages } from './index';
import { messageText } from './message-text';
import { applyAction } from '../../shared/cases/state-machine';
import { ALL_STAGES } from '../../shared/model/case';
import { CASE_ACTION_TYPES, ROLES, type CaseAction, type LoopRefusal } from '../../shared/cases/loop-types';
import { LEADER, OPERATOR, REPORTED, T0, VIEWER, validAction } from '../../shared/cases/test-actions';
import { convertRows } from '../../shared/import/convert';
import { IMPORT_FIELDS } from '../../shared/import/mapping';
import { makeFixtureDataset } from '../../shared/schema/test-fixture';

const zh = createAppI18n('zh-CN').global;
const en = createAppI18n('en').global;
type Translate = Parameters<typeof messageText>[0];
const text = (locale: typeof zh, key: string, params: Record<string, unknown> = {}): string =>
  messageText(locale.t as Translate, locale.te, key, params);

/** Any Latin letter: a zh-CN message built from our own texts and numbers has none. */
const LATIN = /[A-Za-z]/;

/** Every field a case action's payload carries, from one valid action of every type, and the payload itself. */
const PAYLOAD_FIELDS = [
  ...new Set([
    'payload',
    'major',
    'attachmentIds',
    ...CASE_ACTION_TYPES.flatMap((type) => Object.keys(validAction(type).payload ?? {})),
  ]),
];

const refusal = (result: ReturnType<typeof applyAction>): LoopRefusal => {
  if (result.ok) throw new Error('expected a refusal');
  return result.reason;
};

function leaves(tree: unknown, prefix = ''): [string, unknown][] {
  if (typeof tree !== 'object' || tree === null) return [[prefix, tree]];
  return Object.entries(tree).flatMap(([k, v]) => leaves(v, prefix ? `${prefix}.${k}` : k));
}
const placeholders = (s: string): string[] => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))];

describe('a refusal of the case loop as the operator reads it', () => {
  it('names the action in Chinese when the role may not take it', () => {
    const reason = refusal(applyAction(REPORTED, validAction('register'), VIEWER, T0));
    expect(text(zh, reason.key, reason.params)).toBe('当前角色无权执行“立案”');
    expect(text(en, reason.key, reason.params)).toBe('Your role may not “Register”');
  });

  it('names the stage and the action in Chinese when the stage does not allow it', () => {
    const reason = refusal(applyAction(REPORTED, validAction('dispatch'), OPERATOR, T0));
    expect(text(zh, reason.key, reason.params)).toBe('案件处于“上报”阶段，不能执行“派遣”');
  });

  it('names a payload field in Chinese when it is invalid', () => {
    const bad = refusal(
      applyAction(
        REPORTED,
        { type: 'register', payload: { major: 'yes' } } as unknown as CaseAction,
        LEADER,
        T0,
      ),
    );
    expect(text(zh, bad.key, bad.params)).toBe('“立案”的重大案件标记无效');
  });

  it('never shows an internal action, stage, role or field name in any zh-CN loop message', () => {
    const samples: Record<string, readonly string[]> = {
      action: CASE_ACTION_TYPES,
      stage: ALL_STAGES,
      role: ROLES,
      field: PAYLOAD_FIELDS,
    };
    const loopKeys = leaves(messages['zh-CN'].loop, 'loop').concat(
      leaves(messages['zh-CN'].case, 'case'),
      leaves(messages['zh-CN'].auth, 'auth'),
    );
    // unknownAction echoes a name nobody knows: there is no Chinese for it.
    for (const [key, template] of loopKeys.filter(([key]) => key !== 'loop.unknownAction')) {
      const names = placeholders(String(template));
      for (const name of names) {
        for (const value of samples[name] ?? ['12']) {
          const params = Object.fromEntries(
            names.map((n) => [n, n === name ? value : (samples[n]?.[0] ?? '12')]),
          );
          const shown = text(zh, key, params);
          expect(LATIN.test(shown), `${key} with ${name}=${value}: ${shown}`).toBe(false);
        }
      }
    }
  });
});

describe('an import rejection as the operator reads it', () => {
  const matters = makeFixtureDataset().matters;
  const table = {
    fileName: '工单.csv',
    format: 'csv' as const,
    encoding: 'utf-8' as const,
    headers: ['来电时间', '诉求内容', '事发地址'],
    headerRow: 1,
    rows: [{ rowNumber: 2, cells: ['2026-11-20 09:15:00', '店外占道', '兴化路 1 号'] }],
  };

  it('names a field without a column by its Chinese name, never its id', () => {
    const result = convertRows(
      table,
      { reportedAt: 0, description: 1, address: 2 },
      { coordSystem: 'wgs84', matters },
    );
    const shown = result.rejected.map((r) => text(zh, r.key, r.params));
    expect(shown).toEqual(['工单.csv 第 2 行：“诉求分类”为空']);
  });

  it('never shows a field id in any zh-CN import message', () => {
    const importKeys = leaves(messages['zh-CN'].import, 'import');
    for (const [key, template] of importKeys) {
      const names = placeholders(String(template));
      if (!names.includes('field') && !names.includes('column')) continue;
      for (const field of IMPORT_FIELDS) {
        const params = Object.fromEntries(names.map((n) => [n, '12']));
        const shown = text(zh, key, { ...params, file: '工单.csv', field, column: field });
        expect(LATIN.test(shown.replace('工单.csv', '')), `${key} with ${field}: ${shown}`).toBe(false);
      }
    }
  });
});

describe('every message and every name', () => {
  it('has a non-empty text in both languages', () => {
    for (const locale of LOCALES) {
      for (const [key, value] of leaves(messages[locale])) {
        expect(typeof value === 'string' && value.trim() !== '', `${locale} ${key}`).toBe(true);
      }
    }
  });

  it('has a zh-CN and an English name for every action, stage, role, payload field and import field', () => {
    const names = [
      ...CASE_ACTION_TYPES.map((a) => `action.${a}`),
      ...ALL_STAGES.map((s) => `stage.${s}`),
      ...ROLES.map((r) => `role.${r}`),
      ...PAYLOAD_FIELDS.map((f) => `payloadField.${f}`),
      ...IMPORT_FIELDS.map((f) => `importField.${f}`),
    ];
    for (const key of names) {
      expect(zh.te(key, 'zh-CN'), `zh-CN ${key}`).toBe(true);
      expect(en.te(key, 'en'), `en ${key}`).toBe(true);
    }
  });
});
