/**
 * The columns of each of a centre's own tables: the header a template writes (Chinese or English),
 * the other headers real sheets use for the same column, whether a value is required, and the column
 * width of the template. Headers match after {@link normaliseHeader} (case, spaces and bracketed
 * remarks such as `（工作小时）` ignored): first exactly, then by containing a longer specific word.
 */
import { normaliseHeader } from '../mapping';
import type { TableLang } from './vocabulary';

/** The tables a centre is set up from. */
export const CENTRE_TABLE_KINDS = ['officers', 'teams', 'gridWorkers', 'matters', 'departments'] as const;
export type CentreTableKind = (typeof CENTRE_TABLE_KINDS)[number];

/**
 * `required`: every row needs a value; `conditional`: needed in some rows (the 说明 sheet says which);
 * `optional`: may be empty.
 */
export type Requirement = 'required' | 'conditional' | 'optional';

export interface ColumnSpec {
  readonly key: string;
  readonly header: Readonly<Record<TableLang, string>>;
  /** Headers equal to one of these (normalised) are this column. */
  readonly exact: readonly string[];
  /** Headers containing one of these (normalised) are this column, when no exact header is. */
  readonly contains: readonly string[];
  readonly requirement: Requirement;
  /** Template column width, in Excel character units. */
  readonly width: number;
}

const column = (
  key: string,
  zh: string,
  en: string,
  requirement: Requirement,
  width: number,
  exact: readonly string[],
  contains: readonly string[] = [],
): ColumnSpec => ({ key, header: { 'zh-CN': zh, en }, exact, contains, requirement, width });

const PHONE_HEADERS = [
  '电话',
  '手机',
  '手机号',
  '手机号码',
  '联系电话',
  '联系方式',
  '电话号码',
  'phone',
  'mobile',
  'tel',
];
const PHONE_CONTAINS = ['电话', '手机', 'phone', 'mobile'];

