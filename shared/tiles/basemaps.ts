/**
 * The basemaps a centre can show under its grids (底图): the township's own drawn map (the sample's, or
 * none for a centre set up from its files), 天地图's vector, imagery and terrain maps with their
 * annotation layers (the centre's own key), and a tile server of its own (a county GIS server's XYZ/TMS
 * template). The centre's settings (the key, its own server) are kept with the centre and changed by a
 * shift leader; which basemap an operator looks at is a choice of the PC.
 */
import { z } from 'zod';
import type { ChinaDatum } from '../geo/china-offsets';
import { DEFAULT_TILE_MAX_AGE_MS, MiB } from './cache-policy';
import { localBasemapFileSchema, type LocalBasemapFile } from './local-files';
import { MAX_VECTOR_LAYERS } from './vector-tile';
import {
  isTiandituKey,
  parseTemplate,
  tiandituEndpoint,
  TIANDITU_LAYERS,
  type TiandituBase,
  type TileEndpoint,
} from './endpoint';

export const BASEMAP_CHOICES = [
  'own',
  'tianditu-vec',
  'tianditu-img',
  'tianditu-ter',
  'custom',
  'wmts',
  'local',
  'none',
] as const;
export type BasemapChoice = (typeof BASEMAP_CHOICES)[number];
export const basemapChoiceSchema = z.enum(BASEMAP_CHOICES);

/**
 * The datums a raster basemap can be drawn in: WGS84/CGCS2000 (天地图, most county servers) or GCJ-02
 * (高德 Amap, 腾讯 Tencent). BD-09 is left out: Baidu's tiles are cut on its own projection and grid,
 * which no XYZ template describes.
 */
export const BASEMAP_DATUMS = ['wgs84', 'gcj02'] as const satisfies readonly ChinaDatum[];
export type BasemapDatum = (typeof BASEMAP_DATUMS)[number];

export const BASEMAP_TONES = ['map', 'imagery'] as const;
export type BasemapTone = (typeof BASEMAP_TONES)[number];

/** What a tile server serves: images (`raster`) or Mapbox Vector Tiles (`vector`, drawn in a generic style). */
export const TILE_FORMATS = ['raster', 'vector'] as const;
export type TileFormat = (typeof TILE_FORMATS)[number];

export const basemapSettingsSchema = z.strictObject({
  /** The centre's 天地图 key; empty when it has none. */
  tiandituKey: z.string().max(64),
  /** The centre's own tile server, if any. */
  custom: z
    .strictObject({
      name: z.string().min(1).max(40),
      template: z.string().max(2048),
      subdomains: z.string().max(100),
      maxZoom: z.number().int().min(1).max(22),
      /**
       * The datum its tiles are drawn in: `gcj02` for a server serving Amap's or Tencent's tiles (or
       * drawn on them), so the overlays are shifted on screen to match; absent (settings saved before it
       * existed) is `wgs84`.
       */
      datum: z.enum(BASEMAP_DATUMS).optional(),
      /** Absent (settings saved before it existed) is `raster`. */
      format: z.enum(TILE_FORMATS).optional(),
      /**
       * A vector server's source layers, read from one of its tiles when the leader saved it
       * (renderer/tiles/vector-probe.ts); the generic style draws each.
       */
      vectorLayers: z.array(z.string().min(1).max(100)).max(MAX_VECTOR_LAYERS).optional(),
      /** A street map or imagery, for the wall's dark rendering; absent is `map`. */
      tone: z.enum(BASEMAP_TONES).optional(),
    })
    .nullable(),
  /** The tile cache's size cap, MiB. */
  cacheCapMiB: z.number().int().min(64).max(65_536),
  /**
   * A layer of a WMTS server (a county GIS server's GetCapabilities), as read when the leader picked it:
   * its tile template and the TileMatrix of each zoom are kept, so the map draws it (and its cached
   * tiles) without asking for the capabilities again. Absent in settings saved before it existed.
   */
  wmts: z
    .strictObject({
      name: z.string().min(1).max(40),
      /** The GetCapabilities address the leader entered. */
      url: z.string().max(2048),
      layer: z.string().max(256),
      matrixSet: z.string().max(256),
      template: z.string().max(4096),
      /** The TileMatrix identifier of each zoom (index = zoom); null where the set has none. */
      matrixIds: z.array(z.string().max(64).nullable()).max(31),
      minZoom: z.number().int().min(0).max(30),
      maxZoom: z.number().int().min(0).max(30),
    })
    .nullable()
    .optional(),
  /** A local PMTiles or MBTiles file (shared/tiles/local-files.ts). Absent in older settings. */
  local: z
    .strictObject({ name: z.string().min(1).max(40), file: localBasemapFileSchema })
    .nullable()
    .optional(),
});
export type BasemapSettings = z.infer<typeof basemapSettingsSchema>;

