/**
 * Small JSON files under userData (window state, settings): read through a zod schema, written atomically.
 * A missing file is normal (first run); an unreadable or invalid one is reported and treated as missing, so a
 * damaged settings file never stops the app from starting.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { z } from 'zod';

export type JsonFileProblem = (file: string, message: string) => void;

/** The file's content if it exists and matches the schema; otherwise undefined (and `onProblem` unless missing). */
export async function readJsonFile<T>(
  file: string,
  schema: z.ZodType<T>,
  onProblem: JsonFileProblem = () => undefined,
): Promise<T | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') onProblem(file, String(error));
    return undefined;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    onProblem(file, `not JSON: ${String(error)}`);
    return undefined;
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    onProblem(
      file,
      parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; '),
    );
    return undefined;
  }
  return parsed.data;
}

let writes = 0;
/** A temporary name no other write in flight uses (two quick saves must not share one). */
const temporaryName = (file: string): string => `${file}.${process.pid}.${++writes}.tmp`;

/** Writes JSON through a temporary file and a rename, so a crash mid-write leaves the old file intact. */
export async function writeJsonFile(file: string, value: unknown): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temporary = temporaryName(file);
  await writeFile(temporary, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  await rename(temporary, file);
}

/** The synchronous twin of {@link writeJsonFile}, for the moment a window closes and the process may exit. */
export function writeJsonFileSync(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  const temporary = temporaryName(file);
  writeFileSync(temporary, `${JSON.stringify(value, null, 2)}\n`, 'utf8');
  renameSync(temporary, file);
}
