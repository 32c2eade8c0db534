import { defineStore } from 'pinia';
import { computed, markRaw, ref, shallowRef } from 'vue';
import { type FieldMapping, type PickedTable, type SetupProblem } from '../../shared/import/centre';
import type { ChinaDatum, DetectedCrs } from '../../shared/import/geo';
import { checkImportSize } from '../../shared/import/table';
import type { ImportedFile } from '../../shared/cases/data-events';
import type { CentreBuild, CentreCommitProgress } from '../geo-import/geo-import-service';
import type { SetUpRefusal } from '../db/dataset-repo';
import { currentDb } from '../db/handle';
import { grantSession } from '../db/sessions';
import { useAuthStore } from './auth';
import { useCentresStore } from './centres';
import { useBoundaryFileStore, usePatrolAreaFileStore, useSetupGridsFileStore } from './centre-setup-layer';

/**
 * 从文件建立本中心: the set-up of a new centre from its own files. The grids file (Shapefile zip,
 * GeoJSON, KML/KMZ, GPX, GeoPackage, CSV/XLSX with coordinates) is read by the same step as the
 * optional polygon files (centre-setup-layer.ts, useSetupGridsFileStore) in the geographic import's
 * worker with progress and cancel, its datum chosen for lon/lat; its fields are mapped (proposed by
 * guessMapping, changed by the operator); the teams and officers sheets are picked, and optionally a patrol-area file and a
 * boundary file (centre-setup-layer.ts, each read in a worker of its own) and grid workers, matters
 * and departments sheets; then the worker builds and checks the whole dataset
 * (shared/import/centre/from-files.ts), keeping it there, and the report names every problem; with
 * none that is an error, the shift leader has that worker write it into the centre in one
 * transaction (setUpCentreDataset, which checks the role and that the centre is still empty), so
 * neither the dataset nor its write ever reaches the UI thread. Every sheet is refused by its size
 * (IMPORT_LIMITS) before a byte of it is read.
 */