export const DEFAULT_BASEMAP_SETTINGS: BasemapSettings = { tiandituKey: '', custom: null, cacheCapMiB: 2048 };

export const BASEMAP_ISSUE_KEYS = [
  'basemap.settings.tiandituKey',
  'basemap.settings.customName',
  'basemap.settings.wmtsName',
  'basemap.settings.localName',
  'basemap.settings.noVectorLayers',
] as const;

/** One issue of basemap settings, naming its field. */
export interface BasemapSettingsIssue {
  readonly field:
    'tiandituKey' | 'custom.name' | 'custom.template' | 'wmts.name' | 'wmts.template' | 'local.name';
  readonly key: string;
  readonly params: Readonly<Record<string, string>>;
}

/** Settings as typed in the dialog, checked field by field (the template as the map will use it). */
export function checkBasemapSettings(
  input: BasemapSettings,
): { ok: true; settings: BasemapSettings } | { ok: false; issues: BasemapSettingsIssue[] } {
  const issues: BasemapSettingsIssue[] = [];
  const key = input.tiandituKey.trim();
  if (key !== '' && !isTiandituKey(key))
    issues.push({ field: 'tiandituKey', key: 'basemap.settings.tiandituKey', params: {} });
  let custom = input.custom;
  if (custom !== null) {
    custom = { ...custom, name: custom.name.trim(), template: custom.template.trim() };
    if (custom.name === '')
      issues.push({ field: 'custom.name', key: 'basemap.settings.customName', params: {} });
    const parsed = parseTemplate(custom.template, { subdomains: custom.subdomains });
    if (!parsed.ok)
      issues.push({ field: 'custom.template', key: parsed.problem.key, params: parsed.problem.params });
    else if (custom.format === 'vector' && (custom.vectorLayers ?? []).length === 0)
      issues.push({ field: 'custom.template', key: 'basemap.settings.noVectorLayers', params: {} });
  }
  let wmts = input.wmts ?? null;
  if (wmts !== null) {
    wmts = { ...wmts, name: wmts.name.trim() };
    if (wmts.name === '') issues.push({ field: 'wmts.name', key: 'basemap.settings.wmtsName', params: {} });
    const parsed = parseTemplate(wmts.template);
    if (!parsed.ok)
      issues.push({ field: 'wmts.template', key: parsed.problem.key, params: parsed.problem.params });
  }
  let local = input.local ?? null;
  if (local !== null) {
    local = { ...local, name: local.name.trim() };
    if (local.name === '')
      issues.push({ field: 'local.name', key: 'basemap.settings.localName', params: {} });
  }
  if (issues.length > 0) return { ok: false, issues };
  return {
    ok: true,
    // An unset WMTS server or local file is left out (as in settings saved before they existed).
    settings: basemapSettingsSchema.parse({
      ...input,
      tiandituKey: key,
      custom,
      wmts: wmts ?? undefined,
      local: local ?? undefined,
    }),
  };
}

/** One raster layer of a basemap, bottom first, as the tile loader serves it. */
export interface BasemapLayer {
  /** The tile cache's and the map's source id. */
  readonly id: string;
  readonly endpoint: TileEndpoint;
  readonly provider: 'tianditu' | 'other';
  readonly maxAgeMs: number;
  /** The datum its tiles are drawn in; absent is `wgs84`. The map shifts the overlays to match a `gcj02` one. */
  readonly datum?: BasemapDatum;
  /**
   * What its tiles show, for the wall's dark rendering: a drawn street map (`map`, turned dark) or
   * aerial imagery (`imagery`, only dimmed); an annotation layer takes its base's. Absent is `map`.
   */
  readonly tone?: BasemapTone;
  /** Absent is `raster`. */
  readonly format?: TileFormat;
  /** A vector layer's source layers, drawn in the generic style. */
  readonly vectorLayers?: readonly string[];
}