export const TABLE_COLUMNS: Readonly<Record<CentreTableKind, readonly ColumnSpec[]>> = {
  officers: [
    column(
      'name',
      '姓名',
      'Name',
      'required',
      14,
      ['姓名', '名字', '人员姓名', '队员', '执法人员', 'name', 'fullname'],
      ['姓名'],
    ),
    column(
      'certificateNo',
      '执法证号',
      'Certificate no.',
      'required',
      22,
      [
        '执法证号',
        '执法证编号',
        '执法证件号',
        '执法证',
        '证号',
        '证件号',
        '证件编号',
        'certificate',
        'certificateno',
      ],
      ['执法证', 'certificate'],
    ),
    column(
      'team',
      '中队',
      'Team',
      'required',
      14,
      ['中队', '所属中队', '所在中队', '执法中队', '队别', '班组', 'team'],
      ['中队', 'team'],
    ),
    column('phone', '电话', 'Phone', 'required', 16, PHONE_HEADERS, PHONE_CONTAINS),
    column(
      'deviceId',
      '终端编号',
      'Device ID',
      'optional',
      20,
      ['终端编号', '终端号', '终端', '设备编号', '设备号', '终端id', '设备id', 'imei', 'deviceid', 'device'],
      ['终端', '设备', 'device'],
    ),
  ],
  teams: [
    column(
      'name',
      '中队名称',
      'Team name',
      'required',
      16,
      ['中队名称', '中队', '名称', '队名', '中队名', 'name', 'team', 'teamname'],
      ['名称'],
    ),
    column(
      'leader',
      '中队长',
      'Leader',
      'required',
      14,
      ['中队长', '队长', '负责人', '领导', 'leader'],
      ['队长', '负责人', 'leader'],
    ),
    column('phone', '值班电话', 'Duty phone', 'required', 16, [...PHONE_HEADERS, '值班电话'], PHONE_CONTAINS),
  ],
  gridWorkers: [
    column(
      'name',
      '姓名',
      'Name',
      'required',
      14,
      ['姓名', '名字', '网格员', '网格员姓名', 'name'],
      ['姓名'],
    ),
    column('phone', '电话', 'Phone', 'required', 16, PHONE_HEADERS, PHONE_CONTAINS),
    column(
      'grids',
      '负责网格编码',
      'Grid codes',
      'optional',
      28,
      [
        '负责网格编码',
        '负责网格',
        '网格编码',
        '网格编号',
        '网格',
        '所在网格',
        'grid',
        'grids',
        'gridcode',
        'gridcodes',
      ],
      ['网格编码', '网格编号', 'gridcode'],
    ),
  ],
  matters: [
    column(
      'code',
      '事项编码',
      'Code',
      'required',
      12,
      ['事项编码', '事项编号', '编码', '编号', '代码', 'code', 'mattercode'],
      ['编码', '编号'],
    ),
    column(
      'name',
      '事项名称',
      'Name',
      'required',
      48,
      ['事项名称', '名称', '事项', '执法事项', 'name', 'matter'],
      ['事项名称'],
    ),
    column(
      'domain',
      '执法领域',
      'Domain',
      'required',
      14,
      ['执法领域', '领域', '所属领域', '行业领域', 'domain'],
      ['领域', 'domain'],
    ),
    column(
      'legalBasis',
      '法律依据',
      'Legal basis',
      'required',
      48,
      ['法律依据', '依据', '执法依据', '设定依据', '实施依据', 'legalbasis', 'basis'],
      ['依据', 'legal'],
    ),
    column(
      'authority',
      '权限',
      'Power',
      'required',
      12,
      ['权限', '权限类型', '权力类型', '权力来源', '事项类型', 'authority', 'power'],
      ['权限', 'authority'],
    ),
    column(
      'department',
      '县级部门',
      'County department',
      'conditional',
      18,
      ['县级部门', '主管部门', '责任部门', '实施部门', '部门', 'department'],
      ['部门', 'department'],
    ),
    column(
      'register',
      '立案时限（工作小时）',
      'Register limit (working hours)',
      'conditional',
      12,
      ['立案时限', '受理时限', '立案', 'register', 'registerlimit'],
      ['立案', 'register'],
    ),
    column(
      'dispatch',
      '派遣时限（工作小时）',
      'Dispatch limit (working hours)',
      'conditional',
      12,
      ['派遣时限', '派遣', '派单时限', 'dispatch', 'dispatchlimit'],
      ['派遣', 'dispatch'],
    ),
    column(
      'handle',
      '处置时限（工作小时）',
      'Handling limit (working hours)',
      'conditional',
      12,
      ['处置时限', '处置', '办理时限', 'handle', 'handlinglimit', 'handlelimit'],
      ['处置', 'handl'],
    ),
    column(
      'verify',
      '核查时限（工作小时）',
      'Verification limit (working hours)',
      'conditional',
      12,
      ['核查时限', '核查', '核实时限', 'verify', 'verificationlimit', 'verifylimit'],
      ['核查', 'verif'],
    ),
    column(
      'needsCertified',
      '需两名持证人员',
      'Two certified officers',
      'optional',
      14,
      ['需两名持证人员', '需持证人员', '两人执法', '需要持证', 'needscertified', 'twocertifiedofficers'],
      ['持证', 'certified'],
    ),
  ],
  departments: [
    column(
      'name',
      '部门名称',
      'Department',
      'required',
      30,
      ['部门名称', '名称', '部门', '单位', '单位名称', 'name', 'department'],
      ['名称'],
    ),
    column(
      'shortName',
      '简称',
      'Short name',
      'optional',
      16,
      ['简称', '部门简称', '单位简称', 'shortname', 'short'],
      ['简称', 'short'],
    ),
    column('phone', '联系电话', 'Phone', 'optional', 16, [...PHONE_HEADERS, '值班电话'], PHONE_CONTAINS),
  ],
};

/** Headers that are never a problem when no column takes them: a running number, remarks. */
const IGNORED_HEADERS = new Set([
  '序号',
  '编号序号',
  '备注',
  '说明',
  'no',
  'no.',
  '#',
  'remark',
  'remarks',
  'note',
  'notes',
]);

/** Where each column of a kind is in a table's headers (0-based), and the headers no column took. */
export interface ColumnLayout {
  readonly index: Readonly<Partial<Record<string, number>>>;
  readonly unused: readonly number[];
}

/**
 * Finds the columns of `kind` in `headers`: exact headers first, then headers containing a specific
 * word; each header goes to one column, the leftmost winning when several fit. Empty headers and
 * those naming a running number or remarks are not reported as unused.
 */
export function locateColumns(kind: CentreTableKind, headers: readonly string[]): ColumnLayout {
  const names = headers.map(normaliseHeader);
  const specs = TABLE_COLUMNS[kind];
  const index: Partial<Record<string, number>> = {};
  const used = new Set<number>();
  const pass = (fits: (name: string, spec: ColumnSpec) => boolean): void => {
    for (const spec of specs) {
      if (index[spec.key] !== undefined) continue;
      const k = names.findIndex((name, i) => !used.has(i) && name !== '' && fits(name, spec));
      if (k >= 0) {
        index[spec.key] = k;
        used.add(k);
      }
    }
  };
  const own = (spec: ColumnSpec): string[] => [spec.header['zh-CN'], spec.header.en].map(normaliseHeader);
  pass((name, spec) => own(spec).includes(name) || spec.exact.map(normaliseHeader).includes(name));
  pass((name, spec) => spec.contains.some((word) => name.includes(normaliseHeader(word))));
  const unused = names.flatMap((name, k) =>
    used.has(k) || name === '' || IGNORED_HEADERS.has(name) ? [] : [k],
  );
  return { index, unused };
}