export const useCentreSetupStore = defineStore('centreSetup', () => {
  const open = ref(false);
  const teamsFile = shallowRef<File | null>(null);
  const officersFile = shallowRef<File | null>(null);
  const gridWorkersFile = shallowRef<File | null>(null);
  const mattersFile = shallowRef<File | null>(null);
  const departmentsFile = shallowRef<File | null>(null);
  const catalogue = ref(true);
  const result = shallowRef<CentreBuild | null>(null);
  /** Checking or writing (reading the grids file is the grids step's). */
  const working = ref(false);
  /** The commit's progress: grids written of all, while the worker writes them. */
  const writeProgress = shallowRef<CentreCommitProgress | null>(null);

  // The grids step's state, as the wizard shows it (the step holds it: useSetupGridsFileStore).
  const grids = () => useSetupGridsFileStore();
  const progress = computed(() => grids().progress);
  const summary = computed(() => grids().summary);
  const readFailure = computed(() => grids().readFailure);
  /** The field mapping: the step's own object, which the wizard's selects change in place. */
  const mapping = computed(() => grids().mapping);
  const datum = computed(() => grids().datum);
  const takesDatumChoice = computed(() => grids().takesDatumChoice);
  const busy = computed(() => working.value || grids().busy);

  /** Forgets the grids file read and the check. */
  function reset(): void {
    grids().clear();
    result.value = null;
  }

  /** Reads the grids file; `crs` is the operator's system for a file that does not state one. */
  function readGrids(file: File, crs?: DetectedCrs): Promise<void> {
    result.value = null;
    return grids().read(file, crs);
  }

  /** Reads the same file again in the system the operator picked from the candidates. */
  function readAgainAs(crs: DetectedCrs): Promise<void> {
    result.value = null;
    return grids().readAgainAs(crs);
  }

  /** Reads the same file again with its lon/lat taken as in `chosen`, keeping the mapping. */
  function readAgainWithDatum(chosen: ChinaDatum): Promise<void> {
    result.value = null;
    return grids().readAgainWithDatum(chosen);
  }

  function cancel(): void {
    grids().cancel();
  }

  /** Builds and checks the dataset in the worker; the report is `result`. */
  async function check(now: number = Date.now()): Promise<CentreBuild | null> {
    const centre = useCentresStore().open;
    const teams = teamsFile.value;
    const officers = officersFile.value;
    const handle = grids().workerHandle();
    if (!handle || !summary.value || !centre || !teams || !officers) return null;
    // Each sheet is size-checked before a byte of it is read; its parsing runs in the worker.
    const optional = [gridWorkersFile.value, mattersFile.value, departmentsFile.value];
    const tooBig = [teams, officers, ...optional].flatMap((f): SetupProblem[] => {
      if (f === null) return [];
      const problem = checkImportSize(f.name, f.size, f.name.toLowerCase().endsWith('.xlsx'));
      return problem ? [{ severity: 'error', key: problem.key, params: problem.params }] : [];
    });
    // A patrol-area or boundary file that could not be read is not silently left out.
    const unread = [usePatrolAreaFileStore(), useBoundaryFileStore()].flatMap((step): SetupProblem[] =>
      (step.readFailure?.errors ?? []).map((e) => ({ severity: 'error', key: e.key, params: e.params })),
    );
    if (tooBig.length + unread.length > 0) {
      const refused: CentreBuild = { ok: false, problems: [...tooBig, ...unread] };
      result.value = markRaw(refused);
      return refused;
    }
    working.value = true;
    const sheet = async (f: File): Promise<PickedTable> => ({
      name: f.name,
      bytes: new Uint8Array(await f.arrayBuffer()),
    });
    try {
      const patrolAreas = await usePatrolAreaFileStore().picked();
      const boundary = await useBoundaryFileStore().picked();
      const gridWorkers = gridWorkersFile.value;
      const matters = mattersFile.value;
      const departments = departmentsFile.value;
      const built = await handle.buildCentre({
        centreName: centre.name,
        townshipName: centre.townshipName,
        countyCode: centre.divisionCode.slice(0, 6),
        townshipCode: centre.divisionCode.slice(6, 9),
        gridsFile: summary.value.file,
        // Plain copies: reactive proxies cannot be cloned to a worker.
        mapping: { ...mapping.value } as FieldMapping<'grids'>,
        teams: { name: teams.name, bytes: new Uint8Array(await teams.arrayBuffer()) },
        officers: { name: officers.name, bytes: new Uint8Array(await officers.arrayBuffer()) },
        ...(patrolAreas ? { patrolAreas } : {}),
        ...(boundary ? { boundary } : {}),
        ...(gridWorkers ? { gridWorkers: await sheet(gridWorkers) } : {}),
        ...(matters ? { matters: await sheet(matters) } : {}),
        ...(departments ? { departments: await sheet(departments) } : {}),
        catalogue: catalogue.value,
        applyRepairs: true,
        createdAt: now,
      });
      result.value = markRaw(built);
      return built;
    } finally {
      working.value = false;
    }
  }

  /**
   * Writes the checked dataset into the open centre as the signed-in shift leader, from the worker
   * that built it: the session is granted to it (sessions.ts grantSession), and its transaction
   * checks the leader's stored account again.
   */
  async function commit(): Promise<{ ok: true } | { ok: false; refusal: SetUpRefusal }> {
    const built = result.value;
    const token = useAuthStore().token;
    const handle = grids().workerHandle();
    if (!built?.ok || handle === null) throw new Error('nothing checked to write');
    if (token === null) return { ok: false, refusal: { key: 'auth.notSignedIn', params: {} } };
    working.value = true;
    try {
      const db = currentDb();
      const granted = await grantSession(db, token);
      if (!granted.ok) return granted;
      // The patrol-area and boundary files were read in workers of their own: their digests are there.
      const layers = [usePatrolAreaFileStore(), useBoundaryFileStore()].flatMap((step): ImportedFile[] => {
        const read = step.summary;
        return read ? [{ role: step.kind, name: read.file, bytes: read.bytes, sha256: read.sha256 }] : [];
      });
      writeProgress.value = { done: 0, total: built.counts.grids };
      const written = await handle.commitCentre(
        db.name,
        granted.grant,
        layers,
        Date.now(),
        (p) => (writeProgress.value = p),
      );
      if (written.ok) {
        reset();
        usePatrolAreaFileStore().clear();
        useBoundaryFileStore().clear();
        open.value = false;
      }
      return written.ok ? { ok: true } : written;
    } finally {
      working.value = false;
      writeProgress.value = null;
    }
  }

  return {
    open,
    progress,
    summary,
    readFailure,
    mapping,
    teamsFile,
    officersFile,
    gridWorkersFile,
    mattersFile,
    departmentsFile,
    catalogue,
    result,
    busy,
    writeProgress,
    datum,
    takesDatumChoice,
    readGrids,
    readAgainAs,
    readAgainWithDatum,
    cancel,
    check,
    commit,
    reset,
  };
});
