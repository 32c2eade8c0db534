/** 中心: the centres on this PC, switching between them, setting up a new one (renderer/views/CentresDialog.vue). */
export const centresMessages = {
  'zh-CN': {
    centres: {
      title: '中心',
      manage: '切换或新建中心',
      sample: '示例中心',
      sampleNamed: '示例中心 · {township}',
      sampleTag: '示例',
      isOpen: '当前打开',
      switch: '打开',
      new: '新建中心',
      newHint:
        '新中心有自己的数据，与示例中心互不相混。填写中心和乡镇（街道）信息，并设置新中心的第一个带班领导账号；创建后用该账号登录，导入本中心的数据。',
      create: '创建并打开',
      field: {
        name: '中心名称',
        townshipName: '乡镇（街道）名称',
        divisionCode: '区划代码（9 位）',
        username: '带班领导登录名',
        displayName: '带班领导姓名',
        password: '带班领导密码',
      },
      nameRequired: '请填写名称',
      nameTooLong: '名称最多 {max} 个字',
      nameTaken: '本机已有名为“{name}”的中心',
      townshipRequired: '请填写乡镇（街道）名称',
      code: {
        length: '区划代码应为 9 位（6 位县级代码 + 3 位乡镇代码），实为 {length} 位',
        nonDigit: '区划代码只能包含数字',
        province: '区划代码以 {prefix} 开头，不是有效的省级区划代码',
        countyZero: '前 6 位应为县级区划代码，不能以 00 结尾',
        townshipZero: '后 3 位乡镇（街道）代码不能为 000',
      },
      setupEmpty:
        '本中心还没有乡镇数据。可以从本中心的备份恢复（来自另一台电脑或县级中心），恢复前会逐条核验。',
      setupRestore: '从备份恢复',
    },
  },
  en: {
    centres: {
      title: 'Centres',
      manage: 'Switch or set up a centre',
      sample: 'Sample centre',
      sampleNamed: 'Sample centre · {township}',
      sampleTag: 'Sample',
      isOpen: 'Open now',
      switch: 'Open',
      new: 'New centre',
      newHint:
        'A new centre has its own data, never mixed with the sample. Give the centre and its township, and the new centre’s first shift leader account; once created, sign in with it and bring in the centre’s data.',
      create: 'Create and open',
      field: {
        name: 'Centre name',
        townshipName: 'Township or street office',
        divisionCode: 'Division code (9 digits)',
        username: 'Shift leader’s sign-in name',
        displayName: 'Shift leader’s name',
        password: 'Shift leader’s password',
      },
      nameRequired: 'A name is required',
      nameTooLong: 'At most {max} characters',
      nameTaken: 'A centre named “{name}” is already on this PC',
      townshipRequired: 'The township’s name is required',
      code: {
        length: 'A division code has 9 digits (6 county + 3 township); this has {length}',
        nonDigit: 'A division code has digits only',
        province: 'A division code starting with {prefix} names no province',
        countyZero: 'The first 6 digits must be a county-level code, not ending in 00',
        townshipZero: 'The township part (last 3 digits) cannot be 000',
      },
      setupEmpty:
        'This centre holds no township data yet. Restore it from a backup of the centre (from another PC or the county centre); every event is checked before it is restored.',
      setupRestore: 'Restore from a backup',
    },
  },
} as const;