/**
 * The datum a stack of basemap layers is drawn in, which the overlays are then drawn in: GCJ-02 if
 * any of its layers is (a stack mixes none in practice), else WGS84 (also for no network basemap).
 */
export function basemapDatum(layers: readonly BasemapLayer[]): BasemapDatum {
  return layers.some((l) => l.datum === 'gcj02') ? 'gcj02' : 'wgs84';
}

/** A short, stable id for a template: a changed template is a new source, its old tiles not reused. */
function templateId(template: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < template.length; i += 1) h = Math.imul(h ^ template.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(36);
}

/**
 * The network layers of a choice under the centre's settings: none for the township's own map or no
 * basemap, a base and its annotation for 天地图, one for the centre's server; or why it cannot be drawn.
 */
export function basemapLayers(
  choice: BasemapChoice,
  settings: BasemapSettings,
):
  | { ok: true; layers: BasemapLayer[] }
  | {
      ok: false;
      key:
        | 'basemap.choice.noKey'
        | 'basemap.choice.noCustom'
        | 'basemap.choice.noWmts'
        | 'basemap.choice.noLocal';
    } {
  if (choice === 'own' || choice === 'none') return { ok: true, layers: [] };
  // A local file's tiles come from the disk, not through the network tile cache: localBasemapOf.
  if (choice === 'local')
    return settings.local == null ? { ok: false, key: 'basemap.choice.noLocal' } : { ok: true, layers: [] };
  if (choice === 'wmts') {
    const wmts = settings.wmts;
    const parsed =
      wmts == null ? null : parseTemplate(wmts.template, { minZoom: wmts.minZoom, maxZoom: wmts.maxZoom });
    if (wmts == null || parsed === null || !parsed.ok) return { ok: false, key: 'basemap.choice.noWmts' };
    return {
      ok: true,
      layers: [
        {
          id: `wmts-${templateId(parsed.endpoint.template)}`,
          endpoint: { ...parsed.endpoint, matrixIds: wmts.matrixIds },
          provider: 'other',
          maxAgeMs: DEFAULT_TILE_MAX_AGE_MS,
        },
      ],
    };
  }
  if (choice === 'custom') {
    if (settings.custom === null) return { ok: false, key: 'basemap.choice.noCustom' };
    const parsed = parseTemplate(settings.custom.template, {
      subdomains: settings.custom.subdomains,
      maxZoom: settings.custom.maxZoom,
    });
    if (!parsed.ok) return { ok: false, key: 'basemap.choice.noCustom' };
    // A template read as vector tiles is another source than the same template read as images.
    const vector = settings.custom.format === 'vector';
    const id = `custom-${templateId(parsed.endpoint.template)}${vector ? '-mvt' : ''}`;
    return {
      ok: true,
      layers: [
        {
          id,
          endpoint: parsed.endpoint,
          provider: 'other',
          maxAgeMs: DEFAULT_TILE_MAX_AGE_MS,
          datum: settings.custom.datum ?? 'wgs84',
          tone: settings.custom.tone ?? 'map',
          format: settings.custom.format ?? 'raster',
          ...(vector ? { vectorLayers: settings.custom.vectorLayers ?? [] } : {}),
        },
      ],
    };
  }
  if (!isTiandituKey(settings.tiandituKey)) return { ok: false, key: 'basemap.choice.noKey' };
  const base = choice.slice('tianditu-'.length) as TiandituBase;
  const annotation = TIANDITU_LAYERS[base].annotation;
  return {
    ok: true,
    layers: [base, annotation].map((layer) => ({
      id: `tdt-${layer}`,
      endpoint: tiandituEndpoint(layer, settings.tiandituKey),
      provider: 'tianditu' as const,
      maxAgeMs: DEFAULT_TILE_MAX_AGE_MS,
      // 天地图 is drawn in CGCS2000, which GridDesk treats as WGS84.
      datum: 'wgs84' as const,
      tone: base === 'img' ? ('imagery' as const) : ('map' as const),
    })),
  };
}

/** The local file a choice draws, if it is 'local' and one is set. */
export const localBasemapOf = (choice: BasemapChoice, settings: BasemapSettings): LocalBasemapFile | null =>
  choice === 'local' ? (settings.local?.file ?? null) : null;

export const cacheCapBytes = (settings: BasemapSettings): number => settings.cacheCapMiB * MiB;
