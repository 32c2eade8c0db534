/**
 * Mutation checks: deliberate one-line breaks of the code that the tests must catch (issue 9, "Tests that
 * must be able to fail"). Each mutant is an exact string replacement in one source file; the script applies
 * it, runs the test files that guard that code, puts the file back byte for byte, and reports the mutant
 * killed (the tests failed) or survived (they still passed). It pins the mutants the issue names and needs
 * nothing but vitest; StrykerJS (9.6 on Node 20) generates mutants by itself where it is installed.
 *
 *   npx tsx scripts/mutations.ts             the unit-test mutants
 *   npx tsx scripts/mutations.ts --e2e       the end-to-end ones too (each builds the renderer; slow)
 *   npx tsx scripts/mutations.ts orient      the mutants whose id contains "orient"
 *   npx tsx scripts/mutations.ts --list      list the mutants and the tests meant to kill them
 *
 * First the guarding tests run without any mutation: if they fail, nothing else runs. Exit code 0 when
 * every mutant was killed; 1 when one survived, when its text is no longer found exactly once in its file
 * (the code moved on: update the mutant), or on a failing baseline.
 *
 * The source file is restored in a `finally` block and on Ctrl-C / SIGTERM, and checked afterwards; a
 * mutation is never left in place (after a SIGKILL, `git diff` shows it). After an e2e mutant the renderer
 * is built again from the restored source, so dist/ never holds a mutant. Do not edit the mutated files
 * while it runs.
 */
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Project = 'unit' | 'e2e';

interface Mutant {
  /** Short stable name, used to filter. */
  readonly id: string;
  /** Source file, relative to the repository root. */
  readonly file: string;
  /** Exact text to replace; it must occur exactly once in the file. */
  readonly find: string;
  readonly replace: string;
  /** Vitest project of the tests; 'e2e' builds the renderer first. Default 'unit'. */
  readonly project?: Project;
  /** Test files to run against the mutant. */
  readonly tests: readonly string[];
  /** The test meant to kill it, for the report. */
  readonly killedBy: string;
}

const restoreClear = (table: string): Mutant => ({
  id: `restore-keeps-old-${table}`,
  file: 'renderer/db/backup-repo.ts',
  find: '.map((name) => db.table(name).clear())',
  replace: `.filter((name) => name !== '${table}').map((name) => db.table(name).clear())`,
  tests: ['renderer/db/backup-repo.test.ts'],
  killedBy: `renderer/db/backup-repo.test.ts: a restore over different data leaves none of the old ${table}`,
});

