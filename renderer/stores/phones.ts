/**
 * The phones' position feed as this workstation runs it (终端定位): the centre's configuration
 * (phones-repo.ts) and the state of the host's listener it was handed to (Electron's main process, or
 * the web server in a browser). app/phones-feed.ts starts it with the centre and stores the fixes.
 */
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import {
  DEFAULT_FEED_CONFIG,
  type ListenerStatus,
  type PositionFeedConfig,
} from '../../shared/positions/feed';
import { currentDb } from '../db/handle';
import { saveFeedConfig, type SaveFeedResult } from '../db/phones-repo';
import type { SessionToken } from '../db/sessions';
import { platform } from '../platform';
import { useTownshipStore } from './township';

export const usePhonesStore = defineStore('phones', () => {
  const config = shallowRef<PositionFeedConfig>(DEFAULT_FEED_CONFIG);
  const status = shallowRef<ListenerStatus>({ state: 'off' });

  /** Hands `next` to the host's listener; its state (or why it failed) is `status`. */
  async function apply(next: PositionFeedConfig): Promise<void> {
    config.value = next;
    try {
      status.value = await platform().positions.configure(next);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      status.value = { state: 'failed', port: next.port, reason: reason.slice(0, 500) };
    }
  }

  /**
   * Holds `next` without handing it to the host: a window that only shows positions (the wall) judges
   * 离线 and the phones' officers by the centre's configuration, and runs no listener.
   */
  function show(next: PositionFeedConfig): void {
    config.value = next;
  }

  /**
   * A shift leader's change (checked again in the write), applied to the host once stored; the roster
   * shown follows when the write changed it (a sample officer newly bound loses the simulated position).
   */
  async function save(input: PositionFeedConfig, token: SessionToken): Promise<SaveFeedResult> {
    const saved = await saveFeedConfig(currentDb(), input, token);
    if (saved.ok && saved.officers !== undefined) useTownshipStore().setOfficers(saved.officers);
    if (saved.ok) await apply(saved.config);
    return saved;
  }

  async function refreshStatus(): Promise<void> {
    status.value = await platform().positions.status();
  }

  return { config, status, apply, show, save, refreshStatus };
});
