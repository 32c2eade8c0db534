/**
 * 历史案件's hand mapping of columns (views/tools/import/MappingSelects.vue in HistoryImportDialog.vue), the mapping's
 * problems (shared/history/history-mapping.ts checkHistoryMapping) and the write from the worker.
 */
export const historyMappingMessages = {
  'zh-CN': {
    columnMapping: {
      required: '必选',
      oneOf: '其中一组必选',
    },
    historyImport: {
      mappingTitle: '列的对应',
      mappingHint:
        '为每一项选择文件中的列（已按列名预选）。* 为必选；† 为其中一组必选：事项编码或事项名称，位置（经度和纬度、WKT）或网格编码。改动后重新校验。',
      writing: '正在写入：历史案件 {done} / {total} 件',
      mapField: {
        caseNo: '案件编号',
        externalRef: '12345 工单号',
        source: '来源',
        matterCode: '事项编码',
        matter: '事项名称',
        urgency: '紧急程度',
        address: '地址',
        description: '问题描述',
        lon: '经度',
        lat: '纬度',
        wkt: '位置（WKT）',
        gridCode: '网格编码',
        reportedAt: '上报时间',
        closedAt: '结案时间',
        status: '状态',
        handledBy: '处置人员',
        team: '处置中队',
      },
    },
    historyMapping: {
      unknownColumn: '{file}：“{field}”选的第 {column} 列不在文件中，请重新选择',
      columnTwice:
        '{file}：列“{column}”同时选给了“{other}”和“{field}”；一列只能对应一项（案件编号与工单号、事项编码与事项名称可以共用一列）',
      missing: '{file}：请为 {fields} 选择文件中的列',
    },
  },
  en: {
    columnMapping: {
      required: 'required',
      oneOf: 'one of a group is required',
    },
    historyImport: {
      mappingTitle: 'Columns',
      mappingHint:
        'Choose the column of the file for each field (pre-selected by the column names). * is required; † one of a group is: a matter code or a matter name, and a place (longitude and latitude, or WKT) or a grid code. The file is checked again after each change.',
      writing: 'Writing: {done} of {total} history cases',
      mapField: {
        caseNo: 'Case number',
        externalRef: '12345 work-order no.',
        source: 'Source',
        matterCode: 'Matter code',
        matter: 'Matter name',
        urgency: 'Urgency',
        address: 'Address',
        description: 'Description',
        lon: 'Longitude',
        lat: 'Latitude',
        wkt: 'Location (WKT)',
        gridCode: 'Grid code',
        reportedAt: 'Reported at',
        closedAt: 'Closed at',
        status: 'Status',
        handledBy: 'Handled by',
        team: 'Team',
      },
    },
    historyMapping: {
      unknownColumn: '{file}: column {column} chosen for “{field}” is not in the file; choose again',
      columnTwice:
        '{file}: column “{column}” is chosen for both “{other}” and “{field}”; a column serves one field (the case number and the work-order number, or a matter code and its name, may share one)',
      missing: '{file}: choose the columns for {fields}',
    },
  },
} as const;
