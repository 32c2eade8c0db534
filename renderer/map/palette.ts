import type { CaseStage, Urgency } from '../../shared/model/case';
import type { OfficerStatus } from '../../shared/model/organisation';

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

export const OFFICER_STATUS_COLORS: Readonly<Record<OfficerStatus, string>> = {
  patrolling: '#16a34a',
  available: '#2563eb',
  busy: '#ea580c',
  'off-duty': '#9ca3af',
};

export const BASEMAP_COLORS = {
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
  halo: '#ffffff',
} as const;

export const GRID_COLORS = {
  outline: '#51606f',
  hoverFill: '#fde68a',
  selectedOutline: '#dc2626',
  label: '#1f2937',
};

/**
 * Local font stack. The style has no `glyphs` URL, so MapLibre draws every label with the fonts the
 * system has (Noto Sans CJK from Debian's fonts-noto-cjk, Microsoft YaHei on Windows): no glyph download.
 */
export const LABEL_FONT = ['Noto Sans CJK SC', 'Microsoft YaHei', 'PingFang SC', 'sans-serif'];
