/**
 * What a click on the map does, as one value instead of a set of booleans. A new gesture (editing a
 * zone, measuring) is one more member here and one more case where the controller handles a click.
 */
export type MapMode =
  /** A click picks what is under it (grid, patrol area, officer, case, cluster); the default. */
  | { readonly kind: 'select' }
  /** A click places the incident being located; the cursor is a crosshair. */
  | { readonly kind: 'place' }
  /** A drag draws a box (an area to download for offline use); the map does not pan meanwhile. */
  | { readonly kind: 'box' }
  /** Clicks do nothing (the import dialog's preview map, which only shows). */
  | { readonly kind: 'view' };

export type MapModeKind = MapMode['kind'];

export const SELECT_MODE: MapMode = { kind: 'select' };

/** The mode after leaving `kind`: back to selecting if that was the mode, else the current mode unchanged. */
export function leaveMode(current: MapMode, kind: MapModeKind): MapMode {
  return current.kind === kind ? SELECT_MODE : current;
}

/** The map canvas's cursor in a mode, over a pickable feature or not. */
export function cursorFor(mode: MapMode, overPickable: boolean): string {
  if (mode.kind === 'place' || mode.kind === 'box') return 'crosshair';
  return overPickable ? 'pointer' : '';
}
