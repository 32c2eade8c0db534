import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import type { PlacesPlan } from '../../shared/import/centre/places';
import { importPlaces, type ImportRefusal } from '../db/imports-repo';
import { useTownshipStore } from './township';
import { usePlacesFileStore } from './centre-setup-layer';
import { writeAndReopen } from './write-and-reopen';

/**
 * 导入地名: a list of named places for 事件定位's search and the map. The file is read in its worker
 * (stores/centre-setup-layer.ts, kind `places`); 校验 plans it there against the centre's boundary and
 * places (shared/import/centre/places.ts) and the dialog shows what it adds and what it leaves out;
 * 导入 writes it as the shift leader in one transaction (db/imports-repo.ts importPlaces). Every window
 * then opens again with the new places.
 */
export const useImportPlacesStore = defineStore('importPlaces', () => {
  const plan = shallowRef<PlacesPlan | null>(null);
  const busy = ref(false);

  async function check(now: number = Date.now()): Promise<PlacesPlan | null> {
    const township = useTownshipStore().dataset;
    if (township === null) return null;
    busy.value = true;
    try {
      // Plain copies: reactive or frozen store objects are cloned to the worker as data.
      const current = JSON.parse(
        JSON.stringify({
          boundary: township.township.boundary,
          basemap: {
            pois: township.basemap.pois,
            roads: township.basemap.roads,
            settlements: township.basemap.settlements,
          },
        }),
      ) as Parameters<ReturnType<typeof usePlacesFileStore>['planPlaces']>[1];
      const planned = await usePlacesFileStore().planPlaces(
        { idPrefix: `imp-${now.toString(36)}-` },
        current,
      );
      plan.value = planned === undefined ? null : markRaw(planned);
      return plan.value;
    } finally {
      busy.value = false;
    }
  }

  async function apply(): Promise<
    { readonly ok: true } | { readonly ok: false; readonly refusal: ImportRefusal }
  > {
    const planned = plan.value;
    const read = usePlacesFileStore().summary;
    if (!planned?.ok || read === null) throw new Error('nothing checked to write');
    busy.value = true;
    try {
      return await writeAndReopen((db, session) =>
        importPlaces(
          db,
          session,
          planned.places,
          [{ role: 'places', name: read.file, bytes: read.bytes, sha256: read.sha256 }],
          Date.now(),
        ),
      );
    } finally {
      busy.value = false;
    }
  }

  function clear(): void {
    plan.value = null;
    usePlacesFileStore().clear();
  }

  return { plan, busy, check, apply, clear };
});
