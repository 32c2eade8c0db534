import { z } from 'zod';
import { parseGridCode } from '../grid/code';
import { CASE_SOURCES, CASE_STAGES, TERMINAL_STAGES, URGENCIES } from '../model/case';
import { MATTER_DOMAINS } from '../model/matter';
import { OFFICER_STATUSES } from '../model/organisation';
import { POI_KINDS } from '../model/basemap';
import type * as model from '../model';
import { areaGeometrySchema, lineGeometrySchema, lineOrAreaGeometrySchema, lonLatSchema } from './geometry';

/**
 * Schemas of the saved entities of a township dataset (version 1 of the layout, see migrations.ts).
 * Objects are strict: a field the schema does not know is reported (as a warning by parseDataset)
 * rather than dropped without a word.
 */

const id = z.string().min(1);
/** Epoch milliseconds. */
const epochMs = z.number();

/** A grid code checked by {@link parseGridCode}; the issue carries the grid-code error key. */
export const gridCodeSchema = z.string().transform((value, ctx) => {
  const result = parseGridCode(value);
  if (!result.ok) {
    ctx.addIssue({ code: 'custom', message: result.error.key, params: { ...result.error } });
    return z.NEVER;
  }
  return result.code;
});

export const townshipSchema = z.strictObject({
  name: z.string().min(1),
  countyCode: z.string().regex(/^\d{6}$/),
  countyName: z.string(),
  townshipCode: z.string().regex(/^\d{3}$/),
  boundary: areaGeometrySchema,
  areaM2: z.number().nonnegative(),
});

export const communitySchema = z.strictObject({
  code: z.string().min(1),
  name: z.string().min(1),
  kind: z.enum(['community', 'village']),
  centre: lonLatSchema,
});

export const gridWorkerSchema = z.strictObject({
  id,
  name: z.string().min(1),
  phone: z.string(),
});

export const gridSchema = z.strictObject({
  code: gridCodeSchema,
  name: z.string().min(1),
  communityCode: z.string().min(1),
  patrolAreaId: id,
  gridWorkerId: id,
  geometry: areaGeometrySchema,
  areaM2: z.number().nonnegative(),
});

export const patrolAreaSchema = z.strictObject({
  id,
  name: z.string().min(1),
  teamId: id,
  color: z.string().regex(/^#[0-9a-fA-F]{6}$/),
  geometry: areaGeometrySchema,
});

export const teamSchema = z.strictObject({
  id,
  name: z.string().min(1),
  leaderId: id,
  phone: z.string(),
});

const officerBase = {
  id,
  name: z.string().min(1),
  teamId: id,
  phone: z.string(),
  status: z.enum(OFFICER_STATUSES),
  position: lonLatSchema.optional(),
  positionAt: epochMs.optional(),
  /** Of the phone at the last fix: battery percent and horizontal accuracy in metres (absent: not given). */
  battery: z.number().min(0).max(100).optional(),
  accuracy: z.number().nonnegative().optional(),
  /** The phone's or terminal's id its positions are reported under (optional, unique: references.ts). */
  deviceId: z.string().min(1).optional(),
};

export const officerSchema = z.discriminatedUnion('kind', [
  z.strictObject({ ...officerBase, kind: z.literal('certified'), certificateNo: z.string().min(1) }),
  z.strictObject({ ...officerBase, kind: z.literal('auxiliary') }),
]);

export const departmentSchema = z.strictObject({
  id,
  name: z.string().min(1),
  shortName: z.string(),
  phone: z.string(),
});

export const matterAuthoritySchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('township'), basis: z.enum(['statutory', 'granted', 'delegated']) }),
  z.strictObject({ kind: z.literal('department'), departmentId: id }),
]);

/** Working hours per stage. */
const hours = z.number().nonnegative();

export const matterSchema = z.strictObject({
  code: z.string().min(1),
  name: z.string().min(1),
  domain: z.enum(MATTER_DOMAINS),
  legalBasis: z.string(),
  authority: matterAuthoritySchema,
  limits: z.strictObject({ register: hours, dispatch: hours, handle: hours, verify: hours }),
  needsCertified: z.boolean(),
});

const loopStage = z.enum([...CASE_STAGES, ...TERMINAL_STAGES]);

export const caseStepSchema = z.strictObject({
  stage: loopStage,
  at: epochMs,
  actor: z.string(),
});

