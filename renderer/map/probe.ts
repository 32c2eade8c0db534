import type { MapController } from './controller';
import { GRID_FILL_LAYER } from './layers/grids';
import { PATROL_AREA_FILL_LAYER } from './layers/patrol-areas';
import { OFFICER_ICON_LAYER } from './layers/officers';
import { CASE_CLUSTER_LAYER, CASE_OVERDUE_LAYER, CASE_POINT_LAYER } from './layers/cases';

/** How many distinct things each command layer draws in the current view. */
export interface RenderedCounts {
  readonly grids: number;
  readonly patrolAreas: number;
  readonly officers: number;
  /** Cases drawn on their own plus the cases inside drawn clusters. */
  readonly cases: number;
  /** Of those, the overdue ones (red rings plus the overdue cases inside drawn clusters). */
  readonly overdueCases: number;
}

/**
 * A read-only diagnostic view of what the map has rendered, read back from the map itself
 * (queryRenderedFeatures), not from the stores. End-to-end tests and the wall's health check use it.
 */
export function renderedCounts(controller: MapController): RenderedCounts {
  const map = controller.map;
  const distinct = (layer: string, key: string): Set<unknown> =>
    new Set(
      map.getLayer(layer) ? map.queryRenderedFeatures({ layers: [layer] }).map((f) => f.properties[key]) : [],
    );
  const clusters = new Map<unknown, { count: number; overdue: number }>();
  if (map.getLayer(CASE_CLUSTER_LAYER)) {
    for (const f of map.queryRenderedFeatures({ layers: [CASE_CLUSTER_LAYER] })) {
      clusters.set(f.properties.cluster_id, {
        count: Number(f.properties.point_count),
        overdue: Number(f.properties.overdue),
      });
    }
  }
  const clustered = [...clusters.values()].reduce((sum, c) => sum + c.count, 0);
  const clusteredOverdue = [...clusters.values()].reduce((sum, c) => sum + c.overdue, 0);
  return {
    grids: distinct(GRID_FILL_LAYER, 'code').size,
    patrolAreas: distinct(PATROL_AREA_FILL_LAYER, 'id').size,
    officers: distinct(OFFICER_ICON_LAYER, 'id').size,
    cases: distinct(CASE_POINT_LAYER, 'id').size + clustered,
    overdueCases: distinct(CASE_OVERDUE_LAYER, 'id').size + clusteredOverdue,
  };
}

export interface MapProbe {
  /** Resolves once the map has loaded its data and finished rendering (MapLibre's `idle`). */
  idle(): Promise<void>;
  counts(): RenderedCounts;
  zoom(): number;
  /** Screen pixel (relative to the map canvas) of a lon/lat, for tests that click the map. */
  project(lonLat: readonly [number, number]): { x: number; y: number };
  /** Canvas position on the page, to turn map pixels into page pixels. */
  canvasRect(): { left: number; top: number; width: number; height: number };
}

export function createMapProbe(controller: MapController, dataReady: Promise<void>): MapProbe {
  return {
    async idle() {
      await dataReady;
      const map = controller.map;
      if (map.loaded() && !map.isMoving()) {
        await new Promise<void>((resolve) => {
          map.once('idle', () => resolve());
          map.triggerRepaint();
        });
      } else {
        await new Promise<void>((resolve) => map.once('idle', () => resolve()));
      }
    },
    counts: () => renderedCounts(controller),
    zoom: () => controller.map.getZoom(),
    project: (lonLat) => {
      const p = controller.map.project([lonLat[0], lonLat[1]]);
      return { x: p.x, y: p.y };
    },
    canvasRect: () => {
      const r = controller.map.getCanvas().getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    },
  };
}
