import { describe, expect, it } from 'vitest';
import { makeFixtureDataset } from '../../../shared/schema/test-fixture';
import type { Grid } from '../../../shared/model/organisation';
import { GRID_OPTIONS_LIMIT, gridOptions } from './grid-options';

const [model] = makeFixtureDataset().grids;
if (model === undefined) throw new Error('fixture has grids');
/** A street office's worth of grids: 第1网格 … 第20000网格. */
const grids: Grid[] = Array.from({ length: 20_000 }, (_, i) => ({
  ...model,
  code: `${model.code.slice(0, 9)}${String(i + 1).padStart(6, '0')}` as Grid['code'],
  name: `第${i + 1}网格`,
}));
const byName = (g: Grid): string => g.name;

describe('the grids a grid select offers', () => {
  it('offers every grid of a township with no more than the limit, in its order', () => {
    const few = grids.slice(0, 86);
    expect(gridOptions(few, '', byName, undefined)).toEqual(few);
  });

  it('offers the first grids of a large township, not all of them', () => {
    const offered = gridOptions(grids, '', byName, undefined);
    expect(offered).toHaveLength(GRID_OPTIONS_LIMIT);
    expect(offered[0]?.name).toBe('第1网格');
  });

  it('finds a grid far down the list by a part of its label, ignoring case', () => {
    expect(gridOptions(grids, '第19999网', byName, undefined).map((g) => g.name)).toEqual(['第19999网格']);
    const byCode = (g: Grid): string => `${g.name}（${g.code}）`;
    const code = grids[15_000]?.code ?? '';
    expect(gridOptions(grids, code, byCode, undefined).map((g) => g.code)).toEqual([code]);
    expect(gridOptions([{ ...model, name: 'Wangge A' }], 'wangge a', byName, undefined)).toHaveLength(1);
  });

  it('keeps the picked grid among the options, so the select shows its name', () => {
    const picked = grids[12_345];
    const offered = gridOptions(grids, '', byName, picked);
    expect(offered).toHaveLength(GRID_OPTIONS_LIMIT + 1);
    expect(offered.at(-1)).toBe(picked);
    expect(gridOptions(grids, '第12346网格', byName, picked)).toEqual([picked]);
  });
});
