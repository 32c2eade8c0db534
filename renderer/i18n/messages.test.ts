import { describe, expect, it } from 'vitest';
import { zhCN } from './zh-CN';
import { en } from './en';
import { messages } from './index';
import { LOOP_REFUSAL_KEYS } from '../../shared/cases/loop-types';
import { ISSUE_MESSAGES_ZH } from './issues';
import { ISSUE_MESSAGES_EN } from '../../shared/schema/issues';
import { GEO_ISSUE_KEYS } from '../../shared/import/geo/result';
import { EXPORT_COLUMNS } from '../../shared/export/geo/layers';
import { GEO_EXPORT_KEYS } from '../../shared/export/geo/result';
import { CENTRE_FIELDS, CENTRE_ISSUE_KEYS } from '../../shared/import/centre';
import { PLACE_ISSUE_KEYS } from '../../shared/import/centre/places';
import { TEMPLATE_PROBLEM_KEYS, TILE_ANSWER_KEYS } from '../../shared/tiles/endpoint';
import { WMTS_PROBLEM_KEYS } from '../../shared/tiles/wmts';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

describe('interface languages', () => {
  it('has an English text for every Chinese message and no more', () => {
    expect(keys(en).sort()).toEqual(keys(zhCN).sort());
  });

  it('has an English text for every Chinese message of every feature part, with the same placeholders', () => {
    expect(keys(messages.en).sort()).toEqual(keys(messages['zh-CN']).sort());
    const placeholders = (s: string) => [...new Set([...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]))].sort();
    const lookup = (tree: unknown, key: string): string =>
      key.split('.').reduce<unknown>((node, k) => (node as Record<string, unknown>)[k], tree) as string;
    for (const key of keys(messages['zh-CN'])) {
      expect(placeholders(lookup(messages.en, key)), key).toEqual(
        placeholders(lookup(messages['zh-CN'], key)),
      );
    }
  });

  it('names every refusal of the case loop', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const refusalKeys = [
        ...Object.keys(messages[lang].loop).map((k) => `loop.${k}`),
        ...Object.keys(messages[lang].evidence).map((k) => `evidence.${k}`),
      ];
      for (const key of LOOP_REFUSAL_KEYS) expect(refusalKeys, lang).toContain(key);
    }
  });

  it('has both texts for every problem a geographic file reader names', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const texts = new Set(keys(messages[lang]));
      for (const key of GEO_ISSUE_KEYS) expect(texts.has(key), `${lang} ${key}`).toBe(true);
      // Archive refusals keep the shared zip.* texts.
      expect(texts.has('zip.corrupt'), lang).toBe(true);
    }
  });

  it('has both texts for every problem a geographic writer names and every exported column', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const texts = new Set(keys(messages[lang]));
      for (const key of GEO_EXPORT_KEYS) expect(texts.has(key), `${lang} ${key}`).toBe(true);
      for (const [layer, columns] of Object.entries(EXPORT_COLUMNS)) {
        for (const column of columns) {
          const key = `geoExport.column.${layer}.${column}`;
          expect(texts.has(key), `${lang} ${key}`).toBe(true);
        }
      }
    }
  });

  it('has both texts for every problem of a basemap: its template, its WMTS server, its tiles, a download', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const texts = new Set(keys(messages[lang]));
      for (const key of [
        ...TEMPLATE_PROBLEM_KEYS,
        ...WMTS_PROBLEM_KEYS,
        ...TILE_ANSWER_KEYS,
        'basemap.download.tooMany',
        'basemap.answer.notFound',
      ])
        expect(texts.has(key), `${lang} ${key}`).toBe(true);
    }
  });

  it('has both texts for every problem of setting up a centre and every field it maps', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      const texts = new Set(keys(messages[lang]));
      for (const key of CENTRE_ISSUE_KEYS) expect(texts.has(key), `${lang} ${key}`).toBe(true);
      for (const key of PLACE_ISSUE_KEYS) expect(texts.has(key), `${lang} ${key}`).toBe(true);
      for (const [kind, fields] of Object.entries(CENTRE_FIELDS)) {
        for (const field of fields) {
          const key = `centreImport.field.${kind}.${field}`;
          expect(texts.has(key), `${lang} ${key}`).toBe(true);
        }
      }
    }
  });

  it('has a Chinese text for every dataset issue key', () => {
    expect(Object.keys(ISSUE_MESSAGES_ZH).sort()).toEqual(Object.keys(ISSUE_MESSAGES_EN).sort());
  });

  it('keeps the same placeholders in both languages', () => {
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const [key, text] of Object.entries(ISSUE_MESSAGES_EN)) {
      expect(placeholders(ISSUE_MESSAGES_ZH[key as keyof typeof ISSUE_MESSAGES_EN]), key).toEqual(
        placeholders(text),
      );
    }
  });
});
