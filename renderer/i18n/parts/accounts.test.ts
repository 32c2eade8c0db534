import { describe, expect, it } from 'vitest';
import { accountsMessages } from './accounts';
import { PLACE_KINDS } from '../../../shared/places';
import { ROLES } from '../../../shared/cases/loop-types';
import { ALLOWED_TYPES } from '../../attachments/formats';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function text(messages: unknown, key: string): string | undefined {
  let node: unknown = messages;
  for (const part of key.split('.'))
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

describe('account, place and attachment messages', () => {
  it('have the same keys and placeholders in Chinese and English', () => {
    const zh = accountsMessages['zh-CN'];
    const en = accountsMessages.en;
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    const placeholders = (s: string | undefined) =>
      [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys(zh)) expect(placeholders(text(en, key)), key).toEqual(placeholders(text(zh, key)));
  });

  it('cover every key the code produces', () => {
    const produced = [
      'auth.invalidCredentials',
      'auth.disabled',
      'auth.unknownUser',
      'auth.wrongPassword',
      'password.tooShort',
      'password.tooLong',
      'password.sameAsUsername',
      'password.tooFewClasses',
      'attachment.empty',
      'attachment.tooLarge',
      'attachment.caseFull',
      'attachment.typeNotAllowed',
      'attachment.contentMismatch',
      'attachment.unreadable',
      ...ROLES.map((r) => `role.${r}`),
      ...PLACE_KINDS.map((k) => `place.kind.${k}`),
      ...ALLOWED_TYPES.map((t) => `attachment.kind.${t.kind}`),
    ];
    for (const key of produced) expect(text(accountsMessages['zh-CN'], key), key).toBeTypeOf('string');
  });

  it('avoid characters vue-i18n would read as message syntax', () => {
    for (const lang of [accountsMessages['zh-CN'], accountsMessages.en]) {
      for (const key of keys(lang)) expect(text(lang, key), key).not.toMatch(/[@|$%]/);
    }
  });
});
