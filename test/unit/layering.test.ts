import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The renderer's layering as eslint.config.js enforces it, checked on small snippets linted as if they
// were files at the given paths (nothing is written).
const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImports(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.fatal === true)
    .map((m) => m.message);
}

const vue = (script: string): string =>
  `<script setup lang="ts">\n${script}\n</script>\n\n<template><div /></template>\n`;

describe('the renderer layering rules', () => {
  it('refuses a store importing app/', async () => {
    const messages = await restrictedImports(
      'renderer/stores/example.ts',
      "import { startSession } from '../app/session';\nexport const start = startSession;\n",
    );
    expect(messages).toEqual([expect.stringContaining('must not import app/')]);
  });

  it('refuses db/ importing app/', async () => {
    const messages = await restrictedImports(
      'renderer/db/example-repo.ts',
      "import { runCommand } from '../app/commands';\nexport const run = runCommand;\n",
    );
    expect(messages).toEqual([expect.stringContaining('must not import app/')]);
  });

  it('lets a store call a repository of db/', async () => {
    const messages = await restrictedImports(
      'renderer/stores/example.ts',
      "import { currentDb } from '../db/handle';\nexport const db = currentDb;\n",
    );
    expect(messages).toEqual([]);
  });

  it('refuses a component importing db/, but not a store', async () => {
    const messages = await restrictedImports(
      'renderer/views/ExampleView.vue',
      vue(
        "import { currentDb } from '../db/handle';\nimport { useQueueStore } from '../stores/queue';\nconst db = currentDb();\nconst queue = useQueueStore();\nvoid db;\nvoid queue;",
      ),
    );
    expect(messages).toEqual([expect.stringContaining('Components must not import db/')]);
  });

  it('still keeps the renderer away from electron/ in a store', async () => {
    const messages = await restrictedImports(
      'renderer/stores/example.ts',
      "import { registerAppHandlers } from '../../electron/app';\nexport const r = registerAppHandlers;\n",
    );
    expect(messages).toContainEqual(expect.stringContaining('must not import from electron/'));
  });
});
