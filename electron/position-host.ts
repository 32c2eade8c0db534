/**
 * The host's side of the position feed (shared/positions/feed.ts): keeps the listener
 * (position-listener.ts) running as the page configures it, restarting it only when its port or reach
 * change (the bindings are swapped in place), and hands the admitted fixes on in batches, at most every
 * {@link FIX_BATCH_MS}, so 2,000 phones reporting every second make ten messages a second, not 2,000.
 * A Traccar server, when the centre names one, is a second source: its devices' positions go through
 * the same admission (one per host, so a fix that came both ways counts once) and the same hand-over.
 * Plain Node: main hosts it for the workstation's windows, the web server for its pages.
 */
import { networkInterfaces } from 'node:os';
import { createAdmitter, type AdmittedFix, type DeviceBinding } from '../shared/positions/admit';
import {
  MAX_FIXES_PER_MESSAGE,
  type ListenerStatus,
  type PositionFeedConfig,
  type TraccarStatus,
} from '../shared/positions/feed';
import { historyPoints, type TrackHistory, type TrackHistoryQuery } from '../shared/positions/history';
import type { DeviceFix } from '../shared/positions/osmand';
import type { ListenerCounts, PositionListener, PositionListenerOptions } from './position-listener';
import { TraccarError, type TraccarConnector, type TraccarOptions } from './traccar-connector';

/** Fixes are handed on at most this often, ms. */
export const FIX_BATCH_MS = 100;

export interface PositionHostDependencies {
  readonly start: (options: PositionListenerOptions) => Promise<PositionListener>;
  /** Connects to a Traccar server (traccar-connector.ts connectTraccar). */
  readonly connectTraccar: (options: TraccarOptions) => TraccarConnector;
  /** Where a batch of admitted fixes goes (every window, every page). */
  readonly deliver: (fixes: readonly AdmittedFix[]) => void;
  /** The PC's addresses a phone could use; by default its non-internal IPv4 addresses. */
  readonly addresses?: () => string[];
}

export interface PositionHost {
  configure(config: PositionFeedConfig): Promise<ListenerStatus>;
  status(): ListenerStatus;
  traccar(): TraccarStatus;
  counts(): ListenerCounts | null;
  /** An officer's track from the Traccar server, from every device bound to them (none: no server). */
  history(query: TrackHistoryQuery): Promise<TrackHistory>;
  close(): Promise<void>;
}

/** The PC's IPv4 addresses on its networks (what a phone on the centre's Wi-Fi is pointed at). */
export function lanAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flat()
    .flatMap((a) => (a !== undefined && a.family === 'IPv4' && !a.internal ? [a.address] : []));
}

const bindingsOf = (config: PositionFeedConfig): Map<string, DeviceBinding> =>
  new Map(config.bindings.map((b) => [b.deviceId, b]));

export function createPositionHost(deps: PositionHostDependencies): PositionHost {
  const admitter = createAdmitter();
  let listener: PositionListener | null = null;
  let traccar: { connector: TraccarConnector; key: string } | null = null;
  let running: { port: number; reach: PositionFeedConfig['reach'] } | null = null;
  let status: ListenerStatus = { state: 'off' };
  let bindings: readonly DeviceBinding[] = [];
  const pending: AdmittedFix[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Configurations apply one after another, in the order asked. */
  let queue: Promise<unknown> = Promise.resolve();

  const flush = (): void => {
    timer = null;
    while (pending.length > 0) deps.deliver(pending.splice(0, MAX_FIXES_PER_MESSAGE));
  };
  const onFixes = (fixes: readonly AdmittedFix[]): void => {
    pending.push(...fixes);
    timer ??= setTimeout(flush, FIX_BATCH_MS);
  };

  async function stop(): Promise<void> {
    const was = listener;
    listener = null;
    running = null;
    if (was !== null) await was.close();
    if (timer !== null) clearTimeout(timer);
    flush();
  }

  /** Connects to the configured Traccar server, or disconnects; a changed address or account reconnects. */
  async function applyTraccar(config: PositionFeedConfig): Promise<void> {
    const key = config.traccar === null ? '' : JSON.stringify(config.traccar);
    if (traccar?.key === key) return;
    const was = traccar;
    traccar = null;
    await was?.connector.close();
    if (config.traccar === null) return;
    traccar = {
      key,
      connector: deps.connectTraccar({
        ...config.traccar,
        onFixes: (fixes) => {
          const { admitted } = admitter.admit(fixes, null, Date.now(), true);
          if (admitted.length > 0) onFixes(admitted);
        },
      }),
    };
  }

  async function apply(config: PositionFeedConfig): Promise<ListenerStatus> {
    admitter.setBindings(bindingsOf(config));
    bindings = config.bindings;
    await applyTraccar(config);
    if (!config.enabled) {
      await stop();
      status = { state: 'off' };
      return status;
    }
    if (listener !== null && running?.port === config.port && running.reach === config.reach) return status;
    await stop();
    try {
      listener = await deps.start({
        host: config.reach === 'network' ? '0.0.0.0' : '127.0.0.1',
        port: config.port,
        admitter,
        onFixes,
      });
      running = { port: config.port, reach: config.reach };
      const addresses = config.reach === 'network' ? (deps.addresses ?? lanAddresses)() : ['127.0.0.1'];
      status = { state: 'listening', port: listener.port, addresses: addresses.slice(0, 32) };
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      status = { state: 'failed', port: config.port, reason: reason.slice(0, 500) };
    }
    return status;
  }

  /**
   * Asks the connected Traccar server for the positions of each device bound to the officer over the
   * period and answers them as one track (history.ts historyPoints); a request that fails says why.
   */
  async function history(query: TrackHistoryQuery): Promise<TrackHistory> {
    const connector = traccar?.connector;
    if (connector === undefined) return { kind: 'off' };
    const state = connector.state();
    if (state.state === 'failed') return { kind: 'failed', reason: state.reason, detail: state.detail };
    if (state.state !== 'connected') return { kind: 'failed', reason: 'connecting', detail: '' };
    const devices = bindings.filter((b) => b.officerId === query.officerId).map((b) => b.deviceId);
    const fixes: DeviceFix[] = [];
    try {
      for (const deviceId of devices)
        fixes.push(...(await connector.history(deviceId, query.from, query.to)));
    } catch (error) {
      const reason = error instanceof TraccarError ? error.reason : 'protocol';
      const detail = (error instanceof Error ? error.message : String(error)).slice(0, 500);
      return { kind: 'failed', reason, detail };
    }
    // Several devices of one officer make one track.
    return { kind: 'points', ...historyPoints(query.officerId, fixes, query.from, query.to) };
  }

  return {
    history,
    configure(config) {
      const next = queue.then(() => apply(config));
      queue = next.catch(() => undefined);
      return next;
    },
    status: () => status,
    traccar: () => traccar?.connector.state() ?? { state: 'off' },
    counts: () =>
      listener?.counts() ??
      (traccar === null ? null : { ...admitter.counts(), refused: { oversized: 0, burst: 0, method: 0 } }),
    async close() {
      await queue;
      await stop();
      await traccar?.connector.close();
      traccar = null;
      status = { state: 'off' };
    },
  };
}
