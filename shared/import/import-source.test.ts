import { describe, expect, it } from 'vitest';
import { categoryKey } from './category-match';
import {
  EMPTY_IMPORT_SOURCES,
  MAX_IMPORT_SOURCES,
  findSource,
  parseImportSources,
  rememberSource,
  sourceKey,
  type ImportSourceMemory,
} from './import-source';

const HOTLINE_A = ['工单编号', '受理时间', '诉求类型', '诉求地址', '诉求内容', '经度', '纬度'];
const HOTLINE_B = ['编号', '来电时间', '问题分类', '地址', '反映内容', 'lng', 'lat'];

describe('sourceKey', () => {
  it('is the same for two exports with the same columns, whatever their spacing, and differs otherwise', () => {
    expect(sourceKey(HOTLINE_A)).toBe(sourceKey(HOTLINE_A.map((h) => ` ${h} `)));
    expect(sourceKey(HOTLINE_A)).not.toBe(sourceKey(HOTLINE_B));
    expect(sourceKey(HOTLINE_A)).not.toBe(sourceKey([...HOTLINE_A].reverse()));
  });
});

describe('rememberSource', () => {
  const a = sourceKey(HOTLINE_A);
  const b = sourceKey(HOTLINE_B);

  it('remembers the coordinate system and category choices per source, keyed by category key', () => {
    const memory = rememberSource(EMPTY_IMPORT_SOURCES, {
      key: a,
      label: '11月导出.csv',
      coordSystem: 'gcj02',
      categories: { '环境脏乱差 ': 'CG-005', 其他: '' },
      at: 1000,
    });
    expect(findSource(memory, a)).toEqual({
      key: a,
      label: '11月导出.csv',
      coordSystem: 'gcj02',
      categories: { [categoryKey('环境脏乱差')]: 'CG-005' },
      updatedAt: 1000,
    });
    expect(findSource(memory, b)).toBeUndefined();
    expect(EMPTY_IMPORT_SOURCES.sources).toEqual([]);
  });

  it('keeps one source’s choices apart from another’s, and earlier choices unless chosen anew', () => {
    let memory = rememberSource(EMPTY_IMPORT_SOURCES, {
      key: a,
      label: 'a.csv',
      coordSystem: 'gcj02',
      categories: { 环境脏乱差: 'CG-005', 门口乱: 'CG-018' },
      at: 1,
    });
    memory = rememberSource(memory, { key: b, label: 'b.csv', coordSystem: 'bd09', categories: {}, at: 2 });
    memory = rememberSource(memory, {
      key: a,
      label: 'a-12月.csv',
      coordSystem: null,
      categories: { 环境脏乱差: 'CG-019' },
      at: 3,
    });
    expect(findSource(memory, a)).toMatchObject({
      label: 'a.csv',
      coordSystem: 'gcj02',
      categories: { [categoryKey('环境脏乱差')]: 'CG-019', [categoryKey('门口乱')]: 'CG-018' },
      updatedAt: 3,
    });
    expect(findSource(memory, b)).toMatchObject({ coordSystem: 'bd09', categories: {} });
  });

  it('keeps the most recently confirmed sources when there are too many', () => {
    let memory: ImportSourceMemory = EMPTY_IMPORT_SOURCES;
    for (let k = 0; k <= MAX_IMPORT_SOURCES; k++) {
      memory = rememberSource(memory, {
        key: `s${k}`,
        label: '',
        coordSystem: 'wgs84',
        categories: {},
        at: k,
      });
    }
    expect(memory.sources).toHaveLength(MAX_IMPORT_SOURCES);
    expect(findSource(memory, 's0')).toBeUndefined();
    expect(findSource(memory, `s${MAX_IMPORT_SOURCES}`)).toBeDefined();
  });
});

describe('parseImportSources', () => {
  it('reads back what was remembered and refuses anything else, naming where', () => {
    const memory = rememberSource(EMPTY_IMPORT_SOURCES, {
      key: 'k',
      label: 'x.csv',
      coordSystem: 'bd09',
      categories: { 脏乱: 'CG-005' },
      at: 5,
    });
    expect(parseImportSources(JSON.parse(JSON.stringify(memory)))).toEqual({ ok: true, memory });
    const bad = parseImportSources({ version: 1, sources: [{ ...memory.sources[0], coordSystem: 'utm' }] });
    expect(bad).toMatchObject({ ok: false });
    expect(bad.ok ? '' : bad.issue).toContain('sources.0.coordSystem');
    expect(parseImportSources({ version: 2, sources: [] }).ok).toBe(false);
  });
});
