import { WEB_CJK_FONT } from '../fonts/font-faces';
import type { CaseStage, Urgency } from '../../shared/model/case';
import type { UnitStatus } from '../../shared/positions/unit-status';

/** Map colours, chosen to read on both the light workstation map and a projector. */
export const STAGE_COLORS: Readonly<Record<CaseStage, string>> = {
  reported: '#f59e0b',
  registered: '#eab308',
  dispatched: '#3b82f6',
  handling: '#8b5cf6',
  feedback: '#06b6d4',
  verified: '#10b981',
  closed: '#6b7280',
  evaluated: '#9ca3af',
};

/** Circle radius in pixels by urgency (急要件 larger). */
export const URGENCY_RADIUS: Readonly<Record<Urgency, number>> = { normal: 6, urgent: 8, critical: 11 };

/**
 * The officers' badges by unit status (空闲/处置中/离线/未在岗), safe for colour-blind eyes: the two
 * statuses a dispatcher tells apart most are Okabe–Ito blue and vermillion, which stay apart under
 * protanopia, deuteranopia and tritanopia; the two greys are told apart by shape, not colour (离线 is
 * a hollow badge with a dashed ring and a slash, 未在岗 a solid grey one).
 */
export const UNIT_STATUS_COLORS: Readonly<Record<UnitStatus, string>> = {
  idle: '#0072b2',
  handling: '#d55e00',
  offline: '#6b7280',
  offDuty: '#a3a3a3',
};

/**
 * The colours of replayed tracks (轨迹回放), one per officer of a team in order: distinct from each
 * other, from the officers' status colours' meaning, and readable on the light and the dark map.
 */
export const TRACK_COLOURS = [
  '#2563eb',
  '#db2777',
  '#059669',
  '#d97706',
  '#7c3aed',
  '#0891b2',
  '#b91c1c',
  '#4d7c0f',
] as const;

/** The colours of one look of the map: the light workstation map or the dark display wall. */
export interface MapTheme {
  readonly basemap: {
    readonly background: string;
    readonly settlement: string;
    readonly townCentre: string;
    readonly water: string;
    readonly waterLine: string;
    readonly roadCasing: string;
    readonly trunk: string;
    readonly main: string;
    readonly minor: string;
    readonly label: string;
    readonly waterLabel: string;
    readonly poiLabel: string;
    readonly halo: string;
  };
  readonly grid: {
    readonly outline: string;
    readonly hoverFill: string;
    readonly selectedOutline: string;
    readonly label: string;
  };
  /** Halo behind every command label (grids, patrol areas, officers). */
  readonly halo: string;
  /** Officer name labels. */
  readonly officerLabel: string;
  /** The ring around case dots and clusters. */
  readonly caseRing: string;
}

export const MAP_THEMES: Readonly<Record<'light' | 'dark', MapTheme>> = {
  light: {
    basemap: {
      background: '#f3f0e8',
      settlement: '#e6ddcc',
      townCentre: '#e0cfb6',
      water: '#9ec5e8',
      waterLine: '#7fb0df',
      roadCasing: '#b9b09f',
      trunk: '#f3b562',
      main: '#ffffff',
      minor: '#fdfcf8',
      label: '#4b4538',
      waterLabel: '#2f6aa3',
      poiLabel: '#5b5242',
      halo: '#ffffff',
    },
    grid: { outline: '#51606f', hoverFill: '#fde68a', selectedOutline: '#dc2626', label: '#1f2937' },
    halo: '#ffffff',
    officerLabel: '#1f2937',
    caseRing: '#ffffff',
  },
  /** For the display wall: a dark ground so case and officer colours carry across a room. */
  dark: {
    basemap: {
      background: '#0b1220',
      settlement: '#17233a',
      townCentre: '#1f2f4d',
      water: '#12365a',
      waterLine: '#1d4f80',
      roadCasing: '#0b1220',
      trunk: '#b7791f',
      main: '#3b4b66',
      minor: '#2a3850',
      label: '#c7d2e3',
      waterLabel: '#6fa8dc',
      poiLabel: '#8fa0bb',
      halo: '#0b1220',
    },
    grid: { outline: '#5b7aa6', hoverFill: '#1e3a5f', selectedOutline: '#f87171', label: '#c7d2e3' },
    halo: '#0b1220',
    officerLabel: '#e5e7eb',
    caseRing: '#e5e7eb',
  },
};

/**
 * The labels' font stack. The style has no `glyphs` URL, so MapLibre draws labels on a canvas with fonts, not
 * downloaded glyphs. The style declares the app's own CJK webfont ({@link WEB_CJK_FONT}) as `font-faces`, and
 * MapLibre draws every character one of its files covers with it, so labels look the same on every PC and need
 * no CJK font installed; the local fonts (Noto Sans CJK from Debian's fonts-noto-cjk, Microsoft YaHei on Windows)
 * draw whatever else a label holds.
 */
export const LABEL_FONT = ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', WEB_CJK_FONT, 'sans-serif'];
