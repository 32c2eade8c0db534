/** The application menu's strings, Chinese first. (Main has no vue-i18n; this is its one string table.) */
import type { Locale } from '../shared/ipc/contract';

export interface MenuLabels {
  readonly file: string;
  readonly resetToSample: string;
  readonly quit: string;
  readonly edit: string;
  readonly undo: string;
  readonly redo: string;
  readonly cut: string;
  readonly copy: string;
  readonly paste: string;
  readonly selectAll: string;
  readonly view: string;
  readonly layerPanel: string;
  readonly unitBoard: string;
  readonly fullScreen: string;
  readonly openWall: string;
  readonly actualSize: string;
  readonly zoomIn: string;
  readonly zoomOut: string;
  readonly switchLanguage: string;
  readonly reload: string;
  readonly devTools: string;
  readonly map: string;
  readonly fitTownship: string;
  readonly window: string;
  readonly minimize: string;
  readonly help: string;
  readonly about: string;
}

export const MENU_LABELS: Readonly<Record<Locale, MenuLabels>> = {
  'zh-CN': {
    file: '文件(&F)',
    resetToSample: '恢复示例数据…',
    quit: '退出',
    edit: '编辑(&E)',
    undo: '撤销',
    redo: '重做',
    cut: '剪切',
    copy: '复制',
    paste: '粘贴',
    selectAll: '全选',
    view: '视图(&V)',
    layerPanel: '图层面板',
    unitBoard: '执法力量',
    fullScreen: '全屏',
    openWall: '打开指挥大屏',
    actualSize: '实际大小',
    zoomIn: '放大',
    zoomOut: '缩小',
    switchLanguage: 'English',
    reload: '重新加载',
    devTools: '开发者工具',
    map: '地图(&M)',
    fitTownship: '缩放至全镇',
    window: '窗口(&W)',
    minimize: '最小化',
    help: '帮助(&H)',
    about: '关于 GridDesk 网格指挥台',
  },
  en: {
    file: '&File',
    resetToSample: 'Restore Sample Data…',
    quit: 'Quit',
    edit: '&Edit',
    undo: 'Undo',
    redo: 'Redo',
    cut: 'Cut',
    copy: 'Copy',
    paste: 'Paste',
    selectAll: 'Select All',
    view: '&View',
    layerPanel: 'Layer Panel',
    unitBoard: 'Unit Board',
    fullScreen: 'Full Screen',
    openWall: 'Open Display Wall',
    actualSize: 'Actual Size',
    zoomIn: 'Zoom In',
    zoomOut: 'Zoom Out',
    switchLanguage: '中文',
    reload: 'Reload',
    devTools: 'Developer Tools',
    map: '&Map',
    fitTownship: 'Zoom to Township',
    window: '&Window',
    minimize: 'Minimize',
    help: '&Help',
    about: 'About GridDesk',
  },
};
