/**
 * What the import remembers about where an export comes from (its source: one hotline platform's export
 * format), so the operator answers each question once: the coordinate system the file does not state and
 * the matter of each category nothing else matched. A source is recognised by its header signature (the
 * normalised column names in order); the same platform exports the same columns every time.
 * Stored in the `meta` table beside the centre's settings, versioned, checked on every read.
 */
import { z } from 'zod';
import { COORD_SYSTEMS, type CoordSystem } from '../geo/coord-systems';
import { categoryKey, type CategoryChoices } from './category-match';
import { normaliseHeader } from './mapping';

export interface ImportSource {
  /** The header signature, see {@link sourceKey}. */
  readonly key: string;
  /** What the operator sees: the name of the first file imported from this source. */
  readonly label: string;
  /** The coordinate system the operator chose for this source's lon/lat columns. */
  readonly coordSystem?: CoordSystem;
  /** Category key (see categoryKey) → matter code, as the operator mapped them. */
  readonly categories: CategoryChoices;
  /** When the operator last confirmed these choices, epoch milliseconds. */
  readonly updatedAt: number;
}

export const IMPORT_SOURCES_VERSION = 1;

export interface ImportSourceMemory {
  readonly version: typeof IMPORT_SOURCES_VERSION;
  readonly sources: readonly ImportSource[];
}

export const EMPTY_IMPORT_SOURCES: ImportSourceMemory = { version: IMPORT_SOURCES_VERSION, sources: [] };

/** How many sources are kept; the one confirmed longest ago goes first. */
export const MAX_IMPORT_SOURCES = 50;

const importSourceSchema = z.strictObject({
  key: z.string().min(1).max(4000),
  label: z.string().max(260),
  coordSystem: z.enum(COORD_SYSTEMS).optional(),
  categories: z.record(z.string().min(1).max(200), z.string().min(1).max(64)),
  updatedAt: z.number().int().nonnegative(),
});

const memorySchema = z.strictObject({
  version: z.literal(IMPORT_SOURCES_VERSION),
  sources: z.array(importSourceSchema).max(MAX_IMPORT_SOURCES),
});

/**
 * The source key of a file: its normalised headers (see normaliseHeader) joined by `|`, in column order.
 * Two exports of one platform have one key whatever their rows; a different column set is another source.
 */
export function sourceKey(headers: readonly string[]): string {
  return headers.map(normaliseHeader).join('|');
}

/** Reads stored memory; anything that does not fit the schema is an error value naming the first issue. */
export function parseImportSources(
  value: unknown,
):
  | { readonly ok: true; readonly memory: ImportSourceMemory }
  | { readonly ok: false; readonly issue: string } {
  const parsed = memorySchema.safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    return { ok: false, issue: `${first?.path.join('.') ?? ''}: ${first?.message ?? 'invalid'}` };
  }
  return { ok: true, memory: parsed.data as ImportSourceMemory };
}

export function findSource(memory: ImportSourceMemory, key: string): ImportSource | undefined {
  return memory.sources.find((s) => s.key === key);
}

/** One confirmation of an import: what the operator settled for the file's source. */
export interface SourceChoices {
  readonly key: string;
  readonly label: string;
  /** Null when the file stated its own system (nothing to remember). */
  readonly coordSystem: CoordSystem | null;
  /** Category key (or raw text; it is keyed again) → matter code, as chosen in the dialog; empty ones dropped. */
  readonly categories: Readonly<Record<string, string>>;
  readonly at: number;
}

/**
 * The memory after an import: the source's entry is replaced (its label kept, its earlier category
 * choices kept unless chosen anew, its coordinate system kept when this file stated its own), and the
 * oldest entries dropped beyond {@link MAX_IMPORT_SOURCES}. Returns a new object.
 */
export function rememberSource(memory: ImportSourceMemory, choices: SourceChoices): ImportSourceMemory {
  const earlier = findSource(memory, choices.key);
  const categories: Record<string, string> = { ...(earlier?.categories ?? {}) };
  for (const [text, code] of Object.entries(choices.categories)) {
    if (code !== '' && text.trim() !== '') categories[categoryKey(text)] = code;
  }
  const coordSystem = choices.coordSystem ?? earlier?.coordSystem;
  const entry: ImportSource = {
    key: choices.key,
    label: earlier?.label ?? choices.label,
    ...(coordSystem === undefined ? {} : { coordSystem }),
    categories,
    updatedAt: choices.at,
  };
  const others = memory.sources.filter((s) => s.key !== choices.key);
  const sources = [entry, ...others].sort((a, b) => b.updatedAt - a.updatedAt).slice(0, MAX_IMPORT_SOURCES);
  return { version: IMPORT_SOURCES_VERSION, sources };
}
