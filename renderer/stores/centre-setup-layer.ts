import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import { guessMapping, type FieldMapping, type PickedLayer } from '../../shared/import/centre';
import {
  takesDatum,
  type ChinaDatum,
  type DetectedCrs,
  type GeoReadFailure,
  type GeoReadProgress,
} from '../../shared/import/geo';
import type { PlacesCurrent, PlacesInput, PlacesPlan } from '../../shared/import/centre/places';
import { readInWorker, WorkCancelled, type GeoImportHandle } from '../geo-import/client';
import type { GeoImportSummary } from '../geo-import/geo-import-service';
import type {
  GridReplacement,
  GridReplacementCurrent,
  GridReplacementInput,
} from '../../shared/import/centre/replace-grids';

/**
 * The files of a set-up: its grids, and the polygons a new centre may bring besides (`grids` is also
 * 替换网格's new grids); `places` is 导入地名's list of named places.
 */
export type SetupLayerKind = 'patrolAreas' | 'boundary' | 'grids' | 'places';

/**
 * One polygon file of the set-up wizard (its grids, 片区 or 镇街边界, or 替换网格's new grids): read
 * in a geo-import worker of its own (size check, progress and cancel, the system and encoding
 * detected, candidate systems offered when the file states none, the datum of lon/lat chosen by the
 * operator), its fields mapped (proposed by guessMapping, changed by the operator). The features
 * stay in the worker: a patrol-area or boundary file's come over when the check asks for them
 * ({@link picked}; tens of polygons, not thousands); the grids are built and written there
 * ({@link workerHandle}).
 */
