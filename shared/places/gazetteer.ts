/**
 * 地名检索: find a place of the township by what an operator types — a village, a road, a point of
 * interest (农贸市场, 学校, 工地…), a community (社区/村) or a grid by name or by grid code. Built once
 * from the township's own basemap and organisation, searched on every keystroke; no network.
 */
import type { Basemap } from '../model/basemap';
import type { LonLat } from '../model/geo';
import type { Community, Grid } from '../model/organisation';
import { digitsOnly, foldPlaceText } from './normalize';
import { labelOrInside, lineMidpoint, pointInsideArea } from './representative-point';

/** Kinds of place, in the order results of equal score are listed. */
export const PLACE_KINDS = ['settlement', 'community', 'poi', 'road', 'grid'] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** A place the map can fly to. */
export interface Place {
  readonly kind: PlaceKind;
  /** The record's id: basemap id, community code, or grid code. Unique within a kind. */
  readonly id: string;
  readonly name: string;
  /**
   * WGS84 lon/lat on the place: a POI's location, a community's centre, the point halfway along a
   * road, a point inside a settlement or grid polygon.
   */
  readonly location: LonLat;
  /** The record's own kind or rank: POI kind, settlement kind, road rank, community kind; absent for grids. */
  readonly subtype?: string;
  /** 15-digit grid code, for grids. */
  readonly code?: string;
}

/** How a result matched, strongest first. */
export type MatchKind = 'exact' | 'prefix' | 'substring' | 'fuzzy' | 'code' | 'codeSuffix' | 'codePart';

export interface PlaceResult extends Place {
  /** Higher is better; 100 is an exact name or code. Only comparable within one search. */
  readonly score: number;
  readonly match: MatchKind;
}

interface Entry {
  readonly place: Place;
  readonly folded: string;
  readonly codeDigits: string;
  readonly kindRank: number;
}

/** A built search index; treat as opaque. */
export interface Gazetteer {
  readonly entries: readonly Entry[];
}

/** The organisation parts the gazetteer reads. */
export interface GazetteerTownship {
  readonly communities: readonly Community[];
  readonly grids: readonly Grid[];
}

/**
 * Builds the index: one entry per settlement, road, POI, community and grid. Representative points
 * are computed here, once, so a search is only string work. A road without positions is left out.
 */
export function buildGazetteer(basemap: Basemap, township: GazetteerTownship): Gazetteer {
  const places: Place[] = [];
  for (const s of basemap.settlements) {
    places.push({
      kind: 'settlement',
      id: s.id,
      name: s.name,
      subtype: s.kind,
      location: labelOrInside(s.geometry, s.labelPoint),
    });
  }
  for (const c of township.communities) {
    places.push({ kind: 'community', id: c.code, name: c.name, subtype: c.kind, location: c.centre });
  }
  for (const p of basemap.pois) {
    places.push({ kind: 'poi', id: p.id, name: p.name, subtype: p.kind, location: p.location });
  }
  for (const r of basemap.roads) {
    if (r.geometry.coordinates.length === 0) continue;
    places.push({
      kind: 'road',
      id: r.id,
      name: r.name,
      subtype: r.rank,
      location: lineMidpoint(r.geometry),
    });
  }
  for (const g of township.grids) {
    places.push({
      kind: 'grid',
      id: g.code,
      name: g.name,
      code: g.code,
      location: pointInsideArea(g.geometry),
    });
  }
  return {
    entries: places.map((place) => ({
      place,
      folded: foldPlaceText(place.name),
      codeDigits: place.code ?? '',
      kindRank: PLACE_KINDS.indexOf(place.kind),
    })),
  };
}

/**
 * Length of the shortest stretch of `text` that holds all characters of `query` in order, or -1 when
 * it holds them not at all. "镇政府" is in "澄湖镇人民政府" over a stretch of 5.
 */
export function subsequenceSpan(text: string, query: string): number {
  const t = [...text];
  const q = [...query];
  if (q.length === 0) return 0;
  let best = -1;
  for (let start = 0; start < t.length; start++) {
    if (t[start] !== q[0]) continue;
    let k = 1;
    let i = start + 1;
    for (; i < t.length && k < q.length; i++) if (t[i] === q[k]) k++;
    if (k < q.length) break; // no later start can complete either
    const span = i - start;
    if (best < 0 || span < best) best = span;
  }
  return best;
}

function nameScore(folded: string, query: string): { score: number; match: MatchKind } | null {
  const nameLength = [...folded].length;
  const queryLength = [...query].length;
  const cover = queryLength / Math.max(nameLength, 1);
  if (folded === query) return { score: 100, match: 'exact' };
  if (folded.startsWith(query)) return { score: 80 + 10 * cover, match: 'prefix' };
  if (folded.includes(query)) return { score: 60 + 10 * cover, match: 'substring' };
  if (queryLength < 2) return null;
  const span = subsequenceSpan(folded, query);
  if (span < 0) return null;
  return { score: 30 + 10 * (queryLength / span) + 10 * cover, match: 'fuzzy' };
}

function codeScore(code: string, digits: string): { score: number; match: MatchKind } | null {
  if (code === '' || digits.length < 2) return null;
  const cover = digits.length / code.length;
  if (code === digits) return { score: 100, match: 'code' };
  if (code.endsWith(digits)) return { score: 70 + 10 * cover, match: 'codeSuffix' };
  if (digits.length >= 4 && code.includes(digits)) return { score: 50 + 10 * cover, match: 'codePart' };
  return null;
}

/** Default number of results. */
export const DEFAULT_PLACE_LIMIT = 10;

/**
 * Ranked places for what was typed. Ranking: exact name; name prefix; name substring; all query
 * characters in order (Chinese fuzzy, tighter stretches first). Case, spaces and full-width/half-width
 * differences are ignored. A query of digits (spaces and `-` allowed) also matches grid codes: exactly,
 * by suffix (operators type the last digits: "012", "201012"), or, from 4 digits, anywhere in the code.
 * Equal scores list settlements, communities, POIs, roads, then grids; shorter names first, grids in
 * code order.
 * An empty query or a limit below 1 gives no results.
 */
export function searchPlaces(
  gazetteer: Gazetteer,
  query: string,
  limit: number = DEFAULT_PLACE_LIMIT,
): readonly PlaceResult[] {
  const folded = foldPlaceText(query);
  if (folded === '' || limit < 1) return [];
  const digits = /^[0-9\-_./]+$/.test(folded) ? digitsOnly(folded) : '';
  const hits: { entry: Entry; score: number; match: MatchKind }[] = [];
  for (const entry of gazetteer.entries) {
    const byName = nameScore(entry.folded, folded);
    const byCode = digits === '' ? null : codeScore(entry.codeDigits, digits);
    const best = byCode !== null && (byName === null || byCode.score > byName.score) ? byCode : byName;
    if (best !== null) hits.push({ entry, ...best });
  }
  hits.sort(
    (a, b) =>
      b.score - a.score ||
      a.entry.kindRank - b.entry.kindRank ||
      // Grids of equal score read best in code order (community by community); other places shortest first.
      (a.entry.place.kind === 'grid' ? 0 : a.entry.folded.length - b.entry.folded.length) ||
      (a.entry.place.id < b.entry.place.id ? -1 : a.entry.place.id > b.entry.place.id ? 1 : 0),
  );
  return hits.slice(0, limit).map((h) => ({ ...h.entry.place, score: h.score, match: h.match }));
}
