/**
 * The one IPC contract between the main process and the renderer (VS Code ProxyChannel style).
 *
 * Each service is an interface; each method becomes a channel named `service:method`; each method has a zod
 * schema for its argument tuple and one for its result. Main validates every payload with these schemas
 * (electron/ipc.ts), the preload builds `window.griddesk` from the same table (electron/preload.ts), and the
 * renderer sees only the {@link GridDeskApi} type. Adding a method means adding it to a service interface and
 * to {@link ipcContract}; the type checker refuses a table that does not match the interfaces.
 */
import { z } from 'zod';
import type { AdmittedFix } from '../positions/admit';
import {
  fixBatchSchema,
  listenerCountsSchema,
  listenerStatusSchema,
  positionFeedConfigSchema,
  traccarStateSchema,
  type ListenerStatus,
  type PositionFeedConfig,
  type TraccarStatus,
} from '../positions/feed';
import {
  trackHistoryQuerySchema,
  trackHistorySchema,
  type TrackHistory,
  type TrackHistoryQuery,
} from '../positions/history';
import { localBasemapFileSchema, type LocalBasemapFile } from '../tiles/local-files';

// ---------------------------------------------------------------------------------------------------------------
// Data shapes
// ---------------------------------------------------------------------------------------------------------------

/** UI languages: Chinese first, English available. */
export const LOCALES = ['zh-CN', 'en'] as const;
export const localeSchema = z.enum(LOCALES);
export type Locale = z.infer<typeof localeSchema>;

/** What the "about" box and diagnostics show. Versions are plain version strings; empty when not applicable. */
export const appInfoSchema = z.strictObject({
  version: z.string(),
  electron: z.string(),
  chrome: z.string(),
  /** Node's `process.platform` in Electron ('win32', 'linux', …), 'web' in a browser. */
  platform: z.string().min(1),
  /** The UI locale the host currently uses (a BCP 47 tag). */
  locale: z.string().min(1),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/**
 * The query string that makes the renderer show the display wall (指挥大屏) instead of the workstation: wall
 * windows (Electron) and wall tabs (browser) load the app's entry page with it appended.
 */
export const WALL_VIEW_QUERY = '?view=wall';

/**
 * Commands the application menu can send to the renderer (main → renderer, channel `menu:command`). A closed
 * list: the renderer runs the command with the same id from its command registry.
 */
export const MENU_COMMAND_IDS = [
  'map.fitTownship',
  'view.toggleLayerPanel',
  'view.toggleUnitBoard',
  'view.toggleFullScreen',
  'view.openWall',
  'data.resetToSample',
  'app.switchLanguage',
  'app.about',
] as const;
export const menuCommandIdSchema = z.enum(MENU_COMMAND_IDS);
export type MenuCommandId = z.infer<typeof menuCommandIdSchema>;

// ---------------------------------------------------------------------------------------------------------------
// Services (renderer → main, request/response)
// ---------------------------------------------------------------------------------------------------------------

/**
 * A provider's tile, fetched by main for the page's tile cache (shared/tiles/fetch-tile.ts says why the
 * host fetches tiles): the provider's answer with its status, or why there is none.
 */
export const tileFetchOutcomeSchema = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('answered'),
    status: z.number().int().min(100).max(599),
    contentType: z.string().max(256),
    bytes: z.instanceof(Uint8Array),
  }),
  z.strictObject({ kind: z.literal('unreachable'), reason: z.string().max(2000) }),
  z.strictObject({ kind: z.literal('refused'), reason: z.string().max(2000) }),
]);
export type TileFetchOutcome = z.infer<typeof tileFetchOutcomeSchema>;

/** What came of asking the leader to pick a local basemap file (Electron's file dialog). */
export const basemapFilePickSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('picked'), file: localBasemapFileSchema }),
  z.strictObject({ kind: z.literal('cancelled') }),
  z.strictObject({
    kind: z.literal('refused'),
    key: z.enum(['basemap.local.notTiles', 'basemap.local.unreadable']),
    params: z.strictObject({ file: z.string().max(255), reason: z.string().max(2000).optional() }),
  }),
  /** No file dialog here (a browser: the web server's `--basemap-dir` offers the files). */
  z.strictObject({ kind: z.literal('unsupported') }),
]);
export type BasemapFilePick = z.infer<typeof basemapFilePickSchema>;

