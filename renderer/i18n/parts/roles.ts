/**
 * Messages of the role checks where data is written: resetting to the sample (shift leader, sample
 * township only, with what will be lost), backups (shift leader; the restore's checks, every problem
 * named) and account changes that raced another. Merged key by key into the namespaces they extend.
 */
export const rolesMessages = {
  'zh-CN': {
    reset: {
      confirm:
        '将丢弃本机的 {cases} 件案件、{events} 条执法记录和 {attachments} 个附件，恢复为示例乡镇数据；本机账号和中心设置保留。确定继续？',
      leaderOnly: '仅带班领导登录后可以恢复示例数据',
      notSample: '本机数据不是示例乡镇，不能恢复示例数据',
      preparing: '正在准备新的示例数据……',
      prepared: '新的示例数据已备好，确定后立即恢复',
      prepareFailed: '示例数据准备失败，确定后将重新准备',
      changed:
        '确认之后数据有变动（现有 {cases} 件案件、{events} 条记录、{attachments} 个附件），未恢复，请重试',
    },
    backup: {
      leaderOnly: '仅带班领导可以导出或恢复备份',
      noLeader: '{file} 中没有可用的带班领导账号，恢复后将无人能管理本机',
      event: '{file} 中第 {seq} 条执法记录的“{field}”无效',
      compare: '恢复前请核对',
      current: '本机现有',
      candidate: '备份中',
      cases: '案件',
      events: '执法记录',
      township: '乡镇',
      createdAt: '备份时间',
      more: '……另有 {count} 处问题',
      migrated:
        '这是旧版网格指挥台的备份：恢复时其案件和执法记录编号将归入本机（{workstation}），执法记录重新链接，链头 {before} 条 {beforeHash} 记为原链头以便核对',
      workstation: '工作站',
    },
    accounts: {
      changedMeanwhile: '该账号刚被其他操作修改，请重试',
    },
  },
  en: {
    reset: {
      confirm:
        'This discards the {cases} cases, {events} record events and {attachments} attachments on this PC and restores the sample township; the local accounts and the centre settings stay. Continue?',
      leaderOnly: 'Only a signed-in shift leader may reset to the sample',
      notSample: 'The data on this PC is not the sample township; it cannot be reset to the sample',
      preparing: 'Preparing a fresh sample…',
      prepared: 'The fresh sample is ready; it is restored as soon as you confirm',
      prepareFailed: 'Preparing the sample failed; it is prepared again when you confirm',
      changed:
        'The data changed after you confirmed (now {cases} cases, {events} events, {attachments} attachments); nothing was reset, try again',
    },
    backup: {
      leaderOnly: 'Only a shift leader may export or restore a backup',
      noLeader: '{file} has no enabled shift leader account; after restoring nobody could manage this PC',
      event: 'In {file}, record event {seq} has an invalid “{field}”',
      compare: 'Compare before restoring',
      current: 'On this PC',
      candidate: 'In the backup',
      cases: 'Cases',
      events: 'Record events',
      township: 'Township',
      createdAt: 'Backed up at',
      more: '… and {count} more problems',
      migrated:
        'This backup is from an older GridDesk: on restoring, its case and record ids are scoped to this workstation ({workstation}) and the record is re-linked; its head {before} events {beforeHash} is kept as the former head for checking',
      workstation: 'Workstation',
    },
    accounts: {
      changedMeanwhile: 'This account was just changed by someone else; try again',
    },
  },
} as const;
