/**
 * The coordinate systems a township's files come in, how to recognise them, and how to bring their
 * coordinates to the WGS84 / CGCS2000 lon/lat that GridDesk stores (the two differ by centimetres). Lon/lat
 * drawn on Amap or Baidu (GCJ-02, BD-09) is a datum offset on top, chosen by the operator: see datum.ts.
 *
 * CGCS2000 Gauss–Krüger zones follow one formula, so their definitions are built, not copied:
 * transverse Mercator on the CGCS2000 ellipsoid (geometrically GRS80), scale 1, latitude of origin 0,
 * false northing 0, false easting 500 000 m, or zone × 1 000 000 + 500 000 m when the zone number is
 * written in front of the easting. 3° zone n has its central meridian at 3n° (zones 25–45, 75°–135°E);
 * 6° zone n at 6n − 3° (zones 13–23). EPSG numbers them 4513–4533 (3°, with zone number), 4534–4554
 * (3°, without), 4491–4501 (6°, with) and 4502–4512 (6°, without).
 */
import proj4 from 'proj4';
import { isOutsideChina } from '../../geo/coord-systems';
import type { LonLat } from '../../model/geo';

export interface GaussKrugerCrs {
  readonly kind: 'gaussKruger';
  readonly epsg: number;
  readonly zoneWidth: 3 | 6;
  readonly zone: number;
  /** Degrees east. */
  readonly centralMeridian: number;
  /** Whether the false easting carries the zone number (zone × 1e6 + 500 000 m). */
  readonly withZoneNumber: boolean;
}

/** A coordinate system the readers can bring to lon/lat. */
export type DetectedCrs =
  | { readonly kind: 'wgs84'; readonly epsg: 4326 }
  | { readonly kind: 'cgcs2000'; readonly epsg: 4490 }
  | { readonly kind: 'webMercator'; readonly epsg: 3857 }
  | GaussKrugerCrs;
// Lon/lat in Amap's GCJ-02 or Baidu's BD-09 is not a system of its own here but WGS84 lon/lat with an
// offset: the `datum` option (datum.ts), which only the operator can choose.

export const WGS84: DetectedCrs = { kind: 'wgs84', epsg: 4326 };
export const CGCS2000: DetectedCrs = { kind: 'cgcs2000', epsg: 4490 };
export const WEB_MERCATOR: DetectedCrs = { kind: 'webMercator', epsg: 3857 };

const ZONES_3 = { first: 25, last: 45 } as const;
const ZONES_6 = { first: 13, last: 23 } as const;

function gk(zoneWidth: 3 | 6, zone: number, withZoneNumber: boolean): GaussKrugerCrs {
  const epsg =
    zoneWidth === 3
      ? (withZoneNumber ? 4513 : 4534) + zone - ZONES_3.first
      : (withZoneNumber ? 4491 : 4502) + zone - ZONES_6.first;
  const centralMeridian = zoneWidth === 3 ? 3 * zone : 6 * zone - 3;
  return { kind: 'gaussKruger', epsg, zoneWidth, zone, centralMeridian, withZoneNumber };
}

/** The CGCS2000 Gauss–Krüger zone with this EPSG code (4491–4554), or null. */
export function gaussKrugerByEpsg(epsg: number): GaussKrugerCrs | null {
  if (!Number.isInteger(epsg)) return null;
  if (epsg >= 4513 && epsg <= 4533) return gk(3, epsg - 4513 + ZONES_3.first, true);
  if (epsg >= 4534 && epsg <= 4554) return gk(3, epsg - 4534 + ZONES_3.first, false);
  if (epsg >= 4491 && epsg <= 4501) return gk(6, epsg - 4491 + ZONES_6.first, true);
  if (epsg >= 4502 && epsg <= 4512) return gk(6, epsg - 4502 + ZONES_6.first, false);
  return null;
}