/** The application as a whole. */
export interface AppService {
  info(): Promise<AppInfo>;
  /** Main rebuilds the application menu in that language and remembers it for the next start. */
  setLocale(locale: Locale): Promise<void>;
}

/** The window the call comes from. */
export interface WindowService {
  toggleFullScreen(): Promise<void>;
  isFullScreen(): Promise<boolean>;
  /**
   * Opens the display wall (指挥大屏, the renderer at `?view=wall`), or brings it forward if it is open.
   * Resolves to the number of wall windows now open: 0 if none could be opened (a blocked pop-up in a browser).
   */
  openWall(): Promise<number>;
}

/** Basemap tiles from the providers a centre configures. */
export interface TilesService {
  /** GETs one tile URL (http or https only) for the page's tile cache. */
  fetch(url: string): Promise<TileFetchOutcome>;
}

/** The position listener phones report to (shared/positions/feed.ts), hosted by main. */
export interface PositionsService {
  /** Starts, restarts or stops the listener, and gives the devices it admits; resolves to its state. */
  configure(config: PositionFeedConfig): Promise<ListenerStatus>;
  status(): Promise<ListenerStatus>;
  /** The connection to the centre's Traccar server, if it names one. */
  traccar(): Promise<TraccarStatus>;
  /** What the listener has seen since it started (null: not running), for the diagnostics panel. */
  counts(): Promise<z.infer<typeof listenerCountsSchema> | null>;
  /**
   * An officer's track over a period from the centre's Traccar server (its devices bound to the
   * officer), for a playback whose local track has gaps (shared/positions/history.ts).
   */
  history(query: TrackHistoryQuery): Promise<TrackHistory>;
}

/** Local PMTiles/MBTiles basemap files (shared/tiles/local-files.ts), read at `/basemap-files/<id>`. */
export interface BasemapFilesService {
  /** The files this host offers (Electron: those picked before; a browser: the server's folder). */
  list(): Promise<LocalBasemapFile[]>;
  /** Asks the leader to pick a file in a file dialog and offers it from now on. */
  pick(): Promise<BasemapFilePick>;
}

/** Every service main implements, by name. The names are the first half of the channel names. */
export interface GridDeskServices {
  readonly app: AppService;
  readonly window: WindowService;
  readonly tiles: TilesService;
  readonly positions: PositionsService;
  readonly basemapFiles: BasemapFilesService;
}

/** One method's schemas: its arguments as a tuple, and its result. */
export interface MethodContract<A extends z.ZodTuple = z.ZodTuple, R extends z.ZodType = z.ZodType> {
  readonly args: A;
  readonly result: R;
}

function method<A extends z.ZodTuple, R extends z.ZodType>(args: A, result: R): MethodContract<A, R> {
  return { args, result };
}

/** What a contract table must look like for a set of service interfaces (used with `satisfies`). */
type ContractShape<S> = {
  readonly [K in keyof S]: {
    readonly [M in keyof S[K]]: S[K][M] extends (...args: infer A) => Promise<infer R>
      ? MethodContract<z.ZodTuple & z.ZodType<A>, z.ZodType<R>>
      : never;
  };
};

