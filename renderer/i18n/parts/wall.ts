/**
 * Messages of the display wall (指挥大屏): the read-only full-screen view and the command that opens it.
 * Placeholders use vue-i18n named interpolation.
 */
export const wallMessages = {
  'zh-CN': {
    wall: {
      open: '打开指挥大屏',
      opened: '已在 {count} 个屏幕上打开指挥大屏',
      blocked: '浏览器阻止了新窗口，请允许本站弹出窗口后重试',
    },
  },
  en: {
    wall: {
      open: 'Open display wall',
      opened: 'Display wall opened on {count} screen(s)',
      blocked: 'The browser blocked the new window; allow pop-ups for this site and try again',
    },
  },
} as const;
