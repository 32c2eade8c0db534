/** Spatial assignment: which grid a point falls in, and whether a grid set tiles its township. */
export { GridLocator, createGridLocator } from './grid-locator';
export { areNeighbours, buildGridAdjacency, type GridAdjacency } from './grid-adjacency';
export type { GridLocatorOptions, LocatableArea, LocateResult, NearestGrid } from './grid-locator';
export { orientSign } from './orient';
export { validateGridSet } from './validate-grid-set';
export type { GridSetIssue, GridSetReport, RingRef, ValidateOptions } from './validate-grid-set';