/** The supported system with this EPSG code (4326, 4490, 3857 and its old aliases, 4491–4554), or null. */
export function crsFromEpsg(epsg: number): DetectedCrs | null {
  if (epsg === 4326) return WGS84;
  if (epsg === 4490) return CGCS2000;
  if (epsg === 3857 || epsg === 900913 || epsg === 102100 || epsg === 3785) return WEB_MERCATOR;
  return gaussKrugerByEpsg(epsg);
}

/**
 * Reads an EPSG code from how files name it: `EPSG:4490`, `urn:ogc:def:crs:EPSG::4528`,
 * `http://www.opengis.net/def/crs/EPSG/0/4326`; `urn:ogc:def:crs:OGC:1.3:CRS84` and `CRS84` are 4326.
 */
export function epsgFromName(name: string): number | null {
  const text = name.trim();
  if (/(^|:)CRS84$/i.test(text)) return 4326;
  const match = /EPSG(?::{1,2}|\/0\/|\/)(\d{4,6})$/i.exec(text);
  return match === null ? null : Number(match[1]);
}

/** The proj4 definition of a projected system; lon/lat systems need none. */
export function proj4Definition(crs: DetectedCrs): string | null {
  if (crs.kind === 'gaussKruger') {
    const falseEasting = crs.withZoneNumber ? crs.zone * 1_000_000 + 500_000 : 500_000;
    return (
      `+proj=tmerc +lat_0=0 +lon_0=${crs.centralMeridian} +k=1 +x_0=${falseEasting} +y_0=0 ` +
      '+ellps=GRS80 +units=m +no_defs'
    );
  }
  if (crs.kind === 'webMercator') {
    return '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs';
  }
  return null;
}

/** A function from the system's [x, y] (metres, or degrees for lon/lat) to WGS84 [lon, lat] degrees. */
export function toLonLat(crs: DetectedCrs): (xy: LonLat) => LonLat {
  const definition = proj4Definition(crs);
  if (definition === null) return (xy) => xy;
  const converter = proj4(definition, 'WGS84');
  // proj4 leaves its input alone and answers a new [lon, lat] for an [x, y]: no copies around it.
  return (xy) => {
    if (!Number.isFinite(xy[0]) || !Number.isFinite(xy[1])) return [Number.NaN, Number.NaN];
    return converter.forward(xy as [number, number]) as unknown as LonLat;
  };
}

export type PrjReading =
  | { readonly ok: true; readonly crs: DetectedCrs }
  /** A system the import does not convert (e.g. Xi'an 1980, Beijing 1954, UTM): its name from the WKT. */
  | { readonly ok: false; readonly reason: 'unsupported'; readonly name: string }
  | { readonly ok: false; readonly reason: 'bad' };

function wktParameter(wkt: string, name: string): number | null {
  const match = new RegExp(`PARAMETER\\s*\\[\\s*"${name}"\\s*,\\s*(-?[\\d.eE+-]+)`, 'i').exec(wkt);
  return match === null ? null : Number(match[1]);
}

function outerName(wkt: string): string {
  return /^\s*\w+\s*\[\s*"([^"]*)"/.exec(wkt)?.[1] ?? wkt.slice(0, 60);
}

/**
 * Recognises a `.prj` (WKT 1 as ArcGIS and GDAL write it, or WKT 2): first by an EPSG authority code of
 * a supported system, else by its parts: the datum (CGCS2000 or WGS84; any other is unsupported, since
 * treating Xi'an 1980 or Beijing 1954 as CGCS2000 moves everything by up to ~100 m), and for projected
 * systems a Gauss–Krüger / transverse Mercator with scale 1 whose central meridian and false easting
 * are one of the CGCS2000 zones, or Web Mercator.
 */
