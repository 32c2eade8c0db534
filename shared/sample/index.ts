/**
 * The seeded sample-township generator: the embedded offline sample and the city-scale benchmark layout.
 */
export { generateTownship, SAMPLE_ANCHOR_MS, SAMPLE_LABEL, SAMPLE_SEED } from './township';
export type { SampleOptions, SampleScale } from './township';
export { generateIncidentPoints } from './incident-points';
export type { IncidentPoints } from './incident-points';
export { compactJson, serializeSample } from './serialize';
export { sampleMatterCatalogue, PLACE_KINDS } from './matters';
export type { CatalogueEntry, PlaceKind } from './matters';
export { GRID_ROW_HEIGHT_DEG, gridReferencePoint } from './organisation';
export { createRng } from './random';
export type { Rng } from './random';
/** Moving the sample in time lives with the schema; re-exported so the sample has one entry point. */
export { shiftDatasetTime, sampleTimeShift } from '../schema/time-shift';