function layerStep<K extends SetupLayerKind>(kind: K) {
  return () => {
    const progress = shallowRef<GeoReadProgress | null>(null);
    const summary = shallowRef<GeoImportSummary | null>(null);
    const readFailure = shallowRef<GeoReadFailure | null>(null);
    const mapping = ref<Record<string, string>>({});
    const busy = ref(false);
    /** 坐标偏移: the datum of a lon/lat file, chosen by the operator (a file's hint only proposes). */
    const datum = ref<ChinaDatum>('wgs84');
    let handle: GeoImportHandle | null = null;
    let lastFile: File | null = null;
    let lastCrs: DetectedCrs | undefined;
    let abort: AbortController | null = null;

    /** Whether the datum choice applies: the file read is lon/lat, or a datum is chosen (to go back). */
    const takesDatumChoice = computed(
      () => (summary.value !== null && takesDatum(summary.value.crs.detected)) || datum.value !== 'wgs84',
    );

    /** Forgets the file: the step is skipped again. */
    function clear(): void {
      abort?.abort();
      handle?.close();
      handle = null;
      summary.value = null;
      readFailure.value = null;
      progress.value = null;
      mapping.value = {};
    }

    /**
     * Reads the file; `crs` is the operator's system for a file that does not state one. A new file
     * starts again from WGS84 (its datum is the operator's to choose again).
     */
    function read(file: File, crs?: DetectedCrs): Promise<void> {
      if (file !== lastFile) datum.value = 'wgs84';
      return readAs(file, crs);
    }

    async function readAs(file: File, crs?: DetectedCrs): Promise<void> {
      clear();
      lastFile = file;
      lastCrs = crs;
      busy.value = true;
      abort = new AbortController();
      try {
        const options = {
          ...(crs === undefined ? {} : { crs }),
          ...(datum.value === 'wgs84' ? {} : { datum: datum.value }),
        };
        const result = await readInWorker(file, options, {
          signal: abort.signal,
          onProgress: (p) => (progress.value = p),
        });
        if (!result.ok) {
          readFailure.value = markRaw(result);
          return;
        }
        handle = result.handle;
        summary.value = markRaw(result.handle.summary);
        mapping.value = { ...(guessMapping(kind, result.handle.summary.preview) as Record<string, string>) };
      } catch (error) {
        if (!(error instanceof WorkCancelled)) throw error;
      } finally {
        busy.value = false;
        progress.value = null;
        abort = null;
      }
    }

    /** Reads the same file again in the system the operator picked from the candidates. */
    function readAgainAs(crs: DetectedCrs): Promise<void> {
      return lastFile ? readAs(lastFile, crs) : Promise.resolve();
    }

    /**
     * Reads the same file again with its lon/lat taken as in `chosen` (坐标偏移), as readAgainAs does;
     * the field mapping the operator set is kept (the same file has the same fields).
     */
    async function readAgainWithDatum(chosen: ChinaDatum): Promise<void> {
      datum.value = chosen;
      if (lastFile === null) return;
      const kept = { ...mapping.value };
      await readAs(lastFile, lastCrs);
      if (summary.value !== null) mapping.value = kept;
    }

    /** The worker holding the file read last (its features, and what is built from them), if any. */
    function workerHandle(): GeoImportHandle | null {
      return handle;
    }

    function cancel(): void {
      abort?.abort();
    }

    /** The file's features (lon/lat) and mapping for the check, or undefined when none was read. */
    async function picked(): Promise<PickedLayer<K> | undefined> {
      if (handle === null || summary.value === null) return undefined;
      return {
        file: summary.value.file,
        features: await handle.allFeatures(),
        // A plain copy: a reactive proxy cannot be cloned to a worker.
        mapping: { ...mapping.value } as FieldMapping<K>,
      };
    }

    /** 替换网格 planned in the file's worker (kind `grids`), against the centre as it is. */
    async function planReplacement(
      input: Omit<GridReplacementInput, 'file' | 'mapping'>,
      current: GridReplacementCurrent,
    ): Promise<GridReplacement | undefined> {
      if (handle === null || summary.value === null) return undefined;
      const full: GridReplacementInput = {
        ...input,
        file: summary.value.file,
        mapping: { ...mapping.value } as FieldMapping<'grids'>,
      };
      return handle.planReplacement(full, current);
    }

    /** 导入地名 planned in the file's worker (kind `places`), against the centre as it is. */
    async function planPlaces(
      input: Omit<PlacesInput, 'file' | 'mapping'>,
      current: PlacesCurrent,
    ): Promise<PlacesPlan | undefined> {
      if (handle === null || summary.value === null) return undefined;
      const full: PlacesInput = {
        ...input,
        file: summary.value.file,
        mapping: { ...mapping.value } as FieldMapping<'places'>,
      };
      return handle.planPlaces(full, current);
    }

    return {
      kind,
      planPlaces,
      progress,
      summary,
      readFailure,
      mapping,
      busy,
      datum,
      takesDatumChoice,
      read,
      readAgainAs,
      readAgainWithDatum,
      workerHandle,
      cancel,
      clear,
      picked,
      planReplacement,
    };
  };
}

/** 片区文件: patrol areas drawn on their own, instead of a field of the grids. */
export const usePatrolAreaFileStore = defineStore('centreSetupPatrolAreas', layerStep('patrolAreas'));
/** 边界文件: the township's boundary, instead of the union of the grids. */
export const useBoundaryFileStore = defineStore('centreSetupBoundary', layerStep('boundary'));

/** The set-up's grids file (the wizard's first step, stores/centre-setup.ts). */
export const useSetupGridsFileStore = defineStore('centreSetupGrids', layerStep('grids'));

/** 替换网格's file: the centre's new grids. */
export const useReplacementGridsFileStore = defineStore('replacementGrids', layerStep('grids'));

/** 导入地名's file: the centre's named places. */
export const usePlacesFileStore = defineStore('placesFile', layerStep('places'));

export const SETUP_LAYER_STORES = {
  patrolAreas: usePatrolAreaFileStore,
  boundary: useBoundaryFileStore,
  grids: useReplacementGridsFileStore,
  places: usePlacesFileStore,
};
