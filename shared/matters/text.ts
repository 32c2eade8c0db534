/**
 * The forms in which matter names, codes, synonyms and what people type are compared.
 */
import { pinyin } from 'pinyin-pro';

/**
 * The comparison form of a text: full-width letters and digits as ASCII (NFKC), lower case, without
 * spaces, punctuation or symbols. `CG-001` and `ｃｇ００１` are both `cg001`; `店外经营、超出门窗` is
 * `店外经营超出门窗`.
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\p{P}\p{S}]/gu, '')
    .toLowerCase();
}

/** The words every name of the power list has: 对…的行政处罚 / 行政强制 / 行政检查. */
export function matterCore(name: string): string {
  return name.replace(/^对/, '').replace(/的?行政(处罚|强制|检查|许可|确认|征收|奖励|裁决)$/, '');
}

/**
 * The pinyin initials (拼音首字母) of a text, in lower case, as people type them to find a word: 占道经营 →
 * `zdjy`, 违建 → `wj`. Each character is read in its word's context, so polyphonic characters take their
 * usual reading there (行政 → `xz`, 银行 → `yh`). Latin letters and digits are kept (lower case); other
 * characters are dropped.
 */
export function pinyinInitials(text: string): string {
  const normal = text.normalize('NFKC');
  if (normal === '') return '';
  return pinyin(normal, { pattern: 'first', toneType: 'none', type: 'array' })
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}
