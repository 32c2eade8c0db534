/** Test helper: the committed sample files in resources/sample, read through Vite's `?raw` import. */

/** The text of a committed sample file, e.g. `readCommittedText('cases.json')`. */
export async function readCommittedText(name: string): Promise<string> {
  const mod: unknown = await import(/* @vite-ignore */ `../../resources/sample/${name}?raw`);
  if (typeof mod !== 'object' || mod === null || !('default' in mod) || typeof mod.default !== 'string') {
    throw new Error(`resources/sample/${name} did not load as text`);
  }
  return mod.default;
}

/** A committed sample file, parsed as JSON. */
export async function readCommitted(name: string): Promise<unknown> {
  return JSON.parse(await readCommittedText(name));
}
