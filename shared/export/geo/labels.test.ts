import { describe, expect, it } from 'vitest';
import { labelTable, labelsOfTable } from './labels';
import type { ExportLabels } from './layers';

const labels: ExportLabels = {
  column: (layer, key) => `${layer}:${key}`,
  stage: (s) => `阶段${s}`,
  source: (s) => `来源${s}`,
  urgency: (s) => `紧急${s}`,
  officerKind: (s) => `类别${s}`,
  officerStatus: (s) => `状态${s}`,
  lonLat: ['经度', '纬度'],
};

describe('the words of an export as a table for the worker', () => {
  it('gives back every word the labels gave, and a key where the table has none', () => {
    const back = labelsOfTable(structuredClone(labelTable(labels)));
    expect(back.column('grids', 'code')).toBe('grids:code');
    expect(back.column('cases', 'externalRef')).toBe('cases:externalRef');
    expect(back.stage('dispatched')).toBe('阶段dispatched');
    expect(back.stage('merged')).toBe('阶段merged');
    expect(back.source('hotline')).toBe('来源hotline');
    expect(back.urgency('critical')).toBe('紧急critical');
    expect(back.officerKind('auxiliary')).toBe('类别auxiliary');
    expect(back.officerStatus('off-duty')).toBe('状态off-duty');
    expect(back.lonLat).toEqual(['经度', '纬度']);
    expect(back.column('grids', 'nonsense')).toBe('nonsense');
  });
});