export const caseSchema = z.strictObject({
  id,
  caseNo: z.string().min(1),
  source: z.enum(CASE_SOURCES),
  matterCode: z.string().min(1),
  urgency: z.enum(URGENCIES),
  stage: loopStage,
  description: z.string(),
  address: z.string(),
  location: lonLatSchema,
  gridCode: gridCodeSchema,
  teamId: id,
  /** Officers assigned at dispatch; each must name an existing officer (checked in references.ts). */
  officerIds: z.array(id).optional(),
  reportedAt: epochMs,
  externalRef: z.string().min(1).optional(),
  reporter: z.strictObject({ name: z.string().optional(), phone: z.string().optional() }).optional(),
  steps: z.array(caseStepSchema),
});

export const basemapRoadSchema = z.strictObject({
  id,
  name: z.string(),
  rank: z.enum(['trunk', 'main', 'minor']),
  geometry: lineGeometrySchema,
});

export const basemapWaterSchema = z.strictObject({
  id,
  name: z.string(),
  kind: z.enum(['river', 'canal', 'lake']),
  geometry: lineOrAreaGeometrySchema,
  widthM: z.number().positive().optional(),
});

export const basemapSettlementSchema = z.strictObject({
  id,
  name: z.string(),
  kind: z.enum(['town-centre', 'village']),
  geometry: areaGeometrySchema,
  labelPoint: lonLatSchema,
});

export const basemapPoiSchema = z.strictObject({
  id,
  name: z.string(),
  kind: z.enum(POI_KINDS),
  location: lonLatSchema,
});

export const basemapSchema = z.strictObject({
  roads: z.array(basemapRoadSchema),
  water: z.array(basemapWaterSchema),
  settlements: z.array(basemapSettlementSchema),
  pois: z.array(basemapPoiSchema),
});

export const datasetMetaSchema = z.strictObject({
  label: z.string(),
  synthetic: z.boolean(),
  seed: z.number().optional(),
  generatedAt: epochMs,
});

export const townshipDatasetSchema = z.strictObject({
  schemaVersion: z.number().int().nonnegative(),
  meta: datasetMetaSchema,
  township: townshipSchema,
  communities: z.array(communitySchema),
  grids: z.array(gridSchema),
  gridWorkers: z.array(gridWorkerSchema),
  patrolAreas: z.array(patrolAreaSchema),
  teams: z.array(teamSchema),
  officers: z.array(officerSchema),
  departments: z.array(departmentSchema),
  matters: z.array(matterSchema),
  basemap: basemapSchema,
  cases: z.array(caseSchema),
});

// Compile-time guard: each schema parses to its model type and knows exactly the model's fields, so a
// field added to shared/model without a schema change fails the type check instead of being flagged
// "unknown" in every file.
type SameKeys<A, B> = [keyof A] extends [keyof B] ? ([keyof B] extends [keyof A] ? true : false) : false;
type Fits<S extends z.ZodType, M> = z.output<S> extends M ? SameKeys<z.output<S>, M> : false;
type AllTrue<T extends readonly true[]> = T;
export type SchemaMatchesModel = AllTrue<
  [
    Fits<typeof townshipSchema, model.Township>,
    Fits<typeof communitySchema, model.Community>,
    Fits<typeof gridWorkerSchema, model.GridWorker>,
    Fits<typeof gridSchema, model.Grid>,
    Fits<typeof patrolAreaSchema, model.PatrolArea>,
    Fits<typeof teamSchema, model.Team>,
    z.output<typeof officerSchema> extends model.Officer ? true : false,
    Fits<typeof departmentSchema, model.Department>,
    z.output<typeof matterAuthoritySchema> extends model.MatterAuthority ? true : false,
    Fits<typeof matterSchema, model.Matter>,
    Fits<typeof caseStepSchema, model.CaseStep>,
    Fits<typeof caseSchema, model.Case>,
    Fits<typeof basemapRoadSchema, model.BasemapRoad>,
    Fits<typeof basemapWaterSchema, model.BasemapWater>,
    Fits<typeof basemapSettlementSchema, model.BasemapSettlement>,
    Fits<typeof basemapPoiSchema, model.BasemapPoi>,
    Fits<typeof basemapSchema, model.Basemap>,
    Fits<typeof datasetMetaSchema, model.DatasetMeta>,
    Fits<typeof townshipDatasetSchema, model.TownshipDataset>,
  ]
>;
