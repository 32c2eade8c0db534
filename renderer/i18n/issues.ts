import { ISSUE_MESSAGES_EN, type DatasetIssue } from '../../shared/schema/issues';

type IssueKey = keyof typeof ISSUE_MESSAGES_EN;

/** Chinese texts of the dataset issue keys (shared/schema/issues.ts holds the English defaults). */
export const ISSUE_MESSAGES_ZH: Record<IssueKey, string> = {
  'dataset.notObject': '文件内容不是数据集对象',
  'dataset.casesNotArray': '文件内容不是案件列表',
  'dataset.required': '缺少必填字段',
  'dataset.invalidType': '应为 {expected}，实为 {received}',
  'dataset.invalidValue': '值 {received} 不在可选范围 {options} 内',
  'dataset.tooSmall': '数值过小：至少应为 {minimum}',
  'dataset.tooBig': '数值过大：至多应为 {maximum}',
  'dataset.invalidFormat': '值 {received} 不符合格式 {format}',
  'dataset.invalid': '无效的值：{detail}',
  'dataset.unknownField': '未知字段“{field}”（不会保存）',
  'dataset.duplicateKey': '{keyField}“{value}”重复：已被 {first} 使用',
  'dataset.missingReference': '{target} 中不存在 {value}',
  'dataset.gridCodeMismatch': '网格编码的{part}部分为 {actual}，但 {field} 为 {expected}',
  'geometry.ringTooShort': '多边形的环至少需要 4 个坐标点，实有 {count} 个',
  'geometry.ringNotClosed': '多边形的环未闭合：首尾坐标不一致',
  'geometry.lineTooShort': '线至少需要 2 个坐标点，实有 {count} 个',
  'geometry.lonOutOfRange': '经度 {value} 超出 -180…180',
  'geometry.latOutOfRange': '纬度 {value} 超出 -90…90',
  'gridCode.notString': '网格编码应为 15 位数字字符串',
  'gridCode.length': '网格编码应为 15 位，实为 {length} 位',
  'gridCode.nonDigit': '网格编码只能包含数字',
  'gridCode.province': '网格编码以 {prefix} 开头，不是有效的省级区划代码',
  'gridCode.countyZero': '网格编码缺少县级区划部分',
  'gridCode.townshipZero': '网格编码的乡镇（街道）部分为 000',
  'gridCode.communityZero': '网格编码的社区（村）部分为 000',
  'gridCode.sequenceZero': '网格编码的顺序码为 000',
  'schema.versionInvalid': 'schemaVersion {version} 不是不小于 0 的整数',
  'schema.versionTooNew': '该文件的数据版本为 {version}，高于本程序支持的版本 {current}，请升级网格指挥台',
  'schema.noMigration': '没有从数据版本 {from} 升级到 {to} 的迁移步骤',
  'schema.migrationFailed': '升级到数据版本 {to} 失败：{detail}',
  'sample.loadFailed': '示例数据加载失败：{detail}',
};

/** Nests "a.b" keys as { a: { b } } for vue-i18n. */
function nest(flat: Record<string, string>): Record<string, Record<string, string>> {
  const out: Record<string, Record<string, string>> = {};
  for (const [key, text] of Object.entries(flat)) {
    const [group, name] = key.split('.') as [string, string];
    (out[group] ??= {})[name] = text;
  }
  return out;
}

export const issueMessages = { 'zh-CN': nest(ISSUE_MESSAGES_ZH), en: nest(ISSUE_MESSAGES_EN) };

/** One issue as a line in the current language: where, then what. */
export function issueText(
  t: (key: string, params: Record<string, unknown>) => string,
  issue: DatasetIssue,
): string {
  return `${issue.where}: ${t(`issue.${issue.key}`, issue.params)}`;
}
