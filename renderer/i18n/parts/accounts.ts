/**
 * Messages of local accounts (sign-in, password policy, roles), place search and case attachments.
 * Merged by the lead into zh-CN.ts / en.ts; both languages have the same keys (checked by a test).
 * Keys match shared/accounts (SignInRefusalKey, SignInRefusalReason, PasswordProblemKey),
 * shared/places (PlaceKind, MatchKind) and renderer/attachments (AttachmentRefusalKey, AttachmentKind).
 */
export const accountsMessages = {
  'zh-CN': {
    auth: {
      title: '登录网格指挥台',
      username: '用户名',
      password: '密码',
      signIn: '登录',
      signOut: '退出登录',
      signingIn: '正在验证…',
      invalidCredentials: '用户名或密码错误',
      disabled: '该账号已停用，请联系带班领导',
      // Audit-log reasons: never shown on the sign-in form.
      unknownUser: '用户名不存在',
      wrongPassword: '密码错误',
      sampleHint: '示例账号：值班员 zhiban / zhiban2026，带班领导 daiban / daiban2026，大屏 wall / wall2026',
    },
    role: { operator: '值班员', leader: '带班领导', viewer: '只读（大屏）' },
    password: {
      tooShort: '密码至少需要 {min} 个字符',
      tooLong: '密码不能超过 {max} 个字符',
      sameAsUsername: '密码不能与用户名相同',
      tooFewClasses: '密码至少需要包含 {min} 类字符（小写字母、大写字母、数字、其他符号）',
    },
    place: {
      searchPlaceholder: '搜索村庄、道路、单位、社区或网格编码',
      noResults: '未找到匹配的地点',
      kind: { settlement: '村庄/集镇', community: '社区/村', poi: '单位/场所', road: '道路', grid: '网格' },
    },
    attachment: {
      add: '添加附件',
      dropHere: '将照片或文件拖到此处',
      allowedTypes:
        '支持 JPG、PNG、WebP、GIF 图片，PDF，MP4 视频，Word、Excel 和 TXT 文本；单个文件不超过 {maxMb} MB，每件案件合计不超过 {caseMb} MB',
      empty: '“{name}”是空文件',
      tooLarge: '“{name}”大小为 {sizeMb} MB，超过单个文件 {maxMb} MB 的上限',
      caseFull: '添加“{name}”后本案附件将超过 {maxMb} MB 的上限（已用 {usedMb} MB，尚余 {freeMb} MB）',
      typeNotAllowed: '不支持“.{ext}”类型的文件：“{name}”',
      contentMismatch: '“{name}”的内容与扩展名“.{ext}”不符，可能已损坏或被改名',
      unreadable: '无法读取“{name}”',
      kind: {
        image: '图片',
        pdf: 'PDF 文档',
        video: '视频',
        document: 'Word 文档',
        spreadsheet: 'Excel 表格',
        text: '文本',
      },
    },
  },
  en: {
    auth: {
      title: 'Sign in to GridDesk',
      username: 'User name',
      password: 'Password',
      signIn: 'Sign in',
      signOut: 'Sign out',
      signingIn: 'Checking…',
      invalidCredentials: 'Wrong user name or password',
      disabled: 'This account is disabled; ask the shift leader',
      unknownUser: 'Unknown user name',
      wrongPassword: 'Wrong password',
      sampleHint:
        'Sample accounts: operator zhiban / zhiban2026, leader daiban / daiban2026, wall wall / wall2026',
    },
    role: { operator: 'Operator', leader: 'Shift leader', viewer: 'Read-only (wall)' },
    password: {
      tooShort: 'The password needs at least {min} characters',
      tooLong: 'The password may have at most {max} characters',
      sameAsUsername: 'The password must not be the user name',
      tooFewClasses:
        'The password needs at least {min} kinds of character (lower case, upper case, digits, other)',
    },
    place: {
      searchPlaceholder: 'Search villages, roads, places, communities or grid codes',
      noResults: 'No matching place',
      kind: {
        settlement: 'Village/town',
        community: 'Community/village',
        poi: 'Place',
        road: 'Road',
        grid: 'Grid',
      },
    },
    attachment: {
      add: 'Add attachment',
      dropHere: 'Drop photos or files here',
      allowedTypes:
        'JPG, PNG, WebP and GIF images, PDF, MP4 video, Word, Excel and TXT; at most {maxMb} MB a file and {caseMb} MB a case',
      empty: '"{name}" is empty',
      tooLarge: '"{name}" is {sizeMb} MB, over the {maxMb} MB limit for one file',
      caseFull:
        'Adding "{name}" would take this case over its {maxMb} MB limit ({usedMb} MB used, {freeMb} MB free)',
      typeNotAllowed: 'Files of type ".{ext}" cannot be attached: "{name}"',
      contentMismatch:
        'The content of "{name}" does not match its extension ".{ext}"; it may be damaged or renamed',
      unreadable: '"{name}" could not be read',
      kind: {
        image: 'Image',
        pdf: 'PDF',
        video: 'Video',
        document: 'Word document',
        spreadsheet: 'Excel sheet',
        text: 'Text',
      },
    },
  },
} as const;
