import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import type { ChainHead } from '../../shared/cases/record';
import type { GridReplacement } from '../../shared/import/centre/replace-grids';
import { replaceGrids, type ImportRefusal } from '../db/imports-repo';
import { readChainHead } from '../db/record-repo';
import { currentDb } from '../db/handle';
import { i18n } from '../i18n';
import { useCasesStore } from './cases';
import { useTownshipStore } from './township';
import { useReplacementGridsFileStore } from './centre-setup-layer';
import { writeAndReopen } from './write-and-reopen';

/**
 * 替换网格: new grids for a centre that has cases. The file is read in its worker
 * (stores/centre-setup-layer.ts, kind `grids`); 校验 plans the replacement there against the centre's
 * teams, boundary and open cases (shared/import/centre/replace-grids.ts) and the dialog lists every open
 * case that would move before anything is written; 替换 writes it as the shift leader in one
 * transaction (db/imports-repo.ts replaceGrids), refused if anything was recorded since the check.
 * Every window then opens again on the new grids.
 */
export const useReplaceGridsStore = defineStore('replaceGrids', () => {
  const plan = shallowRef<GridReplacement | null>(null);
  const busy = ref(false);
  /** The record's head the plan was made against. */
  let head: ChainHead | null = null;

  async function check(): Promise<GridReplacement | null> {
    const township = useTownshipStore().dataset;
    if (township === null) return null;
    busy.value = true;
    try {
      head = await readChainHead(currentDb());
      // Plain copies: reactive or frozen store objects are cloned to the worker as data.
      const current = JSON.parse(
        JSON.stringify({
          dataset: { township: township.township, teams: township.teams, grids: township.grids },
          openCases: useCasesStore().openCases,
        }),
      ) as Parameters<ReturnType<typeof useReplacementGridsFileStore>['planReplacement']>[1];
      const planned = await useReplacementGridsFileStore().planReplacement(
        {
          countyCode: township.township.countyCode,
          townshipCode: township.township.townshipCode,
          applyRepairs: true,
        },
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
    const read = useReplacementGridsFileStore().summary;
    if (!planned?.ok || head === null || read === null) throw new Error('nothing checked to write');
    const planHead = head;
    busy.value = true;
    try {
      return await writeAndReopen((db, session) =>
        replaceGrids(
          db,
          session,
          {
            layer: planned.layer,
            moves: planned.moves,
            head: planHead,
            reason: i18n.global.t('reassign.recordReason'),
          },
          [{ role: 'grids', name: read.file, bytes: read.bytes, sha256: read.sha256 }],
          Date.now(),
        ),
      );
    } finally {
      busy.value = false;
    }
  }

  function clear(): void {
    plan.value = null;
    head = null;
    useReplacementGridsFileStore().clear();
  }

  return { plan, busy, check, apply, clear };
});
