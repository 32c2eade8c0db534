/** 执法力量: the officers' unit status (shared/positions/unit-status.ts) and the unit board. */
export const unitsMessages = {
  'zh-CN': {
    unitStatus: { idle: '空闲', handling: '处置中', offline: '离线', offDuty: '未在岗' },
  },
  en: {
    unitStatus: { idle: 'Available', handling: 'On a case', offline: 'Offline', offDuty: 'Off duty' },
  },
} as const;