/** The schemas of every method of every service. */
export const ipcContract = {
  app: {
    info: method(z.tuple([]), appInfoSchema),
    setLocale: method(z.tuple([localeSchema]), z.void()),
  },
  window: {
    toggleFullScreen: method(z.tuple([]), z.void()),
    isFullScreen: method(z.tuple([]), z.boolean()),
    openWall: method(z.tuple([]), z.number().int().nonnegative()),
  },
  tiles: {
    fetch: method(z.tuple([z.url({ protocol: /^https?$/ }).max(4096)]), tileFetchOutcomeSchema),
  },
  positions: {
    configure: method(z.tuple([positionFeedConfigSchema]), listenerStatusSchema),
    status: method(z.tuple([]), listenerStatusSchema),
    traccar: method(z.tuple([]), traccarStateSchema),
    counts: method(z.tuple([]), listenerCountsSchema.nullable()),
    history: method(z.tuple([trackHistoryQuerySchema]), trackHistorySchema),
  },
  basemapFiles: {
    list: method(z.tuple([]), z.array(localBasemapFileSchema).max(200)),
    pick: method(z.tuple([]), basemapFilePickSchema),
  },
} as const satisfies ContractShape<GridDeskServices>;

export type IpcContract = typeof ipcContract;
export type ServiceName = keyof IpcContract & string;
export type MethodName<S extends ServiceName> = keyof IpcContract[S] & string;

/** The service interfaces as the schemas describe them; a test checks this equals {@link GridDeskServices}. */
export type ServicesOf<C> = {
  readonly [K in keyof C]: {
    -readonly [M in keyof C[K]]: C[K][M] extends MethodContract<infer A, infer R>
      ? (...args: z.infer<A>) => Promise<z.infer<R>>
      : never;
  };
};

/** A request channel: `service:method`. */
export type IpcChannel = {
  [S in ServiceName]: `${S}:${MethodName<S>}`;
}[ServiceName];

/** The channel name of a method: `service:method`. */
export function channelOf<S extends ServiceName>(
  service: S,
  methodName: MethodName<S>,
): `${S}:${MethodName<S>}` {
  return `${service}:${methodName}`;
}

/** One row of the contract table, flattened for registration loops. */
export interface IpcMethodEntry {
  readonly service: ServiceName;
  readonly method: string;
  readonly channel: IpcChannel;
  readonly contract: MethodContract;
}

/** Every method of the contract, in declaration order: what main registers and the preload exposes. */
export function listIpcMethods(): readonly IpcMethodEntry[] {
  const entries: IpcMethodEntry[] = [];
  for (const service of Object.keys(ipcContract) as ServiceName[]) {
    const methods: Readonly<Record<string, MethodContract>> = ipcContract[service];
    for (const [name, contract] of Object.entries(methods)) {
      entries.push({ service, method: name, channel: `${service}:${name}` as IpcChannel, contract });
    }
  }
  return entries;
}

// ---------------------------------------------------------------------------------------------------------------
// Events (main → renderer)
// ---------------------------------------------------------------------------------------------------------------

/** Main → renderer events and their payloads. */
export interface IpcEventPayloads {
  /** A menu item was chosen: run the command with this id. */
  'menu:command': MenuCommandId;
  /** Fixes the position listener admitted since the last batch. */
  'positions:fixes': readonly AdmittedFix[];
}
export type IpcEventChannel = keyof IpcEventPayloads;
export type IpcEventPayload<E extends IpcEventChannel> = IpcEventPayloads[E];

/** The schema of each event's payload. */
export const ipcEvents: { readonly [E in IpcEventChannel]: z.ZodType<IpcEventPayloads[E]> } = {
  'menu:command': menuCommandIdSchema,
  'positions:fixes': fixBatchSchema,
};
export const MENU_COMMAND_CHANNEL = 'menu:command' satisfies IpcEventChannel;
export const POSITION_FIXES_CHANNEL = 'positions:fixes' satisfies IpcEventChannel;

// ---------------------------------------------------------------------------------------------------------------
// What the renderer sees
// ---------------------------------------------------------------------------------------------------------------

/**
 * The API the preload exposes as `window.griddesk`, and the only thing the renderer knows of the main process.
 * Every method returns a Promise; `onMenuCommand` returns a function that removes the listener.
 */
export interface GridDeskApi extends GridDeskServices {
  onMenuCommand(listener: (id: MenuCommandId) => void): () => void;
  /** Batches of admitted fixes from the host's position listener; returns the unsubscribe function. */
  onPositionFixes(listener: (fixes: readonly AdmittedFix[]) => void): () => void;
}
