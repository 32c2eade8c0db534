import { describe, expect, it } from 'vitest';
import { basemapSourcesMessages } from './basemap-sources';
import { messages } from '../index';
import { LOCAL_PROBLEM_KEYS } from '../../../shared/tiles/local-files';
import { WMTS_SOURCE_PROBLEM_KEYS } from '../../../shared/tiles/wmts-source';
import { VECTOR_PROBE_KEYS } from '../../../shared/tiles/vector-probe';
import { BASEMAP_CHOICES, BASEMAP_ISSUE_KEYS } from '../../../shared/tiles/basemaps';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k));
}

function text(tree: unknown, key: string): string | undefined {
  let node: unknown = tree;
  for (const part of key.split('.'))
    node = typeof node === 'object' && node !== null ? (node as Record<string, unknown>)[part] : undefined;
  return typeof node === 'string' ? node : undefined;
}

describe('WMTS and local tile file messages', () => {
  it('have the same keys and placeholders in Chinese and English', () => {
    const zh = basemapSourcesMessages['zh-CN'];
    const en = basemapSourcesMessages.en;
    expect(keys(en).sort()).toEqual(keys(zh).sort());
    const placeholders = (s: string | undefined) =>
      [...(s ?? '').matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of keys(zh)) expect(placeholders(text(en, key)), key).toEqual(placeholders(text(zh, key)));
  });

  it('cover every key the code produces, in both languages', () => {
    for (const lang of ['zh-CN', 'en'] as const) {
      for (const key of [
        ...LOCAL_PROBLEM_KEYS,
        ...WMTS_SOURCE_PROBLEM_KEYS,
        ...VECTOR_PROBE_KEYS,
        'basemap.vector.formats.raster',
        'basemap.vector.formats.vector',
        'basemap.vector.tones.map',
        'basemap.vector.tones.imagery',
        ...BASEMAP_ISSUE_KEYS,
        ...BASEMAP_CHOICES.map((c) => `basemap.choice.${c}`),
        'basemap.local.notTiles',
        'basemap.choice.noWmts',
        'basemap.choice.noLocal',
      ])
        expect(text(messages[lang], key), `${lang} ${key}`).toBeTypeOf('string');
    }
  });
});
