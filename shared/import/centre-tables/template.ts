/**
 * Downloadable workbooks a centre fills in with its own people and power list: the data sheet (a
 * header row and one or two example rows, marked 【示例】 so that importing an untouched template says
 * so instead of importing them) and a 说明 sheet that explains every column: what it means, whether it
 * is required, what it may hold. Headers and value words are the file format (columns.ts,
 * vocabulary.ts); the explanations come from the caller's i18n texts (`centreTables.*`).
 */
import type { Matter } from '../../model/matter';
import type { Department } from '../../model/organisation';
import { SAMPLE_DEPARTMENTS } from '../../sample/departments';
import { sampleMatterCatalogue } from '../../sample/matters';
import { writeXlsxWorkbook, type XlsxCellInput, type XlsxSheetInput } from '../xlsx-write';
import { TABLE_COLUMNS, type CentreTableKind } from './columns';
import {
  AUTHORITY_WORDS,
  AUXILIARY_WORDS,
  authorityWord,
  DOMAIN_WORDS,
  EXAMPLE_MARK,
  NO_WORDS,
  YES_WORDS,
  type TableLang,
} from './vocabulary';

/** The caller's i18n texts in the template's language: `t(key, params)`. */
export type TableText = (key: string, params?: Readonly<Record<string, string>>) => string;

type Row = readonly XlsxCellInput[];

/** Example rows of each template (the first cell gets the example mark), in the template's language. */
function exampleRows(kind: CentreTableKind, lang: TableLang): readonly Row[] {
  const zh = lang === 'zh-CN';
  const w = (words: Readonly<Record<TableLang, string>>): string => words[lang];
  switch (kind) {
    case 'officers':
      return [
        [zh ? '张伟' : 'Zhang Wei', '苏32128110500001', zh ? '第一中队' : 'Team 1', '13812345678', 'GD-0001'],
        [zh ? '李娜' : 'Li Na', w(AUXILIARY_WORDS), zh ? '第一中队' : 'Team 1', '13912345678', null],
      ];
    case 'teams':
      return [[zh ? '第一中队' : 'Team 1', zh ? '张伟' : 'Zhang Wei', '0523-83212345']];
    case 'gridWorkers':
      return [[zh ? '王芳' : 'Wang Fang', '13712345678', '321281105001001、321281105001002']];
    case 'departments':
      return [
        [
          zh ? '兴化市城市管理局' : 'Xinghua Urban Management Bureau',
          zh ? '城管局' : 'Urban bureau',
          '0523-83210000',
        ],
      ];
    case 'matters':
      return [
        [
          'CG-001',
          '对擅自占用城市道路摆摊设点的行政处罚',
          w(DOMAIN_WORDS['urban-management']),
          '《城市市容和环境卫生管理条例》第三十六条',
          w(AUTHORITY_WORDS.granted),
          null,
          1,
          1,
          8,
          4,
          w(YES_WORDS),
        ],
        [
          'SC-001',
          '对未取得食品经营许可从事食品经营活动的行政处罚',
          w(DOMAIN_WORDS['market-regulation']),
          '《中华人民共和国食品安全法》第一百二十二条',
          w(AUTHORITY_WORDS.department),
          zh ? '市场监管局' : 'Market bureau',
          2,
          2,
          40,
          8,
          w(YES_WORDS),
        ],
      ];
  }
}

function marked(row: Row, lang: TableLang): Row {
  const [first, ...rest] = row;
  return [`${EXAMPLE_MARK[lang]}${String(first ?? '')}`, ...rest];
}

/** The words the 说明 sheet's allowed-values texts may quote, in the template's language. */
function valueWords(lang: TableLang): Record<string, string> {
  const list = (words: readonly string[]): string => words.join(lang === 'zh-CN' ? '、' : ', ');
  return {
    domains: list(Object.values(DOMAIN_WORDS).map((w) => w[lang])),
    powers: list(Object.values(AUTHORITY_WORDS).map((w) => w[lang])),
    department: AUTHORITY_WORDS.department[lang],
    auxiliary: AUXILIARY_WORDS[lang],
    yes: YES_WORDS[lang],
    no: NO_WORDS[lang],
    example: EXAMPLE_MARK[lang].trim(),
  };
}

