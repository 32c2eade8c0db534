/**
 * Texts of a centre's own tables (shared/import/centre-tables): the sheet names and the 说明 sheet of
 * the downloadable templates (what each column means and may hold; `{domains}`, `{powers}`,
 * `{auxiliary}`, `{department}`, `{yes}`, `{no}`, `{example}` are the file's own words, filled in by the
 * template), and every problem the readers name (`file`, `row`, `column`, `value`, and `firstRow`,
 * `count`, `name`, `phone`, `team` where they say so).
 */
export const centreTablesMessages = {
  'zh-CN': {
    centreTables: {
      sheet: {
        officers: '执法人员',
        teams: '执法中队',
        gridWorkers: '网格员',
        matters: '执法事项',
        departments: '县级部门',
        notes: '说明',
      },
      notesHeader: { column: '列名', meaning: '含义', requirement: '是否必填', values: '可填的值' },
      requirement: { required: '必填', conditional: '视情况必填', optional: '选填' },
      column: {
        officers: {
          name: '执法人员姓名',
          certificateNo:
            '执法证号；没有执法证的辅助人员（协管员）填“{auxiliary}”。持证人员才能计入办案所需的两名执法人员',
          team: '所属中队，须与中队表中的中队名称一致',
          phone: '本人手机号，用于派单和联系',
          deviceId: '所配手机或执法终端的编号（如 IMEI），用于把终端上报的位置对应到本人',
        },
        teams: {
          name: '中队名称，人员表的“中队”列按此名称对应',
          leader: '中队长姓名，须是人员表中本中队的一名人员',
          phone: '中队值班电话',
        },
        gridWorkers: {
          name: '网格员姓名',
          phone: '网格员手机号',
          grids: '负责的网格编码（15 位），多个用顿号或逗号分隔',
        },
        matters: {
          code: '事项编码，全表唯一，例如 CG-001',
          name: '事项名称，按权力清单填写',
          domain: '所属执法领域',
          legalBasis: '法律依据：法律法规名称和条款',
          authority: '权限来源：乡镇法定、赋权、委托，或由县级部门行使（案件转为吹哨报到）',
          department: '权限为“{department}”时必填：行使该权限的县级部门，须与部门表中的名称或简称一致',
          register: '上报到立案的时限，工作小时。乡镇权限的事项必填',
          dispatch: '立案到派遣的时限，工作小时。乡镇权限的事项必填',
          handle: '签收到处置完成的时限，工作小时。乡镇权限的事项必填',
          verify: '反馈到核查的时限，工作小时。乡镇权限的事项必填',
          needsCertified: '执法时是否须有两名持证执法人员（行政处罚、行政强制）。不填视为“{yes}”',
        },
        departments: {
          name: '部门全称，例如 兴化市城市管理局',
          shortName: '简称，事项表可用简称指代部门。不填则与全称相同',
          phone: '吹哨报到时联系的电话',
        },
      },
      values: {
        officers: {
          name: '文字',
          certificateNo: '执法证号，或“{auxiliary}”',
          team: '中队名称',
          phone: '11 位手机号，或带区号的座机（0523-83212345）',
          deviceId: '文字或数字',
        },
        teams: {
          name: '文字',
          leader: '人员姓名',
          phone: '手机号或带区号的座机',
        },
        gridWorkers: {
          name: '文字',
          phone: '11 位手机号',
          grids: '例如 321281105001001、321281105001002',
        },
        matters: {
          code: '字母、数字和短横线',
          name: '文字',
          domain: '{domains}',
          legalBasis: '文字',
          authority: '{powers}',
          department: '部门名称或简称',
          register: '不小于 0 的数，可有小数（0.5）',
          dispatch: '不小于 0 的数，可有小数',
          handle: '不小于 0 的数，可有小数',
          verify: '不小于 0 的数，可有小数',
          needsCertified: '{yes}、{no}',
        },
        departments: {
          name: '文字',
          shortName: '文字',
          phone: '座机或手机号',
        },
      },
      notes: {
        header: '第一行是表头，请不要修改列名；数据从第二行起填写，每行一条。',
        examples: '以“{example}”开头的行是示例，导入时不会导入；请删除示例行或在其下方填写。',
        extraColumns: '可以增加“序号”“备注”等列，导入时会忽略。',
      },
      missingColumn: '{file} 缺少“{column}”列',
      unusedColumn: '{file} 的“{column}”列不会导入',
      noRows: '{file} 只有表头，没有数据',
      onlyExamples: '{file} 只有模板中的 {count} 行示例，请填写本单位的数据后再导入',
      exampleRow: '{file} 第 {row} 行是模板示例，不会导入',
      missingValue: '{file} 第 {row} 行：“{column}”为空',
      badPhone: '{file} 第 {row} 行：“{column}”的值“{value}”不是有效的电话号码',
      duplicateCertificate: '{file} 第 {row} 行：{column}“{value}”与第 {firstRow} 行重复',
      duplicatePerson: '{file} 第 {row} 行：{name}（{phone}）与第 {firstRow} 行重复',
      duplicateDevice: '{file} 第 {row} 行：{column}“{value}”已由第 {firstRow} 行的人员使用',
      duplicateName: '{file} 第 {row} 行：{column}“{value}”与第 {firstRow} 行重复',
      duplicateCode: '{file} 第 {row} 行：{column}“{value}”与第 {firstRow} 行重复',
      unknownTeam: '{file} 第 {row} 行：“{column}”的值“{value}”不是已有的中队',
      unknownLeader: '{file} 第 {row} 行：{team}的“{column}”“{value}”不在本中队的人员中',
      ambiguousLeader: '{file} 第 {row} 行：{team}有多名人员叫“{value}”，无法确定“{column}”',
      badDomain: '{file} 第 {row} 行：“{column}”的值“{value}”不是执法领域，请按说明页填写',
      badAuthority: '{file} 第 {row} 行：“{column}”的值“{value}”不是法定、赋权、委托或县级部门',
      unknownDepartment: '{file} 第 {row} 行：“{column}”的值“{value}”不是已有的县级部门',
      departmentIgnored: '{file} 第 {row} 行：乡镇权限的事项不需要“{column}”，“{value}”不会导入',
      missingLimit: '{file} 第 {row} 行：“{column}”为空，乡镇权限的事项须填写各阶段时限',
      defaultLimits:
        '{file} 第 {row} 行：县级部门事项没有填写时限，按默认时限（立案 {register}、派遣 {dispatch}、处置 {handle}、核查 {verify} 工作小时）',
      badHours: '{file} 第 {row} 行：“{column}”的值“{value}”不是工作小时数',
      badYesNo: '{file} 第 {row} 行：“{column}”的值“{value}”应为“是”或“否”',
      badGridCode: '{file} 第 {row} 行：“{column}”中的“{value}”不是有效的网格编码',
    },
  },
  en: {
    centreTables: {
      sheet: {
        officers: 'Officers',
        teams: 'Teams',
        gridWorkers: 'Grid workers',
        matters: 'Matters',
        departments: 'Departments',
        notes: 'Notes',
      },
      notesHeader: {
        column: 'Column',
        meaning: 'Meaning',
        requirement: 'Required',
        values: 'Allowed values',
      },
      requirement: { required: 'Required', conditional: 'Sometimes', optional: 'Optional' },
      column: {
        officers: {
          name: "The officer's name",
          certificateNo:
            'Enforcement certificate number; auxiliary staff without one write "{auxiliary}". Only certified officers count towards the two an action needs',
          team: "The officer's team, as named in the teams sheet",
          phone: "The officer's mobile, for dispatch and contact",
          deviceId:
            "ID of the officer's phone or terminal (e.g. IMEI): positions it reports are the officer's",
        },
        teams: {
          name: 'Team name; the officers sheet names teams by it',
          leader: "The team leader's name: one of this team's officers",
          phone: "The team's duty phone",
        },
        gridWorkers: {
          name: "The grid worker's name",
          phone: "The grid worker's mobile",
          grids: 'Codes (15 digits) of the grids the worker answers for, separated by commas',
        },
        matters: {
          code: 'Matter code, unique in the sheet, e.g. CG-001',
          name: 'Matter name as in the power list',
          domain: 'Enforcement domain',
          legalBasis: 'Legal basis: statute and article',
          authority:
            'Where the power comes from: the township by law, by grant or by delegation, or a county department (cases become whistles)',
          department:
            'Required when the power is "{department}": the county department, by its name or short name in the departments sheet',
          register: 'Limit from report to registration, working hours. Required for township matters',
          dispatch: 'Limit from registration to dispatch, working hours. Required for township matters',
          handle: 'Limit from acknowledgement to completion, working hours. Required for township matters',
          verify: 'Limit from feedback to verification, working hours. Required for township matters',
          needsCertified:
            'Whether two certified officers are needed (penalties, coercive measures). Empty means "{yes}"',
        },
        departments: {
          name: 'Full name, e.g. 兴化市城市管理局',
          shortName: 'Short name; matters may name the department by it. Empty means the full name',
          phone: 'Phone for whistles',
        },
      },
      values: {
        officers: {
          name: 'Text',
          certificateNo: 'Certificate number, or "{auxiliary}"',
          team: 'Team name',
          phone: '11-digit mobile, or landline with area code (0523-83212345)',
          deviceId: 'Text or digits',
        },
        teams: {
          name: 'Text',
          leader: "An officer's name",
          phone: 'Mobile or landline with area code',
        },
        gridWorkers: {
          name: 'Text',
          phone: '11-digit mobile',
          grids: 'e.g. 321281105001001, 321281105001002',
        },
        matters: {
          code: 'Letters, digits and dashes',
          name: 'Text',
          domain: '{domains}',
          legalBasis: 'Text',
          authority: '{powers}',
          department: 'Department name or short name',
          register: 'A number of at least 0, decimals allowed (0.5)',
          dispatch: 'A number of at least 0, decimals allowed',
          handle: 'A number of at least 0, decimals allowed',
          verify: 'A number of at least 0, decimals allowed',
          needsCertified: '{yes}, {no}',
        },
        departments: {
          name: 'Text',
          shortName: 'Text',
          phone: 'Landline or mobile',
        },
      },
      notes: {
        header: 'Row 1 is the header: keep the column names. Fill in one record per row from row 2.',
        examples:
          'Rows starting with "{example}" are examples and are never imported: delete them or write below them.',
        extraColumns: 'Columns such as No. or Remarks may be added; the import ignores them.',
      },
      missingColumn: '{file} has no "{column}" column',
      unusedColumn: 'The "{column}" column of {file} is not imported',
      noRows: '{file} has a header but no data',
      onlyExamples: "{file} holds only the template's {count} example rows: fill in your own data first",
      exampleRow: '{file} row {row} is a template example and is not imported',
      missingValue: '{file} row {row}: "{column}" is empty',
      badPhone: '{file} row {row}: "{column}" value "{value}" is not a phone number',
      duplicateCertificate: '{file} row {row}: {column} "{value}" repeats row {firstRow}',
      duplicatePerson: '{file} row {row}: {name} ({phone}) repeats row {firstRow}',
      duplicateDevice:
        '{file} row {row}: {column} "{value}" is already used by the officer of row {firstRow}',
      duplicateName: '{file} row {row}: {column} "{value}" repeats row {firstRow}',
      duplicateCode: '{file} row {row}: {column} "{value}" repeats row {firstRow}',
      unknownTeam: '{file} row {row}: "{column}" value "{value}" is not a known team',
      unknownLeader: '{file} row {row}: {column} "{value}" of {team} is not one of its officers',
      ambiguousLeader:
        '{file} row {row}: several officers of {team} are called "{value}"; "{column}" is ambiguous',
      badDomain: '{file} row {row}: "{column}" value "{value}" is not a domain; see the notes sheet',
      badAuthority:
        '{file} row {row}: "{column}" value "{value}" is not statutory, granted, delegated or county department',
      unknownDepartment: '{file} row {row}: "{column}" value "{value}" is not a known county department',
      departmentIgnored: '{file} row {row}: a township matter needs no "{column}"; "{value}" is not imported',
      missingLimit: '{file} row {row}: "{column}" is empty; a township matter needs every stage limit',
      defaultLimits:
        '{file} row {row}: a county department matter without limits gets the defaults (register {register}, dispatch {dispatch}, handle {handle}, verify {verify} working hours)',
      badHours: '{file} row {row}: "{column}" value "{value}" is not a number of working hours',
      badYesNo: '{file} row {row}: "{column}" value "{value}" should be yes or no',
      badGridCode: '{file} row {row}: "{value}" in "{column}" is not a valid grid code',
    },
  },
} as const;
