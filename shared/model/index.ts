export type * from './geo';
export { asGeoJson } from './geo';
export type * from './organisation';
export type * from './basemap';
export type * from './dataset';
export * from './matter';
export * from './case';
export { OFFICER_STATUSES } from './organisation';
export { POI_KINDS } from './basemap';
