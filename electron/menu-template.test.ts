import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it } from 'vitest';
import { MENU_COMMAND_IDS, type Locale, type MenuCommandId } from '../shared/ipc/contract';
import { buildMenuTemplate } from './menu-template';

function build(locale: Locale, sent: MenuCommandId[] = [], platform = 'win32', developer = false) {
  return buildMenuTemplate({ locale, platform, developer, onCommand: (id) => sent.push(id) });
}

function flatten(items: readonly MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

const topLabels = (items: readonly MenuItemConstructorOptions[]): string[] => items.map((i) => i.label ?? '');
const hasHan = (text: string): boolean => /\p{Script=Han}/u.test(text);

describe('the application menu', () => {
  it('is Chinese by default', () => {
    const labels = topLabels(build('zh-CN'));
    expect(labels).toEqual(['文件(&F)', '编辑(&E)', '视图(&V)', '地图(&M)', '窗口(&W)', '帮助(&H)']);
  });

  it('is English for en, with the same structure', () => {
    const zh = build('zh-CN');
    const en = build('en');
    expect(topLabels(en)).toEqual(['&File', '&Edit', '&View', '&Map', '&Window', '&Help']);
    expect(flatten(en).map((i) => i.id ?? i.role ?? i.type)).toEqual(
      flatten(zh).map((i) => i.id ?? i.role ?? i.type),
    );
    // In English, only the language switch ("中文") is written in Chinese.
    const chinese = flatten(en).filter((i) => i.label && hasHan(i.label));
    expect(chinese.map((i) => i.id)).toEqual(['app.switchLanguage']);
  });

  it('labels every item that is not a separator', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      for (const item of flatten(build(locale))) {
        if (item.type !== 'separator') expect(item.label, JSON.stringify(item)).toBeTruthy();
      }
    }
  });

  it('sends only command ids from the contract, and each id the menu shows', () => {
    const sent: MenuCommandId[] = [];
    const commandItems = flatten(build('zh-CN', sent)).filter((i) => i.click);
    for (const item of commandItems) {
      expect(MENU_COMMAND_IDS).toContain(item.id);
      (item.click as () => void)();
    }
    expect(sent).toEqual(commandItems.map((i) => i.id));
    expect(new Set(sent)).toEqual(new Set(MENU_COMMAND_IDS));
  });

  it('opens the display wall from the View menu, with its F9 key shown', () => {
    for (const [locale, view, label] of [
      ['zh-CN', '视图(&V)', '打开指挥大屏'],
      ['en', '&View', 'Open Display Wall'],
    ] as const) {
      const sent: MenuCommandId[] = [];
      const menu = build(locale, sent).find((i) => i.label === view);
      const item = flatten(Array.isArray(menu?.submenu) ? menu.submenu : []).find(
        (i) => i.id === 'view.openWall',
      );
      expect(item).toMatchObject({ label, accelerator: 'F9', registerAccelerator: false });
      (item?.click as () => void)();
      expect(sent).toEqual(['view.openWall']);
    }
  });

  it('shows the renderer key bindings without registering them twice', () => {
    const items = flatten(build('zh-CN')).filter((i) => i.accelerator);
    expect(items.length).toBeGreaterThan(0);
    for (const item of items) expect(item.registerAccelerator).toBe(false);
  });

  it('offers reload and developer tools only to developers, and the app menu only on macOS', () => {
    const roles = (items: MenuItemConstructorOptions[]): unknown[] => flatten(items).map((i) => i.role);
    expect(roles(build('zh-CN'))).not.toContain('toggleDevTools');
    expect(roles(build('zh-CN', [], 'linux', true))).toContain('toggleDevTools');
    expect(build('zh-CN')[0]?.role).toBeUndefined();
    expect(build('zh-CN', [], 'darwin')[0]?.role).toBe('appMenu');
  });
});
