/**
 * What the map says of a network basemap, from what the tile loader reports of each tile
 * (renderer/tiles/tile-loader.ts): whether the provider can be reached (the status bar's
 * 网络不通，显示缓存瓦片 while cached tiles, or none, are drawn) and why it refuses, named in the layer
 * panel: 天地图's key, a full disk, a server that has none of the tiles asked for.
 */
import type { TILE_ANSWER_KEYS } from './endpoint';

/** What the tile loader reports of one tile of a source. */
export type TileEvent =
  /** The provider answered with a tile (or said it has none there, 204). */
  | { readonly kind: 'online'; readonly source: string }
  /**
   * The provider answered 404: no tile there (outside its coverage), drawn blank. A server that answers
   * nothing else has a wrong template: {@link basemapStatusAfter} names it.
   */
  | { readonly kind: 'notFound'; readonly source: string }
  /** The provider could not be reached and the cached copy was drawn. */
  | { readonly kind: 'stale'; readonly source: string }
  /** The provider could not be reached and nothing is cached: the tile stays blank. */
  | { readonly kind: 'missing'; readonly source: string }
  /** The disk is full: a fetched tile is drawn but could not be kept in the cache. */
  | { readonly kind: 'quota'; readonly source: string }
  /** The provider refused (天地图's key, a sign-in, a quota): the map says why. */
  | { readonly kind: 'refused'; readonly source: string; readonly key: (typeof TILE_ANSWER_KEYS)[number] };

/** 404s with no tile found, after which a source's address is named as wrong. */
export const NOT_FOUND_LIMIT = 8;

export interface BasemapStatus {
  /** The provider could not be reached: cached tiles (or none) are drawn. */
  readonly offline: boolean;
  /** Why the provider's tiles are not drawn, as an i18n key, or null. */
  readonly refusal: string | null;
  /** Per source since its layers were last handed to the loader: tiles found, and 404s. */
  readonly answers: Readonly<Record<string, { readonly found: number; readonly notFound: number }>>;
}

/** The status of a basemap just chosen: nothing reported yet. */
export const FRESH_BASEMAP_STATUS: BasemapStatus = { offline: false, refusal: null, answers: {} };

/**
 * The status after one event. A 404 is a coverage's edge while some tile of the source was found; a
 * source with {@link NOT_FOUND_LIMIT} 404s and no tile found has a wrong address, named until a tile
 * is found. An answer from the provider (a tile or a 404) means it can be reached again.
 */
export function basemapStatusAfter(status: BasemapStatus, event: TileEvent): BasemapStatus {
  const tally = status.answers[event.source] ?? { found: 0, notFound: 0 };
  switch (event.kind) {
    case 'notFound': {
      const next = { ...tally, notFound: tally.notFound + 1 };
      const wrong = next.found === 0 && next.notFound >= NOT_FOUND_LIMIT;
      return {
        offline: false,
        refusal: wrong ? 'basemap.answer.notFound' : status.refusal,
        answers: { ...status.answers, [event.source]: next },
      };
    }
    case 'online':
      return {
        offline: false,
        refusal: status.refusal === 'basemap.answer.notFound' ? null : status.refusal,
        answers: { ...status.answers, [event.source]: { ...tally, found: tally.found + 1 } },
      };
    case 'stale':
    case 'missing':
      return { ...status, offline: true };
    case 'quota':
      return { ...status, refusal: 'offlineMap.quotaCache' };
    case 'refused':
      return { ...status, refusal: event.key };
  }
}
