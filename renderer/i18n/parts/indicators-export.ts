/** Texts of the 考核指标 export to XLSX (the button, the sheet's title and headers with their units). */
export const indicatorsExportMessages = {
  'zh-CN': {
    indicatorsExport: {
      button: '导出 Excel',
      done: '已导出 {file}',
      sheetName: '考核指标',
      title: '{township}考核指标 · 近 {n} 天（截至 {at}）',
      percent: '{name}（%）',
      hours: '{name}（工作小时）',
    },
  },
  en: {
    indicatorsExport: {
      button: 'Export to Excel',
      done: 'Exported {file}',
      sheetName: 'Indicators',
      title: '{township} indicators · last {n} days (to {at})',
      percent: '{name} (%)',
      hours: '{name} (working hours)',
    },
  },
} as const;
