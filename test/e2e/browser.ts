/**
 * Which Chromium the end-to-end tests drive, and with which switches. In order: `CHROMIUM_PATH` if set; else
 * Debian's `/usr/bin/chromium` if present; else the Chromium shipped inside the `@sparticuz/chromium` npm package
 * (a headless shell with SwiftShader, unpacked from its brotli archives into the temp folder on first use, with no
 * install script), so `npm install && npm test` needs nothing from the system. `CHROMIUM_PATH=@sparticuz/chromium`
 * picks the npm package's even where Debian's is installed.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

/** Software WebGL (SwiftShader), so MapLibre renders headless; no background traffic. */
const COMMON_ARGS = [
  '--no-sandbox',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const DEBIAN_CHROMIUM = '/usr/bin/chromium';

export type ChromiumChoice =
  | { readonly source: 'CHROMIUM_PATH' | 'debian'; readonly executablePath: string }
  | { readonly source: 'npm' };

/** The value of `CHROMIUM_PATH` that names the npm package's Chromium rather than a file. */
export const NPM_CHROMIUM = '@sparticuz/chromium';

/**
 * Picks the browser from the environment: `CHROMIUM_PATH` (non-empty) wins, then Debian's Chromium where it
 * exists, then the npm package's.
 */
export function chooseChromium(
  env: Readonly<Record<string, string | undefined>>,
  exists: (path: string) => boolean,
): ChromiumChoice {
  const fromEnv = env.CHROMIUM_PATH?.trim();
  if (fromEnv === NPM_CHROMIUM) return { source: 'npm' };
  if (fromEnv) return { source: 'CHROMIUM_PATH', executablePath: fromEnv };
  if (exists(DEBIAN_CHROMIUM)) return { source: 'debian', executablePath: DEBIAN_CHROMIUM };
  return { source: 'npm' };
}

/** The switches for each kind: Debian's full Chromium runs the new headless mode; the npm one is a headless shell. */
export function chromiumArgs(choice: ChromiumChoice): string[] {
  // The headless shell has a single, headless mode; --no-zygote because the sandbox is off and it runs as root here.
  if (choice.source === 'npm') return [...COMMON_ARGS, '--use-gl=angle', '--no-zygote'];
  return ['--headless=new', ...COMMON_ARGS];
}

let npmChromium: Promise<string> | null = null;

/** The path of the npm package's Chromium, unpacked once per process (into the temp folder, reused across runs). */
async function npmChromiumPath(): Promise<string> {
  npmChromium ??= import('@sparticuz/chromium').then((m) => m.default.executablePath());
  return npmChromium;
}

/** Launches the chosen Chromium, headless. */
export async function launchChromium(
  choice: ChromiumChoice = chooseChromium(process.env, existsSync),
): Promise<Browser> {
  const executablePath = choice.source === 'npm' ? await npmChromiumPath() : choice.executablePath;
  return chromium.launch({ executablePath, args: chromiumArgs(choice) });
}
