/**
 * The words a centre's own tables are written in: the names of the matter domains, the kinds of power,
 * the marks of an auxiliary officer, yes and no, and the mark of a template's example rows. These are
 * the file format (what a sheet must say for the reader to understand it, in Chinese or English
 * whatever the interface language), not interface text: the explanations around them live in the i18n
 * files (`centreTables.*`). Matching goes through {@link normaliseWord}.
 */
import { MATTER_DOMAINS, type MatterAuthority, type MatterDomain } from '../../model/matter';

/** The language a template is written in. Readers take both. */
export type TableLang = 'zh-CN' | 'en';

/** Lower-case, without spaces, full-width forms folded to ASCII (Ｂ → b, （ → (). */
export function normaliseWord(text: string): string {
  return text
    .normalize('NFKC')
    .replace(/[\s\u3000_-]/g, '')
    .toLowerCase();
}

interface Words {
  readonly 'zh-CN': string;
  readonly en: string;
  /** Other spellings met in real sheets, both languages. */
  readonly also: readonly string[];
}

/** Domain names: both are those the app shows (`settings.domain.*`, checked by a test). */
export const DOMAIN_WORDS: Readonly<Record<MatterDomain, Words>> = {
  'urban-management': { 'zh-CN': '城市管理', en: 'Urban management', also: ['城管', '市容', '城市管理执法'] },
  'market-regulation': {
    'zh-CN': '市场监管',
    en: 'Market regulation',
    also: ['市场监督管理', '市场管理', '工商', '食品安全'],
  },
  'planning-construction': {
    'zh-CN': '规划建设',
    en: 'Planning and construction',
    also: ['规划', '建设', '住建', '住房城乡建设', '城乡建设', '住房和城乡建设'],
  },
  'ecology-environment': {
    'zh-CN': '生态环境',
    en: 'Ecology and environment',
    also: ['环保', '环境保护', '环境', 'environment'],
  },
  'agriculture-rural': {
    'zh-CN': '农业农村',
    en: 'Agriculture and rural affairs',
    also: ['农业', '农村', 'agriculture'],
  },
  'emergency-management': {
    'zh-CN': '应急管理',
    en: 'Emergency management',
    also: ['应急', '安全生产', '消防', '安全'],
  },
  'water-resources': { 'zh-CN': '水利', en: 'Water resources', also: ['水务', '水政', '水资源', 'water'] },
  health: { 'zh-CN': '卫生健康', en: 'Health', also: ['卫生', '卫健', '医疗卫生'] },
  'culture-tourism': {
    'zh-CN': '文化旅游',
    en: 'Culture and tourism',
    also: ['文旅', '文化', '旅游', '文体广电', '文化和旅游', 'culture', 'tourism'],
  },
  transport: { 'zh-CN': '交通运输', en: 'Transport', also: ['交通', 'transportation'] },
  'natural-resources': {
    'zh-CN': '自然资源',
    en: 'Natural resources',
    also: ['国土', '国土资源', '自然资源和规划'],
  },
  'civil-affairs': { 'zh-CN': '民政', en: 'Civil affairs', also: ['民政事务'] },
};

/** How a matter's power is held; `department` then names the county department in its own column. */
export type AuthorityWord = 'statutory' | 'granted' | 'delegated' | 'department';

export const AUTHORITY_WORDS: Readonly<Record<AuthorityWord, Words>> = {
  statutory: {
    'zh-CN': '法定',
    en: 'Statutory',
    also: ['乡镇法定', '法定职权', '法定权限', '法定职责', '本级'],
  },
  granted: { 'zh-CN': '赋权', en: 'Granted', also: ['乡镇赋权', '赋权事项', '下放', '赋予'] },
  delegated: { 'zh-CN': '委托', en: 'Delegated', also: ['乡镇委托', '委托事项', '委托执法'] },
  department: {
    'zh-CN': '县级部门',
    en: 'County department',
    also: ['部门', '县级', '县直部门', '市级部门', '吹哨', '部门权限', 'department'],
  },
};

/** What the certificate column says of an officer who holds no enforcement certificate. */
export const AUXILIARY_WORDS: Words = {
  'zh-CN': '辅助人员',
  en: 'Auxiliary',
  also: ['辅助', '协管', '协管员', '编外', '编外协管员', '编外人员', '无', '无证', 'auxiliary', 'none'],
};

export const YES_WORDS: Words = {
  'zh-CN': '是',
  en: 'Yes',
  also: ['需要', '须', '需', 'y', 'true', '1', '√'],
};
export const NO_WORDS: Words = {
  'zh-CN': '否',
  en: 'No',
  also: ['不需要', '不需', '无需', 'n', 'false', '0', '×'],
};

/**
 * The mark that opens the first cell of a template's example row: 【示例】 or [Example]. A row whose
 * first cell starts with either (or with 示例/例: before a value) is the template's, never imported.
 */
export const EXAMPLE_MARK: Readonly<Record<TableLang, string>> = { 'zh-CN': '【示例】', en: '[Example] ' };

export function isExampleCell(text: string): boolean {
  const t = text.normalize('NFKC').trim();
  return /^(?:【示例】|\[示例\]|\(示例\)|示例[:：]|例[:：]|\[example\]|example[:：])/i.test(t);
}

function wordIndex<K extends string>(table: Readonly<Record<K, Words>>): Map<string, K> {
  const index = new Map<string, K>();
  for (const [key, words] of Object.entries(table) as [K, Words][]) {
    for (const w of [key, words['zh-CN'], words.en, ...words.also]) index.set(normaliseWord(w), key);
  }
  return index;
}

const DOMAIN_INDEX = wordIndex(DOMAIN_WORDS);
const AUTHORITY_INDEX = wordIndex(AUTHORITY_WORDS);
const AUXILIARY_INDEX = new Set(
  [AUXILIARY_WORDS['zh-CN'], AUXILIARY_WORDS.en, ...AUXILIARY_WORDS.also].map(normaliseWord),
);
const YES_NO_INDEX = wordIndex({ yes: YES_WORDS, no: NO_WORDS });

/** The domain a cell names (`城管`, `城市管理`, `Urban management`, `urban-management`), else null. */
export function parseDomain(text: string): MatterDomain | null {
  const domain = DOMAIN_INDEX.get(normaliseWord(text)) ?? null;
  return domain !== null && MATTER_DOMAINS.includes(domain) ? domain : null;
}

/** The kind of power a cell names (`赋权`, `乡镇委托`, `县级部门`), else null. */
export function parseAuthorityWord(text: string): AuthorityWord | null {
  return AUTHORITY_INDEX.get(normaliseWord(text)) ?? null;
}

/** The word of a matter's authority, for writing a sheet. */
export function authorityWord(authority: MatterAuthority): AuthorityWord {
  return authority.kind === 'department' ? 'department' : authority.basis;
}

/** Whether a certificate cell says the officer is auxiliary (`辅助人员`, `协管员`, `无`). */
export function isAuxiliaryMark(text: string): boolean {
  const word = normaliseWord(text);
  return AUXILIARY_INDEX.has(word) || /^[-/／—－]+$/.test(text.trim());
}

/** `是`/`否` (and `Y`, `需要`, `1`…) as a boolean, else null. */
export function parseYesNo(text: string): boolean | null {
  const word = YES_NO_INDEX.get(normaliseWord(text));
  return word === undefined ? null : word === 'yes';
}
