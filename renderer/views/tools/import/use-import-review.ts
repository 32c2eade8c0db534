/**
 * The questions the import dialog asks about a file before it converts it: which coordinate system its
 * lon/lat are in (stated by the file, remembered for its source, or the operator's pick, never assumed)
 * and which matter each category means that nothing matched. Answers are kept per source and written
 * when the import is committed. The domain rules are the shared import functions; this only holds state.
 */
import { computed, ref, shallowRef, type Ref, type ShallowRef } from 'vue';
import type { CoordSystem } from '../../../../shared/geo/coord-systems';
import type { LonLat } from '../../../../shared/model/geo';
import {
  EMPTY_IMPORT_SOURCES,
  crsFit,
  findSource,
  plainLonLat,
  reviewCategories,
  sourceKey,
  statedCoordSystem,
  unmatchedCategories,
  type ColumnMapping,
  type ImportSourceMemory,
  type ImportTable,
} from '../../../../shared/import';
import { currentDb } from '../../../db/handle';
import type { SessionToken } from '../../../db/sessions';
import {
  loadImportSources,
  rememberImportSource,
  type RememberSourceResult,
} from '../../../db/import-sources-repo';
import { useTownshipStore } from '../../../stores/township';

export function useImportReview(table: ShallowRef<ImportTable | null>, mapping: Ref<ColumnMapping>) {
  const township = useTownshipStore();
  const memory = shallowRef<ImportSourceMemory>(EMPTY_IMPORT_SOURCES);
  /** The operator's pick, or the stated/remembered system set when the file was read. */
  const coordSystem = ref<CoordSystem | null>(null);
  /** categoryKey → matter code, for this file's source. */
  const categoryChoices = ref<Record<string, string>>({});

  const key = computed(() => (table.value ? sourceKey(table.value.headers) : ''));
  const source = computed(() => findSource(memory.value, key.value));
  const stated = computed(() => (table.value ? statedCoordSystem(table.value, mapping.value) : null));
  const hasCoordinates = computed(() => mapping.value.lon !== undefined && mapping.value.lat !== undefined);
  /** The system rows are converted with; null while the operator still has to choose. */
  const effectiveSystem = computed<CoordSystem | null>(() =>
    hasCoordinates.value ? coordSystem.value : 'wgs84',
  );
  const fit = computed(() => {
    const tbl = table.value;
    const boundary = township.dataset?.township.boundary;
    const points: LonLat[] = [];
    if (tbl && boundary) {
      for (const record of tbl.rows) {
        const p = plainLonLat(record, mapping.value);
        if (p !== null) points.push(p);
      }
    }
    return boundary ? crsFit(points, boundary) : { total: 0, inside: { wgs84: 0, gcj02: 0, bd09: 0 } };
  });
  const categories = computed(() =>
    table.value ? reviewCategories(table.value, mapping.value, township.dataset?.matters ?? []) : [],
  );
  const unmatched = computed(() => unmatchedCategories(categories.value));
  const descriptionFromCategory = computed(
    () => table.value !== null && mapping.value.description === undefined,
  );

  /** Loads what is remembered and sets the answers for a newly read file (mapping already guessed). */
  async function start(tbl: ImportTable, guessed: ColumnMapping): Promise<void> {
    memory.value = await loadImportSources(currentDb());
    const remembered = findSource(memory.value, sourceKey(tbl.headers));
    coordSystem.value = statedCoordSystem(tbl, guessed)?.system ?? remembered?.coordSystem ?? null;
    categoryChoices.value = { ...(remembered?.categories ?? {}) };
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
    remember,
  };
}
