/**
 * CPU time of this benchmark's processes by kind, read from /proc (Linux): this process (the web
 * server, the listener, Playwright), its Node children (the phones) and Chromium's browser, renderer,
 * GPU and utility processes, so a bench can say where a window's CPU went. Processes that ended
 * before a reading are not counted in it.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ; 100 on Linux). */
const TICKS = 100;

export type CpuByKind = Readonly<Record<string, number>>;

function kindOf(pid: number): string {
  if (pid === process.pid) return 'bench process (server, listener)';
  let cmdline = '';
  try {
    cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return 'gone';
  }
  if (!cmdline.includes('chromium') && !cmdline.includes('chrome')) return 'phones process';
  const type = /--type=([\w-]+)/.exec(cmdline)?.[1];
  return type === undefined ? 'chromium browser' : `chromium ${type}`;
}

/** Seconds of CPU (user + system) each kind of this process's tree has used so far. */
export function cpuByKind(): CpuByKind {
  const stats = new Map<number, { parent: number; seconds: number }>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // After the command: state, ppid, …; utime and stime are the 14th and 15th fields of the line.
      stats.set(Number(name), {
        parent: Number(fields[1]),
        seconds: (Number(fields[11]) + Number(fields[12])) / TICKS,
      });
    } catch {
      // gone meanwhile
    }
  }
  const mine = (pid: number): boolean => {
    for (let p: number | undefined = pid; p !== undefined && p > 1; p = stats.get(p)?.parent)
      if (p === process.pid) return true;
    return false;
  };
  const out: Record<string, number> = {};
  for (const [pid, { seconds }] of stats) {
    if (!mine(pid)) continue;
    const kind = kindOf(pid);
    out[kind] = (out[kind] ?? 0) + seconds;
  }
  return out;
}

/** Per kind, the share of one core used between two readings `seconds` apart (0.5: half a core). */
export function coresUsed(before: CpuByKind, after: CpuByKind, seconds: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const kind of Object.keys(after))
    out[kind] = Math.max(0, ((after[kind] ?? 0) - (before[kind] ?? 0)) / seconds);
  return out;
}

export const coresText = (cores: Readonly<Record<string, number>>): string =>
  Object.entries(cores)
    .filter(([, c]) => c >= 0.005)
    .sort((a, b) => b[1] - a[1])
    .map(([kind, c]) => `${kind} ${c.toFixed(2)}`)
    .join(', ');
