/**
 * 历史案件: importing an old system's cases as read-only history (HistoryImportDialog.vue), the
 * problems of its rows (shared/history/read-history.ts), and where the history shows (the grid panel).
 */
export const historyMessages = {
  'zh-CN': {
    imports: {
      kind: { caseHistory: '导入历史案件' },
      count: { historyCases: '历史案件 {n}' },
      role: { caseHistory: '历史案件' },
      importHistory: '导入历史案件…',
      historyCaseNoExists: '历史案件 {caseNo} 已在本中心，请重新选择文件校验',
    },
    historyImport: {
      title: '导入历史案件',
      hint: '把原数字城管或 12345 系统的历年案件导入为历史案件：只作参考（按网格统计工作量、识别已办过的工单），不进入本中心的办案流程，不能修改。每行按位置由本中心的网格自动归属网格和中队，没有位置的按文件中的网格编码。导入记入执法记录，可撤销。',
      chooseFile: '选择文件（CSV 或 XLSX）',
      check: '校验',
      checking: '正在校验 {rows} 行…',
      counts:
        '共 {rows} 行：可导入 {accepted} 件（已结案 {closed}、作废 {voided}、原系统未办结 {open}），不导入 {rejected} 行',
      problems: '错误 {errors} 处，警告 {warnings} 处',
      moreProblems: '只列出前 {shown} 处',
      noProblems: '没有错误或警告',
      first: '前几行',
      import: '导入 {n} 件历史案件',
      confirm: '把 {n} 件历史案件导入本中心？有错误的 {rejected} 行不导入。',
      done: '已导入 {n} 件历史案件',
      leaderOnly: '只有带班领导可以导入历史案件',
      field: {
        caseNo: '案件编号',
        reportedAt: '上报时间',
        matter: '事项或事项编码',
        gridCode: '位置（经纬度或 WKT）或网格编码',
      },
      col: {
        caseNo: '案件编号',
        matter: '事项',
        grid: '网格',
        reportedAt: '上报时间',
        status: '状态',
      },
      status: { closed: '已结案', voided: '作废', open: '未办结' },
    },
    history: {
      missingField: '{file} 第 {row} 行“{column}”：缺少必填内容',
      badTime: '{file} 第 {row} 行“{column}”：{value} 不是可识别的时间',
      closedBeforeReported: '{file} 第 {row} 行“{column}”：结案时间 {value} 早于上报时间',
      unknownMatter: '{file} 第 {row} 行“{column}”：{value} 不是本中心权力清单中的事项',
      ambiguousMatter: '{file} 第 {row} 行“{column}”：{value} 可对应多个事项（{candidates}）',
      badCoordinate: '{file} 第 {row} 行“{column}”：坐标 {lon} {lat} 不是中国境内的经纬度',
      outsideTownship: '{file} 第 {row} 行“{column}”：位置不在本镇任何网格内，归入网格 {grid}',
      farOutside: '{file} 第 {row} 行“{column}”：位置距本镇网格超过 {limitM} 米，不导入',
      unknownGrid: '{file} 第 {row} 行“{column}”：{value} 不是本中心的网格编码',
      gridDiffers:
        '{file} 第 {row} 行“{column}”：文件中的网格 {value} 与位置所在网格 {grid} 不同，按位置归属',
      duplicateCaseNo: '{file} 第 {row} 行“{column}”：案件编号 {value} 与第 {firstRow} 行重复',
      caseNoExists: '{file} 第 {row} 行“{column}”：案件编号 {value} 已是本中心的历史案件',
      badStatus: '{file} 第 {row} 行“{column}”：{value} 不是可识别的状态（结案、作废或办理阶段）',
      badUrgency: '{file} 第 {row} 行“{column}”：{value} 不是可识别的紧急程度，按“一般”导入',
    },
    backup: {
      historyCase: '{file}：第 {index} 件历史案件的“{field}”不合格式',
    },
    details: {
      history: '历史案件',
      historyCount: '{n} 件',
      historyRecent: '最近的历史案件',
    },
  },
  en: {
    imports: {
      kind: { caseHistory: 'Case history imported' },
      count: { historyCases: '{n} history cases' },
      role: { caseHistory: 'Case history' },
      importHistory: 'Import case history…',
      historyCaseNoExists: 'History case {caseNo} is already in this centre; choose and check the file again',
    },
    historyImport: {
      title: 'Import case history',
      hint: "Brings the past cases of the old digital city management or 12345 system in as history: reference only (workload per grid, recognising work orders already handled), outside this centre's case loop, never edited. Each row is put in its grid and team by its location, or by the file's grid code when it has none. The import is recorded and can be undone.",
      chooseFile: 'Choose a file (CSV or XLSX)',
      check: 'Check',
      checking: 'Checking {rows} rows…',
      counts:
        '{rows} rows: {accepted} cases to import ({closed} closed, {voided} voided, {open} still open in the old system); {rejected} rows left out',
      problems: '{errors} errors, {warnings} warnings',
      moreProblems: 'Only the first {shown} are listed',
      noProblems: 'No errors or warnings',
      first: 'First rows',
      import: 'Import {n} history cases',
      confirm: 'Import {n} history cases into this centre? The {rejected} rows with errors are left out.',
      done: '{n} history cases imported',
      leaderOnly: 'Only a shift leader can import case history',
      field: {
        caseNo: 'case number',
        reportedAt: 'reported time',
        matter: 'matter or matter code',
        gridCode: 'location (lon/lat or WKT) or grid code',
      },
      col: {
        caseNo: 'Case no.',
        matter: 'Matter',
        grid: 'Grid',
        reportedAt: 'Reported',
        status: 'Status',
      },
      status: { closed: 'Closed', voided: 'Voided', open: 'Open' },
    },
    history: {
      missingField: '{file} row {row}, “{column}”: required value missing',
      badTime: '{file} row {row}, “{column}”: {value} is not a time',
      closedBeforeReported: '{file} row {row}, “{column}”: closed at {value}, before it was reported',
      unknownMatter: "{file} row {row}, “{column}”: {value} is not a matter of this centre's power list",
      ambiguousMatter: '{file} row {row}, “{column}”: {value} fits several matters ({candidates})',
      badCoordinate: '{file} row {row}, “{column}”: {lon} {lat} is not a lon/lat in China',
      outsideTownship:
        '{file} row {row}, “{column}”: the location lies in no grid of the township; put in grid {grid}',
      farOutside:
        "{file} row {row}, “{column}”: the location is over {limitM} m from the township's grids; left out",
      unknownGrid: '{file} row {row}, “{column}”: {value} is not a grid code of this centre',
      gridDiffers:
        "{file} row {row}, “{column}”: the file's grid {value} differs from grid {grid} at the location; the location's is used",
      duplicateCaseNo: '{file} row {row}, “{column}”: case number {value} repeats row {firstRow}',
      caseNoExists: '{file} row {row}, “{column}”: case number {value} is already in the history',
      badStatus: '{file} row {row}, “{column}”: {value} is not a status (closed, voided or a loop stage)',
      badUrgency: '{file} row {row}, “{column}”: {value} is not an urgency; imported as normal',
    },
    backup: {
      historyCase: '{file}: history case {index} has a bad “{field}”',
    },
    details: {
      history: 'History cases',
      historyCount: '{n}',
      historyRecent: 'Most recent history cases',
    },
  },
} as const;
