/**
 * Names of the fields of a case action's payload (`payloadField.*`), for refusals that name the field
 * they refuse (`loop.invalidPayload`, `loop.invalidRating`); see renderer/i18n/message-text.ts.
 */
export const fieldsMessages = {
  'zh-CN': {
    payloadField: {
      payload: '操作内容',
      reason: '原因',
      note: '说明',
      text: '备注内容',
      attachmentIds: '附件',
      major: '重大案件标记',
      teamId: '中队',
      officerIds: '执法人员',
      departmentId: '部门',
      satisfaction: '满意度',
      response: '响应度',
      completion: '办结度',
      deadline: '截止时间',
      gridCode: '网格',
      intoCaseId: '合并到的案件',
    },
  },
  en: {
    payloadField: {
      payload: 'content',
      reason: 'reason',
      note: 'note',
      text: 'note text',
      attachmentIds: 'attachments',
      major: 'major-case flag',
      teamId: 'team',
      officerIds: 'officers',
      departmentId: 'department',
      satisfaction: 'satisfaction',
      response: 'response',
      completion: 'completion',
      deadline: 'deadline',
      gridCode: 'grid',
      intoCaseId: 'case to merge into',
    },
  },
} as const;
