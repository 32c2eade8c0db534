/**
 * The questions the import dialog asks about a file before it converts it: which coordinate system its
 * lon/lat are in (stated by the file, remembered for its source, or the operator's pick, never assumed)
 * and which matter each category means that nothing matched. Answers are kept per source and written
 * when the import is committed. The domain rules are the shared import functions; this only holds state.
 * The facts about all rows (stated system, township fit, categories) are computed where the rows are,
 * in the import worker (see reviewImportTable), and handed in with {@link setFacts}.
 */
import { computed, ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import type { CoordSystem } from '../../../../shared/geo/coord-systems';
import {
  EMPTY_IMPORT_SOURCES,
  findSource,
  sourceKey,
  unmatchedCategories,
  type ColumnMapping,
  type ImportReviewFacts,
  type ImportSourceMemory,
} from '../../../../shared/import';
import type { ImportTableInfo } from '../../../import/import-service';
import { currentDb } from '../../../db/handle';
import type { SessionToken } from '../../../db/sessions';
import {
  loadImportSources,
  rememberImportSource,
  type RememberSourceResult,
} from '../../../db/import-sources-repo';

const NO_FIT = { total: 0, inside: { wgs84: 0, gcj02: 0, bd09: 0 } } as const;

export function useImportReview(table: ShallowRef<ImportTableInfo | null>, mapping: Ref<ColumnMapping>) {
  /** The worker's facts for the current file and mapping; null until they arrive. */
  const facts = shallowRef<ImportReviewFacts | null>(null);
  const memory = shallowRef<ImportSourceMemory>(EMPTY_IMPORT_SOURCES);
  /** The operator's pick, or the stated/remembered system set when the file was read. */
  const coordSystem = ref<CoordSystem | null>(null);
  /** categoryKey → matter code, for this file's source. */
  const categoryChoices = ref<Record<string, string>>({});

  const key = computed(() => (table.value ? sourceKey(table.value.headers) : ''));
  const source = computed(() => findSource(memory.value, key.value));
  const stated = computed(() => facts.value?.stated ?? null);
  const hasCoordinates = computed(() => mapping.value.lon !== undefined && mapping.value.lat !== undefined);
  /** The system rows are converted with; null while the operator still has to choose. */
  const effectiveSystem = computed<CoordSystem | null>(() =>
    hasCoordinates.value ? coordSystem.value : 'wgs84',
  );
  const fit = computed(() => facts.value?.fit ?? NO_FIT);
  const unmatched = computed(() => unmatchedCategories(facts.value?.categories ?? []));
  const descriptionFromCategory = computed(
    () => table.value !== null && mapping.value.description === undefined,
  );

  /**
   * Loads what is remembered and sets the answers for a newly read file, given the facts of its rows
   * under the guessed mapping.
   */
  async function start(tbl: ImportTableInfo, first: ImportReviewFacts): Promise<void> {
    memory.value = await loadImportSources(currentDb());
    const remembered = findSource(memory.value, sourceKey(tbl.headers));
    facts.value = first;
    coordSystem.value = first.stated?.system ?? remembered?.coordSystem ?? null;
    categoryChoices.value = { ...(remembered?.categories ?? {}) };
  }

  /** The worker's facts after the mapping changed (null while they are being computed). */
  function setFacts(next: ImportReviewFacts | null): void {
    facts.value = next;
  }

  /** Writes this import's answers for its source, as the signed-in account. */
  async function remember(fileName: string, session: SessionToken): Promise<RememberSourceResult> {
    const result = await rememberImportSource(
      currentDb(),
      {
        key: key.value,
        label: fileName,
        coordSystem: stated.value === null && hasCoordinates.value ? coordSystem.value : null,
        categories: categoryChoices.value,
        at: Date.now(),
      },
      session,
    );
    if (result.ok) memory.value = result.memory;
    return result;
  }

  return {
    coordSystem,
    categoryChoices,
    source,
    stated,
    hasCoordinates,
    effectiveSystem,
    fit,
    unmatched,
    descriptionFromCategory,
    start,
    setFacts,
    remember,
  };
}
