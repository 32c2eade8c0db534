import { describe, expect, it } from 'vitest';
import { chooseChromium, chromiumArgs, DEBIAN_CHROMIUM, NPM_CHROMIUM } from '../e2e/browser';

describe('which Chromium the end-to-end tests drive', () => {
  const debianPresent = (path: string): boolean => path === DEBIAN_CHROMIUM;
  const nothingPresent = (): boolean => false;

  it('takes CHROMIUM_PATH first, even where Debian’s Chromium exists', () => {
    expect(chooseChromium({ CHROMIUM_PATH: '/opt/chrome/chrome' }, debianPresent)).toEqual({
      source: 'CHROMIUM_PATH',
      executablePath: '/opt/chrome/chrome',
    });
  });

  it('takes Debian’s Chromium when no CHROMIUM_PATH is given (or it is blank)', () => {
    expect(chooseChromium({}, debianPresent)).toEqual({ source: 'debian', executablePath: DEBIAN_CHROMIUM });
    expect(chooseChromium({ CHROMIUM_PATH: ' ' }, debianPresent)).toEqual({
      source: 'debian',
      executablePath: DEBIAN_CHROMIUM,
    });
  });

  it('falls back to the npm package’s Chromium on a machine with neither', () => {
    expect(chooseChromium({}, nothingPresent)).toEqual({ source: 'npm' });
  });

  it('takes the npm package’s Chromium when CHROMIUM_PATH names the package', () => {
    expect(chooseChromium({ CHROMIUM_PATH: NPM_CHROMIUM }, debianPresent)).toEqual({ source: 'npm' });
  });

  it('runs every kind with software WebGL, and only the full Chromium with --headless=new', () => {
    for (const choice of [chooseChromium({}, debianPresent), chooseChromium({}, nothingPresent)]) {
      expect(chromiumArgs(choice)).toEqual(
        expect.arrayContaining(['--use-angle=swiftshader', '--no-sandbox']),
      );
    }
    expect(chromiumArgs({ source: 'debian', executablePath: DEBIAN_CHROMIUM })).toContain('--headless=new');
    expect(chromiumArgs({ source: 'npm' })).not.toContain('--headless=new');
  });
});
