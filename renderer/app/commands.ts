import { h, ref, type VNode } from 'vue';
import { ElMessage, ElMessageBox } from 'element-plus';
import { i18n } from '../i18n';
import { platform } from '../platform';
import { useAppStore } from '../stores/app';
import { useMapUiStore } from '../stores/map-ui';
import { usePlacementStore } from '../stores/placement';
import { useReassignStore } from '../stores/reassign';
import { useQueueStore } from '../stores/queue';
import { useAuthStore } from '../stores/auth';
import { useTownshipStore } from '../stores/township';
import { useUnitBoardStore } from '../stores/unit-board';
import { useGeofenceStore } from '../stores/geofence';
import type { Command } from '../commands/registry';
import { resetLoss } from '../db/seed';
import { returnSpare, startSpare, takeSpare } from './reset-spare';
import { prepareSessionReset, resetSessionToSample } from './session';
import { currentDb } from '../db/handle';

/**
 * Why 恢复示例数据 is not offered now, or null when it is: only to a signed-in shift leader, and only
 * on the sample township (a real centre's data is never thrown away for the sample). The repository
 * checks both again where it writes.
 */
function resetRefusal(): 'reset.leaderOnly' | 'reset.notSample' | null {
  if (useAppStore().phase !== 'ready' || useAuthStore().role !== 'leader') return 'reset.leaderOnly';
  return useTownshipStore().dataset?.meta.synthetic === true ? null : 'reset.notSample';
}

/**
 * The workstation's commands. Stores are read when a command runs, never at module load. None of them
 * edits map or organisation data yet, so none returns an undo (see `CommandResult`); the case commands
 * never will, since the record is append-only. Zone editing is where the first undoable change lands.
 */
export function appCommands(): Command[] {
  const t = i18n.global.t;
  return [
    {
      id: 'map.fitTownship',
      label: 'layers.fitTownship',
      shortcut: 'Home',
      run: () => useMapUiStore().requestFit(),
    },
    {
      id: 'incident.locate',
      label: 'placement.start',
      shortcut: 'p',
      run: () => {
        const placement = usePlacementStore();
        if (placement.placing) return placement.cancel();
        useMapUiStore().select(null);
        placement.start();
      },
    },
    {
      id: 'incident.cancel',
      label: 'placement.cancel',
      shortcut: 'Escape',
      enabled: () => usePlacementStore().placing,
      run: () => {
        const placement = usePlacementStore();
        if (placement.placing) placement.cancel();
      },
    },
    {
      id: 'cases.focusQueue',
      label: 'queue.focus',
      shortcut: 'q',
      run: () => useQueueStore().requestFocus(),
    },
    { id: 'cases.reassignAll', label: 'reassign.start', run: () => useReassignStore().run() },
    {
      id: 'view.toggleLayerPanel',
      label: 'layers.title',
      shortcut: 'l',
      run: () => useMapUiStore().toggleLayerPanel(),
    },
    {
      id: 'view.toggleUnitBoard',
      label: 'units.board.toggle',
      shortcut: 'k',
      run: () => useUnitBoardStore().toggle(),
    },
    {
      id: 'view.geofenceAlerts',
      label: 'geofence.title',
      run: () => useGeofenceStore().toggle(),
    },
    {
      id: 'view.toggleFullScreen',
      label: 'app.fullscreen',
      shortcut: 'F11',
      run: () => platform().window.toggleFullScreen(),
    },
    {
      id: 'view.openWall',
      label: 'wall.open',
      shortcut: 'F9',
      run: async () => {
        const count = await platform().window.openWall();
        if (count > 0) ElMessage.success(t('wall.opened', { count }));
        else ElMessage.warning(t('wall.blocked'));
      },
    },
    {
      id: 'app.switchLanguage',
      label: 'app.language',
      run: () => {
        const app = useAppStore();
        app.setLocale(app.locale === 'zh-CN' ? 'en' : 'zh-CN');
      },
    },
    {
      id: 'data.resetToSample',
      label: 'layers.resetData',
      enabled: () => resetRefusal() === null,
      run: async () => {
        const refusal = resetRefusal();
        if (refusal !== null) {
          ElMessage.warning(t(refusal));
          return;
        }
        const loss = await resetLoss(currentDb());
        // The fresh sample is written into a spare database, in the seed worker, while the leader
        // reads the question; the question says when it is ready (confirming earlier waits for it).
        // (Usually it is ready already: one is kept ready in the sample centre, see reset-spare.ts.)
        const now = Date.now();
        const held = takeSpare(now) ?? startSpare(prepareSessionReset);
        const prepared = held.spare;
        const spare = ref<'preparing' | 'prepared' | 'prepareFailed'>('preparing');
        prepared.then(
          (result) => (spare.value = result.ok ? 'prepared' : 'prepareFailed'),
          () => (spare.value = 'prepareFailed'),
        );
        const message = (): VNode =>
          h('div', [
            h('p', t('reset.confirm', { ...loss })),
            h(
              'p',
              { class: 'reset-spare', 'data-testid': 'reset-spare', 'data-state': spare.value },
              t(`reset.${spare.value}`),
            ),
          ]);
        try {
          await ElMessageBox.confirm(message, t('layers.resetData'), { type: 'warning' });
        } catch {
          returnSpare(held, Date.now()); // cancelled: kept for the next reset while young enough
          return;
        }
        if (await resetSessionToSample(loss, prepared)) ElMessage.success(t('layers.resetDone'));
      },
    },
    {
      id: 'app.about',
      label: 'app.about',
      run: async () => {
        const info = await platform().app.info();
        await ElMessageBox.alert(t('app.aboutText', { version: info.version }), t('app.about'));
      },
    },
  ];
}
