/** Texts of the workspace tools: the tools menu, the record check, the import and the indicators. */
export const workspaceMessages = {
  'zh-CN': {
    tools: {
      menu: '工具',
      record: '核验执法记录',
      import: '导入12345工单',
      indicators: '考核指标',
    },
    recordDialog: {
      start: '开始核验',
      cancel: '取消',
      close: '关闭',
      intro: '逐条重算全部记录的哈希链，核对是否有记录被改动、删除或调换顺序，并与链头比对。',
    },
    importDialog: {
      step: '第 {n} 步',
      preview: '预览',
      rejectedTitle: '退回的行（不会导入）',
      partial: '其余 {count} 行有问题，仅导入可导入的行',
      import: '导入 {count} 条',
      importing: '正在定位并导入…',
      done: '已导入 {count} 条工单，均为“上报”状态',
      outside:
        '{file} 第 {row} 行：坐标不在本镇范围内（最近网格 {grid}，相距 {distance} 米），请转交相邻乡镇',
      needsPlace: '{count} 条工单没有坐标，本次未导入，请补充坐标后再导入',
      duplicates: '{count} 条可能与已有案件重复（同一事项、100 米内、24 小时内），导入后可在案件详情中合并',
      nothing: '没有可导入的行',
      failed: '导入失败，未写入任何数据：{reason}',
    },
    indicatorsDialog: {
      period: '统计区间',
      days: '近 {n} 天',
      overall: '全镇',
      byTeam: '按中队',
      byDepartment: '部门评价（吹哨报到）',
      group: '对象',
      cases: '案件数',
      loading: '正在统计…',
      hours: '{value} 小时',
      none: '—',
    },
  },
  en: {
    tools: {
      menu: 'Tools',
      record: 'Verify enforcement record',
      import: 'Import 12345 work orders',
      indicators: 'Indicators',
    },
    recordDialog: {
      start: 'Start',
      cancel: 'Cancel',
      close: 'Close',
      intro:
        'Recomputes the hash chain over every event, checks that none was altered, deleted or reordered, and compares it with the chain head.',
    },
    importDialog: {
      step: 'Step {n}',
      preview: 'Preview',
      rejectedTitle: 'Rows sent back (not imported)',
      partial: 'Import only the good rows; {count} other rows have problems',
      import: 'Import {count}',
      importing: 'Placing and importing…',
      done: '{count} work orders imported, all at “Reported”',
      outside:
        '{file} row {row}: the point is outside the township (nearest grid {grid}, {distance} m away); refer it to the neighbour',
      needsPlace:
        '{count} work orders have no coordinates and were not imported; add coordinates and import again',
      duplicates:
        '{count} may repeat existing cases (same matter, within 100 m and 24 h); merge them from the case detail after import',
      nothing: 'No row can be imported',
      failed: 'Import failed, nothing was written: {reason}',
    },
    indicatorsDialog: {
      period: 'Period',
      days: 'Last {n} days',
      overall: 'Township',
      byTeam: 'By team',
      byDepartment: 'Departments (whistle)',
      group: 'Group',
      cases: 'Cases',
      loading: 'Computing…',
      hours: '{value} h',
      none: '—',
    },
  },
} as const;
