import { describe, expect, it } from 'vitest';
import { guessMapping } from '../../../../shared/import/centre';
import { code, square } from './shapes';

const one = (properties: Record<string, unknown>) => [square(properties, 120, 30, 120.01, 30.01)];

describe('guessing which field holds what', () => {
  it('reads the Chinese names a surveying bureau writes', () => {
    const mapping = guessMapping(
      'grids',
      one({
        网格编码: code(1, 1),
        网格名称: '梅村第一网格',
        所属社区: '梅村社区',
        社区编码: '001',
        巡查片区: '中心片区',
        执法中队: '第一中队',
        网格员: '张三',
        网格员电话: '13800000000',
      }),
    );
    expect(mapping).toEqual({
      code: '网格编码',
      name: '网格名称',
      communityName: '所属社区',
      communityCode: '社区编码',
      patrolArea: '巡查片区',
      team: '执法中队',
      gridWorkerName: '网格员',
      gridWorkerPhone: '网格员电话',
    });
  });

  it('reads pinyin initials and English names, in any case', () => {
    expect(
      guessMapping('grids', one({ WGBM: code(1, 1), MC: '一网格', SQ: '梅村', ZD: '一中队', DH: '051088' })),
    ).toEqual({ code: 'WGBM', name: 'MC', communityName: 'SQ', team: 'ZD', gridWorkerPhone: 'DH' });
    expect(
      guessMapping('grids', one({ GRID_CODE: code(1, 1), NAME: 'a', Community: 'b', Team: 'c' })),
    ).toEqual({
      code: 'GRID_CODE',
      name: 'NAME',
      communityName: 'Community',
      team: 'Team',
    });
  });

  it('takes the field holding 15-digit codes as the code, over a field merely called ID', () => {
    const features = [1, 2, 3].map((k) =>
      square({ ID: k, BM_X: code(2, k), 名称: `网格${k}` }, 120, 30, 120.01, 30.01),
    );
    expect(guessMapping('grids', features)).toMatchObject({ code: 'BM_X', name: '名称' });
  });

  it('finds the community code by its values matching the codes, and the phone by its values', () => {
    const features = [1, 2].map((k) =>
      square({ 网格编码: code(7, k), F1: '007', F2: `1390000000${k}` }, 120, 30, 120.01, 30.01),
    );
    expect(guessMapping('grids', features)).toEqual({
      code: '网格编码',
      communityCode: 'F1',
      gridWorkerPhone: 'F2',
    });
  });

  it('does not take 社区编码 for the grid code, nor 网格员电话 for the worker', () => {
    const mapping = guessMapping(
      'grids',
      one({ 社区编码: '001', 编码: code(1, 1), 网格员电话: '13800000000' }),
    );
    expect(mapping).toEqual({ communityCode: '社区编码', code: '编码', gridWorkerPhone: '网格员电话' });
  });

  it('reads a patrol-area file, its colour by the values', () => {
    expect(
      guessMapping('patrolAreas', one({ PQBH: 'A1', 片区名称: '东片区', 中队: '第一中队', SE: '#E4572E' })),
    ).toEqual({ id: 'PQBH', name: '片区名称', team: '中队', color: 'SE' });
  });

  it('reads a boundary file', () => {
    expect(guessMapping('boundary', one({ XZQMC: '梅村街道', XZQDM: '320214105' }))).toEqual({
      name: 'XZQMC',
      code: 'XZQDM',
    });
  });

  it('leaves out what it cannot place', () => {
    expect(guessMapping('grids', one({ foo: 1, bar: 'x' }))).toEqual({});
  });
});