export const MUTANTS: readonly Mutant[] = [
  {
    id: 'record-hash-drops-action',
    file: 'shared/cases/record.ts',
    find: '  delete body.hash;\n',
    replace: '  delete body.hash;\n  delete body.action;\n',
    tests: ['shared/cases/record.test.ts'],
    killedBy: 'shared/cases/record.test.ts: tampering with each field of an event (action included) is named',
  },
  {
    id: 'canonical-json-drops-payload',
    file: 'shared/cases/canonical-json.ts',
    find: '.filter((key) => record[key] !== undefined)',
    replace: ".filter((key) => record[key] !== undefined && key !== 'payload')",
    tests: ['shared/cases/canonical-json.test.ts', 'shared/cases/record.test.ts'],
    killedBy: 'shared/cases/record.test.ts: tampering with an event payload is named as edited',
  },
  {
    id: 'time-limits-near-threshold',
    file: 'shared/cases/time-limits.ts',
    find: 'usedMs >= policy.nearThreshold * allowed',
    replace: 'usedMs > policy.nearThreshold * allowed',
    tests: ['shared/cases/time-limits.test.ts'],
    killedBy:
      'shared/cases/time-limits.test.ts: "turns near at exactly 80 % of the limit used" (both clocks)',
  },
  {
    id: 'time-limits-overdue-at-due-instant',
    file: 'shared/cases/time-limits.ts',
    find: "reference > dueAt ? 'overdue'",
    replace: "reference >= dueAt ? 'overdue'",
    tests: ['shared/cases/time-limits.test.ts'],
    killedBy:
      'shared/cases/time-limits.test.ts: "is near at the due instant itself and overdue 1 ms after it"',
  },
  {
    id: 'time-limits-late-when-ended-at-due-instant',
    file: 'shared/cases/time-limits.ts',
    find: 'onTime = draft.endedAt <= dueAt;',
    replace: 'onTime = draft.endedAt < dueAt;',
    tests: ['shared/cases/time-limits.test.ts'],
    killedBy:
      'shared/cases/time-limits.test.ts: "counts a period ended exactly at the due instant as on time"',
  },
  {
    id: 'time-limits-due-when-suspension-ends',
    file: 'shared/cases/time-limits.ts',
    find: 'if (segment >= remaining) return',
    replace: 'if (segment > remaining) return',
    tests: ['shared/cases/time-limits.test.ts'],
    killedBy:
      'shared/cases/time-limits.test.ts: "makes a limit that runs out as a suspension starts due then"',
  },
  {
    id: 'time-limits-rework-over-limit',
    file: 'shared/cases/time-limits.ts',
    find: 'if (remaining <= 0) return draft.startedAt;',
    replace: '',
    tests: ['shared/cases/time-limits.test.ts'],
    killedBy:
      'shared/cases/time-limits.test.ts: "makes a 返工 round that carries more than the whole limit due at its start"',
  },
  {
    id: 'orient-edge-goes-west',
    file: 'shared/spatial/polygon-store.ts',
    find: 'orientSign(lx, ly, hx, hy, px, py) > 0',
    replace: 'orientSign(lx, ly, hx, hy, px, py) >= 0',
    tests: ['shared/spatial/grid-locator.edges.test.ts', 'shared/spatial/grid-locator.test.ts'],
    killedBy:
      'shared/spatial/grid-locator.edges.test.ts: a point on a slanted shared edge goes to the east grid',
  },
  restoreClear('caseLoops'),
  restoreClear('events'),
  restoreClear('accounts'),
  restoreClear('attachments'),
  {
    id: 'patrol-simulator-never-moves',
    file: 'shared/positions/patrol-simulator.ts',
    find: 'next = candidate;',
    replace: 'next = officer.position;',
    tests: ['shared/positions/positions.test.ts'],
    killedBy: 'shared/positions/positions.test.ts: every officer on duty moves 30–120 m',
  },
  {
    id: 'wall-runs-workstation-keys',
    file: 'renderer/App.vue',
    find: 'if (!command || (wall && !WALL_COMMANDS.includes(command.id))) return;',
    replace: 'if (!command) return;',
    project: 'e2e',
    tests: ['test/e2e/wall.test.ts'],
    killedBy:
      'test/e2e/wall.test.ts: "does not act on the workstation keys, while its own full-screen key works"',
  },
  {
    id: 'wall-runs-queue-key',
    file: 'renderer/App.vue',
    find: "const WALL_COMMANDS: readonly string[] = ['view.toggleFullScreen'];",
    replace: "const WALL_COMMANDS: readonly string[] = ['view.toggleFullScreen', 'cases.focusQueue'];",
    project: 'e2e',
    tests: ['test/e2e/wall.test.ts'],
    killedBy: 'test/e2e/wall.test.ts: the same test, by the Q key alone being taken on the wall',
  },
];

const ROOT = join(import.meta.dirname, '..');
/** Per command; a test run that takes longer counts as killed (a mutant that hangs the tests is caught). */
const TIMEOUT_MS = 10 * 60_000;

type Outcome = 'killed' | 'survived' | 'timeout' | 'stale' | 'interrupted';

function occurrences(text: string, part: string): number {
  let count = 0;
  for (let at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + part.length)) count += 1;
  return count;
}

let interrupted = false;
let running: ReturnType<typeof spawn> | null = null;
/** The file currently mutated and its original text, restored on a signal too. */
let pending: { path: string; original: string } | null = null;

function restorePending(): void {
  if (pending === null) return;
  writeFileSync(pending.path, pending.original);
  if (readFileSync(pending.path, 'utf8') !== pending.original) {
    throw new Error(`could not restore ${pending.path}: check it with git diff`);
  }
  pending = null;
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    interrupted = true;
    running?.kill('SIGTERM');
    restorePending();
    process.exitCode = 1;
  });
}

