import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { liveQuery, type Subscription } from 'dexie';
import type { StoredDataEvent } from '../../shared/cases/data-events';
import type { GeofenceAlert } from '../../shared/positions/geofence';
import type { GridDeskDb } from '../db/database';
import { currentDb } from '../db/handle';
import {
  acknowledgeGeofenceAlert,
  listAcknowledgements,
  listGeofenceAlerts,
  type AcknowledgeResult,
} from '../db/geofence-repo';
import { useAuthStore } from './auth';

/**
 * 越界告警 as the operator sees them: the stored alerts (db/geofence-repo.ts), followed live, so an
 * alert raised by a fix or by the clock shows at once, with the count not yet acknowledged for the
 * status bar; the record's acknowledgements; whether the list is open. Acknowledging goes through the
 * repository, which checks the role in its write.
 */
export const useGeofenceStore = defineStore('geofence', () => {
  const alerts = shallowRef<readonly GeofenceAlert[]>([]);
  const acknowledgements = shallowRef<readonly StoredDataEvent[]>([]);
  const panelOpen = ref(false);
  const unacknowledged = computed(() => alerts.value.filter((a) => a.acknowledged === null).length);

  let following: Subscription[] = [];
  /** Follows centre `db`'s alerts and acknowledgements (again after a reset, a restore or a switch). */
  function follow(db: GridDeskDb): void {
    unfollow();
    const fail = (error: unknown): void => console.error('[geofence] following the alerts failed:', error);
    following = [
      liveQuery(() => listGeofenceAlerts(db)).subscribe({
        next: (rows) => {
          alerts.value = rows;
        },
        error: fail,
      }),
      liveQuery(() => listAcknowledgements(db)).subscribe({
        next: (events) => {
          acknowledgements.value = [...events].reverse();
        },
        error: fail,
      }),
    ];
  }
  function unfollow(): void {
    for (const s of following) s.unsubscribe();
    following = [];
  }

  /** Acknowledges alert `id` as the signed-in account, now. */
  function acknowledge(id: string): Promise<AcknowledgeResult> {
    return acknowledgeGeofenceAlert(currentDb(), useAuthStore().token, id, Date.now());
  }

  function toggle(open?: boolean): void {
    panelOpen.value = open ?? !panelOpen.value;
  }

  return { alerts, acknowledgements, panelOpen, unacknowledged, follow, unfollow, acknowledge, toggle };
});