function dataSheet(
  kind: CentreTableKind,
  lang: TableLang,
  text: TableText,
  rows: readonly Row[],
): XlsxSheetInput {
  const columns = TABLE_COLUMNS[kind];
  return {
    name: text(`centreTables.sheet.${kind}`),
    rows: [columns.map((c) => c.header[lang]), ...rows],
    columnWidths: columns.map((c) => c.width),
  };
}

function notesSheet(kind: CentreTableKind, lang: TableLang, text: TableText): XlsxSheetInput {
  const words = valueWords(lang);
  const header = ['column', 'meaning', 'requirement', 'values'].map((k) =>
    text(`centreTables.notesHeader.${k}`),
  );
  const columns = TABLE_COLUMNS[kind].map((c) => [
    c.header[lang],
    text(`centreTables.column.${kind}.${c.key}`, words),
    text(`centreTables.requirement.${c.requirement}`),
    text(`centreTables.values.${kind}.${c.key}`, words),
  ]);
  const general = ['header', 'examples', 'extraColumns'].map((k) => [text(`centreTables.notes.${k}`, words)]);
  return {
    name: text('centreTables.sheet.notes'),
    rows: [header, ...columns, [], ...general],
    columnWidths: [24, 60, 10, 60],
  };
}

/**
 * The template of a kind of table as XLSX bytes, in `lang` (headers, example rows, value words) with
 * the explanations of `text` (the i18n texts of the same language). The first sheet is the one to
 * fill (readers take the first sheet); the second, 说明, explains each column.
 */
export function templateXlsx(kind: CentreTableKind, lang: TableLang, text: TableText): Uint8Array {
  const examples = exampleRows(kind, lang).map((row) => marked(row, lang));
  return writeXlsxWorkbook([dataSheet(kind, lang, text, examples), notesSheet(kind, lang, text)]);
}

/** What a matters sheet is filled from: matters and the departments their authority names. */
export interface CatalogueSource {
  readonly matters: readonly Matter[];
  readonly departments: readonly Pick<Department, 'id' | 'name' | 'shortName'>[];
}

/** The built-in sample power list (shared/sample/matter-table.ts) and its county departments. */
export function sampleCatalogueSource(): CatalogueSource {
  return { matters: sampleMatterCatalogue().map((entry) => entry.matter), departments: SAMPLE_DEPARTMENTS };
}

/** One matter as a row of the matters sheet; a department is named by its short name. */
export function matterRow(matter: Matter, lang: TableLang, departments: CatalogueSource['departments']): Row {
  const { authority } = matter;
  const department =
    authority.kind === 'department' ? departments.find((d) => d.id === authority.departmentId) : undefined;
  return [
    matter.code,
    matter.name,
    DOMAIN_WORDS[matter.domain][lang],
    matter.legalBasis,
    AUTHORITY_WORDS[authorityWord(matter.authority)][lang],
    department === undefined ? null : department.shortName || department.name,
    matter.limits.register,
    matter.limits.dispatch,
    matter.limits.handle,
    matter.limits.verify,
    (matter.needsCertified ? YES_WORDS : NO_WORDS)[lang],
  ];
}

/**
 * The matters template filled with a catalogue (by default the built-in sample power list) as a
 * starting point for a township's own: no example rows, every matter a real row; the county
 * department column gives each department's short name, which a departments sheet must then hold.
 */
export function catalogueXlsx(
  lang: TableLang,
  text: TableText,
  source: CatalogueSource = sampleCatalogueSource(),
): Uint8Array {
  const rows = source.matters.map((m) => matterRow(m, lang, source.departments));
  return writeXlsxWorkbook([dataSheet('matters', lang, text, rows), notesSheet('matters', lang, text)]);
}
