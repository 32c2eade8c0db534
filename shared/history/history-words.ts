/**
 * The words old systems (and GridDesk's own cases export, in either language) write for a case's
 * status and source, read into GridDesk's terms. Compared without spaces and case.
 */
import type { CaseSource } from '../model/case';
import type { HistoryStatus } from './history-case';

const key = (text: string): string => text.replace(/\s+/g, '').toLowerCase();

const STATUS_WORDS: Readonly<Record<HistoryStatus, readonly string[]>> = {
  closed: [
    '结案',
    '已结案',
    '办结',
    '已办结',
    '已完成',
    '完成',
    '归档',
    '已归档',
    '评价',
    '已评价',
    '关闭',
    '已关闭',
    'closed',
    'evaluated',
    'done',
  ],
  voided: [
    '作废',
    '已作废',
    '撤销',
    '已撤销',
    '不予立案',
    '不立案',
    '已合并',
    '合并',
    '退回',
    'voided',
    'void',
    'rejected',
    'merged',
    'cancelled',
  ],
  open: [
    '上报',
    '立案',
    '派遣',
    '处置',
    '反馈',
    '核查',
    '在办',
    '办理中',
    '处置中',
    '待处置',
    '待核查',
    '未结案',
    '未办结',
    'reported',
    'registered',
    'dispatched',
    'handling',
    'feedback',
    'verified',
    'open',
  ],
};

/** The status a word names; '' is read as open here (the reader makes it closed when a closing time is given); null when unknown. */
export function statusOf(text: string): HistoryStatus | null {
  const k = key(text);
  if (k === '') return 'open';
  for (const status of ['closed', 'voided', 'open'] as const) {
    if (STATUS_WORDS[status].includes(k)) return status;
  }
  return null;
}

/** Words that name each source, matched as parts of the text: `12345热线` and `市民热线` are both hotline. */
const SOURCE_WORDS: readonly (readonly [CaseSource, readonly string[]])[] = [
  ['hotline', ['12345', '热线', '市长', '电话', 'hotline']],
  ['grid-worker', ['网格员', '网格', 'gridworker']],
  ['video', ['视频', '监控', 'video']],
  ['sensor', ['物联', '传感', '感知', 'sensor']],
  ['patrol', ['巡查', '巡逻', '自行发现', '执法发现', 'patrol']],
  ['walk-in', ['来访', '群众', '窗口', '信访', 'walk-in', 'walkin']],
];

/** The source a text names, or null when it names none GridDesk knows (the text is kept as is). */
export function sourceOf(text: string): CaseSource | null {
  const k = key(text);
  if (k === '') return null;
  for (const [source, words] of SOURCE_WORDS) {
    if (words.some((w) => k.includes(w))) return source;
  }
  return null;
}
