import {
  MATTER_DOMAINS,
  type Matter,
  type MatterAuthority,
  type MatterDomain,
  type StageLimits,
} from '../model/matter';
import { MATTER_TABLE } from './matter-table';

/** Kinds of place a matter's incidents cluster around, used by the case generator. */
export const PLACE_KINDS = [
  'market',
  'school',
  'construction',
  'centre',
  'road',
  'village',
  'water',
  'factory',
  'farmland',
] as const;
export type PlaceKind = (typeof PLACE_KINDS)[number];

/** A matter plus what the generator needs to invent plausible incidents for it. */
export interface CatalogueEntry {
  readonly matter: Matter;
  /** What a reporter would say, e.g. 占道摆摊经营，影响通行. */
  readonly incident: string;
  readonly places: readonly PlaceKind[];
  /** Relative frequency of incidents. */
  readonly weight: number;
}

const DOMAIN_BY_PREFIX: Readonly<Record<string, MatterDomain>> = {
  CG: 'urban-management',
  SC: 'market-regulation',
  GH: 'planning-construction',
  ST: 'ecology-environment',
  NY: 'agriculture-rural',
  YJ: 'emergency-management',
  SW: 'water-resources',
  WS: 'health',
  WL: 'culture-tourism',
  JT: 'transport',
  ZR: 'natural-resources',
  MZ: 'civil-affairs',
};

/** Stage limits in working hours per profile: fast street order, normal, slow (buildings, land), urgent safety. */
const LIMITS: Readonly<Record<string, StageLimits>> = {
  F: { register: 1, dispatch: 1, handle: 8, verify: 4 },
  N: { register: 2, dispatch: 2, handle: 40, verify: 8 },
  S: { register: 4, dispatch: 4, handle: 120, verify: 16 },
  U: { register: 0.5, dispatch: 0.5, handle: 4, verify: 2 },
};

const TOWNSHIP_BASIS = { S: 'statutory', G: 'granted', D: 'delegated' } as const;

function parseAuthority(value: string, line: string): MatterAuthority {
  if (value === 'S' || value === 'G' || value === 'D')
    return { kind: 'township', basis: TOWNSHIP_BASIS[value] };
  if (value.startsWith('dept-')) return { kind: 'department', departmentId: value };
  throw new Error(`matter table: bad authority in ${line}`);
}

function parseRow(line: string): CatalogueEntry {
  const cells = line.split('|');
  if (cells.length !== 9) throw new Error(`matter table: expected 9 cells in ${line}`);
  const [code, name, legalBasis, authority, profile, certified, incident, places, weight] = cells as [
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
    string,
  ];
  const domain = DOMAIN_BY_PREFIX[code.slice(0, 2)];
  const limits = LIMITS[profile];
  if (!domain || !MATTER_DOMAINS.includes(domain)) throw new Error(`matter table: unknown domain in ${line}`);
  if (!limits) throw new Error(`matter table: unknown limits profile in ${line}`);
  const placeList = places.split(',').map((p) => {
    const kind = PLACE_KINDS.find((k) => k === p);
    if (!kind) throw new Error(`matter table: unknown place ${p} in ${line}`);
    return kind;
  });
  return {
    matter: {
      code,
      name,
      domain,
      legalBasis,
      authority: parseAuthority(authority, line),
      limits,
      needsCertified: certified === 'Y',
    },
    incident,
    places: placeList,
    weight: Number(weight),
  };
}

/** The sample power list with incident hints, parsed from {@link MATTER_TABLE}; throws on a malformed row. */
export function sampleMatterCatalogue(): CatalogueEntry[] {
  return MATTER_TABLE.split('\n')
    .map((l) => l.trim())
    .filter((l) => l.length > 0)
    .map(parseRow);
}
