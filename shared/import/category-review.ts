/**
 * The distinct categories of an export, for the import dialog's category table: each once, with how many
 * rows carry it and what the automatic classification made of it, so the operator maps each unmatched
 * category once instead of row by row.
 */
import type { Matter } from '../model/matter';
import { categoryKey, classifyCategory, type CategoryMatch } from './category-match';
import type { ColumnMapping } from './mapping';
import type { ImportTable } from './table-types';

export interface CategoryReviewRow {
  /** categoryKey of the text: what the operator's choice is stored under. */
  readonly key: string;
  /** The text as first written in the file. */
  readonly text: string;
  /** Data rows carrying it. */
  readonly rows: number;
  /** The classification without any operator choice (synonyms and names only). */
  readonly automatic: CategoryMatch;
}

/**
 * The file's distinct non-empty categories (by categoryKey), in order of first appearance, each with
 * its automatic match. Empty when no category column is mapped.
 */
export function reviewCategories(
  table: ImportTable,
  mapping: ColumnMapping,
  matters: readonly Matter[],
): CategoryReviewRow[] {
  const column = mapping.category;
  if (column === undefined) return [];
  const seen = new Map<string, { text: string; rows: number }>();
  for (const record of table.rows) {
    const cell = record.cells[column];
    const text = cell === undefined ? '' : String(cell).trim();
    if (text === '') continue;
    const key = categoryKey(text);
    const entry = seen.get(key);
    if (entry === undefined) seen.set(key, { text, rows: 1 });
    else entry.rows++;
  }
  return [...seen].map(([key, { text, rows }]) => ({
    key,
    text,
    rows,
    automatic: classifyCategory(text, matters),
  }));
}

/** The rows the operator has to map: no automatic match, or several candidates. */
export function unmatchedCategories(review: readonly CategoryReviewRow[]): CategoryReviewRow[] {
  return review.filter((row) => row.automatic.kind !== 'matched');
}