export function crsFromPrj(wkt: string): PrjReading {
  const text = wkt.replace(/^\uFEFF/, '').trim();
  if (!/^(PROJCS|GEOGCS|PROJCRS|GEOGCRS|GEODCRS|BASEGEOGCRS)\s*\[/i.test(text))
    return { ok: false, reason: 'bad' };
  const name = outerName(text);
  // The outermost object's authority is written last in WKT 1 and WKT 2.
  const authorities = [...text.matchAll(/(?:AUTHORITY|ID)\s*\[\s*"EPSG"\s*,\s*"?(\d+)"?\s*\]/gi)];
  const last = authorities.at(-1);
  if (last !== undefined) {
    const byCode = crsFromEpsg(Number(last[1]));
    if (byCode !== null) return { ok: true, crs: byCode };
  }
  const cgcs = /China[ _]?(Geodetic[ _]Coordinate[ _]System[ _])?2000|CGCS[ _]?2000/i.test(text);
  const wgs = /WGS[ _]?(19)?84/i.test(text);
  const projected = /^PROJ/i.test(text);
  if (/Mercator_Auxiliary_Sphere|Pseudo[ _-]Mercator|Popular Visuali[sz]ation|Web[ _]Mercator/i.test(text)) {
    return { ok: true, crs: WEB_MERCATOR };
  }
  if (!projected) {
    if (cgcs) return { ok: true, crs: CGCS2000 };
    if (wgs) return { ok: true, crs: WGS84 };
    return { ok: false, reason: 'unsupported', name };
  }
  if (!cgcs || !/Gauss[ _-]?Kruger|Transverse[ _]Mercator/i.test(text)) {
    return { ok: false, reason: 'unsupported', name };
  }
  const centralMeridian =
    wktParameter(text, 'central_meridian') ?? wktParameter(text, 'Longitude of natural origin');
  const falseEasting = wktParameter(text, 'false_easting') ?? wktParameter(text, 'False easting');
  const scale =
    wktParameter(text, 'scale_factor') ?? wktParameter(text, 'Scale factor at natural origin') ?? 1;
  const falseNorthing = wktParameter(text, 'false_northing') ?? wktParameter(text, 'False northing') ?? 0;
  const latitude =
    wktParameter(text, 'latitude_of_origin') ?? wktParameter(text, 'Latitude of natural origin') ?? 0;
  if (
    centralMeridian === null ||
    falseEasting === null ||
    scale !== 1 ||
    falseNorthing !== 0 ||
    latitude !== 0
  ) {
    return { ok: false, reason: 'unsupported', name };
  }
  // ArcGIS names 3° zones `CGCS2000_3_Degree_GK_…` and 6° zones `CGCS2000_GK_CM_…`/`…_GK_Zone_…`.
  const sixDegree = !/3[ _-]?degree/i.test(name) && /(GK|Gauss[ _-]?Kruger)[ _](CM|Zone)/i.test(name);
  const zone = gaussKrugerZone(centralMeridian, falseEasting, sixDegree ? 6 : 3);
  return zone === null ? { ok: false, reason: 'unsupported', name } : { ok: true, crs: zone };
}

/**
 * The zone with this central meridian and false easting. Without the zone number a 6° zone's central
 * meridian is also a 3° zone's (the two transforms are identical), so `preferred` decides.
 */
export function gaussKrugerZone(
  centralMeridian: number,
  falseEasting: number,
  preferred: 3 | 6,
): GaussKrugerCrs | null {
  const zone3 = centralMeridian / 3;
  const zone6 = (centralMeridian + 3) / 6;
  const fits3 = Number.isInteger(zone3) && zone3 >= ZONES_3.first && zone3 <= ZONES_3.last;
  const fits6 = Number.isInteger(zone6) && zone6 >= ZONES_6.first && zone6 <= ZONES_6.last;
  if (falseEasting === 500_000) {
    if (fits6 && (preferred === 6 || !fits3)) return gk(6, zone6, false);
    return fits3 ? gk(3, zone3, false) : null;
  }
  const written = (falseEasting - 500_000) / 1_000_000;
  if (fits3 && written === zone3) return gk(3, zone3, true);
  if (fits6 && written === zone6) return gk(6, zone6, true);
  return null;
}

/** [minX, minY, maxX, maxY] of the file's own coordinates. */
export type Extent = readonly [minX: number, minY: number, maxX: number, maxY: number];

/** Whether coordinates cannot be lon/lat degrees: beyond ±180 or ±90. */
export function looksProjected(extent: Extent): boolean {
  return extent.some((v, i) => Math.abs(v) > (i % 2 === 0 ? 180 : 90));
}

/** A system the operator may pick for projected data that came without one. */
export interface CrsCandidate {
  readonly crs: DetectedCrs;
  /** Where the data would land: [west, south, east, north] in degrees. */
  readonly lands: readonly [number, number, number, number];
  /** From `near` to the middle of where it lands, in kilometres, when `near` was given. */
  readonly distanceKm?: number;
}

function landing(crs: DetectedCrs, extent: Extent): [number, number, number, number] | null {
  const forward = toLonLat(crs);
  const [minX, minY, maxX, maxY] = extent;
  const points = [
    forward([minX, minY]),
    forward([minX, maxY]),
    forward([maxX, minY]),
    forward([maxX, maxY]),
    forward([(minX + maxX) / 2, (minY + maxY) / 2]),
  ];
  if (points.some((p) => !Number.isFinite(p[0]) || !Number.isFinite(p[1]) || isOutsideChina(p))) return null;
  // A zone's data lies within its half-width of the central meridian (a little beyond at zone edges).
  if (crs.kind === 'gaussKruger') {
    const half = crs.zoneWidth / 2 + 0.5;
    if (points.some((p) => Math.abs(p[0] - crs.centralMeridian) > half)) return null;
  }
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

function kilometres(a: LonLat, b: LonLat): number {
  const rad = Math.PI / 180;
  const dLat = (b[1] - a[1]) * rad;
  const dLon = (b[0] - a[0]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[1] * rad) * Math.cos(b[1] * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(h));
}

/**
 * The systems under which projected coordinates without a stated system would land in China: the
 * Gauss–Krüger zone whose number the eastings carry (when they carry one), else every zone whose
 * central meridian fits (then position alone cannot tell them apart), and Web Mercator. With `near`
 * (the township's position, WGS84 degrees) the nearest landing comes first; otherwise west to east.
 */
export function projectedCandidates(extent: Extent, near?: LonLat): CrsCandidate[] {
  const systems: DetectedCrs[] = [WEB_MERCATOR];
  const [minX, , maxX] = extent;
  const written = Math.floor(minX / 1_000_000);
  if (written === Math.floor(maxX / 1_000_000) && written >= ZONES_6.first) {
    if (written <= ZONES_6.last) systems.push(gk(6, written, true));
    if (written >= ZONES_3.first && written <= ZONES_3.last) systems.push(gk(3, written, true));
  }
  if (minX >= 0 && maxX < 1_000_000) {
    for (let zone = ZONES_3.first; zone <= ZONES_3.last; zone++) systems.push(gk(3, zone, false));
    for (let zone = ZONES_6.first; zone <= ZONES_6.last; zone++) systems.push(gk(6, zone, false));
  }
  const found: CrsCandidate[] = [];
  for (const crs of systems) {
    const lands = landing(crs, extent);
    if (lands === null) continue;
    const middle: LonLat = [(lands[0] + lands[2]) / 2, (lands[1] + lands[3]) / 2];
    found.push(near === undefined ? { crs, lands } : { crs, lands, distanceKm: kilometres(near, middle) });
  }
  return found.sort((a, b) =>
    a.distanceKm !== undefined && b.distanceKm !== undefined
      ? a.distanceKm - b.distanceKm
      : a.lands[0] - b.lands[0],
  );
}

/** How a candidate is named in messages: `EPSG:4528 (3° 40)`; zone numbers for the operator. */
export function candidateZones(candidates: readonly CrsCandidate[]): string {
  return candidates
    .map(({ crs }) =>
      crs.kind === 'gaussKruger'
        ? `EPSG:${crs.epsg} (${crs.zoneWidth}°/${crs.zone}, ${crs.centralMeridian}°E)`
        : `EPSG:${crs.epsg}`,
    )
    .join(', ');
}
