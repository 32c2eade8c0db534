/**
 * Debugging switches an installed GridDesk refuses. `--remote-debugging-port`/`--remote-debugging-pipe` open the
 * Chrome DevTools protocol to anyone on the PC (any local program could then read the cases and act as the signed-in
 * account); `--inspect*` open the main process to the Node inspector (the packaged binary's fuses already ignore
 * those; refusing them here says so instead of starting silently). A development run (`npm start`) keeps them.
 * Plain logic so tests run it without Electron; main.ts quits with {@link debugSwitchRefusal} when it finds any.
 */

/** The switch names refused, without dashes, lower case. */
export const REFUSED_DEBUG_SWITCHES: readonly string[] = [
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-brk-node',
  'inspect-publish-uid',
  'debug',
  'debug-brk',
];

const REFUSED = new Set(REFUSED_DEBUG_SWITCHES);

/**
 * The refused switches in a command line (`process.argv`, the executable first), as written, in order. Empty for a
 * development build (`isPackaged` false). Switches are read as Chromium and Node read them: `--name`, `--name=value`
 * and single-dash `-name` (on Windows also `/name`), names case-insensitive; nothing after a lone `--` is a switch.
 */
export function refusedDebugSwitches(
  argv: readonly string[],
  isPackaged: boolean,
  platform: NodeJS.Platform = process.platform,
): string[] {
  if (!isPackaged) return [];
  const found: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg === '--') break;
    const prefix = /^(--|-|\/)/.exec(arg)?.[1];
    if (prefix === undefined || (prefix === '/' && platform !== 'win32')) continue;
    const name = arg.slice(prefix.length).split('=', 1)[0]?.toLowerCase() ?? '';
    if (REFUSED.has(name)) found.push(arg);
  }
  return found;
}

/** The message main.ts shows before quitting (both languages: the locale is not loaded yet). */
export function debugSwitchRefusal(switches: readonly string[]): {
  readonly title: string;
  readonly body: string;
} {
  const list = switches.join(' ');
  return {
    title: 'GridDesk 网格指挥台',
    body:
      `已安装的网格指挥台不接受调试参数：${list}\n它们会让本机任何程序读取案件并以登录账号操作。请去掉这些参数后再启动。\n\n` +
      `An installed GridDesk does not accept debugging switches: ${list}\n` +
      'They would let any program on this PC read the cases and act as the signed-in account. Start it without them.',
  };
}
