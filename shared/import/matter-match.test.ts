import { describe, expect, it } from 'vitest';
import { sampleMatterCatalogue } from '../sample/matters';
import { matchMatter, matterCore } from './matter-match';

const matters = sampleMatterCatalogue().map((entry) => entry.matter);

function codeOf(text: string): string | null {
  const match = matchMatter(text, matters);
  return match.kind === 'matched' ? match.matter.code : null;
}

describe('matchMatter', () => {
  it('matches codes (any case), full names and names without 对…的行政处罚', () => {
    expect(codeOf('cg-013')).toBe('CG-013');
    expect(codeOf('对夜间施工噪声扰民的行政处罚')).toBe('CG-013');
    expect(codeOf('夜间施工噪声扰民')).toBe('CG-013');
  });

  it('takes the most specific part of a category path', () => {
    expect(codeOf('城市管理>市容环境>露天焚烧秸秆')).toBe('NY-001');
    expect(codeOf('农业农村/电鱼、毒鱼、炸鱼')).toBe('NY-003');
  });

  it('falls back to shared character pairs for short hotline phrases', () => {
    expect(codeOf('占道摆摊设点')).toBe('CG-001');
    expect(codeOf('消防通道被占用堵塞')).toBe('YJ-002');
  });

  it('calls a phrase that fits several matters ambiguous', () => {
    const match = matchMatter('噪声扰民', matters);
    expect(match.kind).toBe('ambiguous');
    if (match.kind === 'ambiguous') {
      expect(match.candidates.map((m) => m.code).sort()).toEqual(['CG-013', 'ST-007']);
    }
  });

  it('finds nothing for topics outside the power list', () => {
    expect(matchMatter('拖欠农民工工资', matters)).toEqual({ kind: 'none' });
    expect(matchMatter('物业费纠纷', matters)).toEqual({ kind: 'none' });
    expect(matchMatter('  ', matters)).toEqual({ kind: 'none' });
  });

  it('strips the boilerplate of power-list names', () => {
    expect(matterCore('对违法建设的查封施工现场的行政强制')).toBe('违法建设的查封施工现场');
  });
});
