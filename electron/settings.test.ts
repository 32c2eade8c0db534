import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadLocaleController, readSettings, withLocale, writeSettings } from './settings';

describe('settings', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'griddesk-settings-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('defaults to Chinese on first run', async () => {
    expect(await readSettings(join(dir, 'settings.json'))).toEqual({ locale: 'zh-CN' });
  });

  it('remembers the locale', async () => {
    const file = join(dir, 'settings.json');
    await writeSettings(file, withLocale(DEFAULT_SETTINGS, 'en'));
    expect((await readSettings(file)).locale).toBe('en');
  });

  it('falls back to the defaults when the file holds an unknown locale', async () => {
    const file = join(dir, 'settings.json');
    await writeFile(file, '{"locale":"fr"}');
    const problems: string[] = [];
    expect(await readSettings(file, (_f, m) => problems.push(m))).toEqual(DEFAULT_SETTINGS);
    expect(problems[0]).toMatch(/^locale: /);
  });
});

describe('the locale controller', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'griddesk-locale-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('tells listeners about a change and remembers it for the next start', async () => {
    const file = join(dir, 'settings.json');
    const locale = await loadLocaleController(file);
    const heard: string[] = [];
    locale.onChange((l) => heard.push(l));
    await locale.set('en');
    await locale.set('en');
    expect(locale.current).toBe('en');
    expect(heard).toEqual(['en']);
    expect((await loadLocaleController(file)).current).toBe('en');
  });
});