/** Runs a node script of a package; resolves with true when it exits 0, 'timeout' when it was stopped. */
function runNode(args: readonly string[]): Promise<boolean | 'timeout'> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    running = child;
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGTERM');
    }, TIMEOUT_MS);
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      running = null;
      if (process.env.MUTATIONS_VERBOSE) process.stdout.write(output);
      resolve(timedOut ? 'timeout' : code === 0);
    });
  });
}

const buildRenderer = (): Promise<boolean | 'timeout'> =>
  runNode([join(ROOT, 'node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.ts']);

/** Runs test files of a project (building the renderer first for e2e); true when they all passed. */
async function runTests(project: Project, tests: readonly string[]): Promise<boolean | 'timeout'> {
  if (project === 'e2e') {
    const built = await buildRenderer();
    if (built !== true) return built;
  }
  const vitest = join(ROOT, 'node_modules/vitest/vitest.mjs');
  return runNode([vitest, 'run', '--project', project, '--reporter=dot', ...tests]);
}

async function check(mutant: Mutant): Promise<Outcome> {
  const path = join(ROOT, mutant.file);
  const original = readFileSync(path, 'utf8');
  if (occurrences(original, mutant.find) !== 1) return 'stale';
  pending = { path, original };
  try {
    writeFileSync(
      path,
      original.replace(mutant.find, () => mutant.replace),
    );
    const passed = await runTests(mutant.project ?? 'unit', mutant.tests);
    if (interrupted) return 'interrupted';
    return passed === 'timeout' ? 'timeout' : passed ? 'survived' : 'killed';
  } finally {
    restorePending();
  }
}

async function main(): Promise<number> {
  const args = process.argv.slice(2);
  const filters = args.filter((a) => !a.startsWith('--'));
  const chosen = MUTANTS.filter(
    (m) =>
      (filters.length === 0 || filters.some((f) => m.id.includes(f))) &&
      (args.includes('--e2e') || args.includes('--list') || (m.project ?? 'unit') === 'unit'),
  );
  if (args.includes('--list')) {
    for (const m of chosen) {
      const where = `${m.file}: ${JSON.stringify(m.find)} → ${JSON.stringify(m.replace)}`;
      console.log(`${m.id}${m.project === 'e2e' ? ' (--e2e)' : ''}\n  ${where}\n  ${m.killedBy}`);
    }
    return 0;
  }
  if (chosen.length === 0) {
    console.error(`no mutant matches ${filters.join(', ')} (e2e ones need --e2e); see --list`);
    return 1;
  }
  for (const project of ['unit', 'e2e'] as const) {
    const files = [
      ...new Set(chosen.filter((m) => (m.project ?? 'unit') === project).flatMap((m) => m.tests)),
    ];
    if (files.length === 0) continue;
    console.log(`baseline (${project}): ${files.join(' ')}`);
    if ((await runTests(project, files)) !== true) {
      console.error(
        'the guarding tests fail without any mutation: fix them first (MUTATIONS_VERBOSE=1 shows why)',
      );
      return 1;
    }
  }
  const results: { mutant: Mutant; outcome: Outcome }[] = [];
  try {
    for (const mutant of chosen) {
      if (interrupted) break;
      const outcome = await check(mutant);
      if (outcome === 'interrupted') break;
      results.push({ mutant, outcome });
      const note = outcome === 'stale' ? ` (its text is not found exactly once in ${mutant.file})` : '';
      console.log(`${outcome.padEnd(8)} ${mutant.id}${note}`);
    }
  } finally {
    if (chosen.some((m) => m.project === 'e2e') && (await buildRenderer()) !== true) {
      console.error('could not rebuild the renderer from the restored source: run npm run build:renderer');
    }
  }
  const bad = results.filter((r) => r.outcome === 'survived' || r.outcome === 'stale');
  const killed = results.length - bad.length;
  console.log(`\n${killed} of ${chosen.length} mutants killed${interrupted ? ' (interrupted)' : ''}`);
  for (const { mutant, outcome } of bad)
    console.log(`${outcome}: ${mutant.id}, to be killed by ${mutant.killedBy}`);
  return bad.length > 0 || interrupted || results.length < chosen.length ? 1 : 0;
}

process.exitCode = await main();
