import type { Basemap } from './basemap';
import type { Case } from './case';
import type { Matter } from './matter';
import type {
  Community,
  Department,
  Grid,
  GridWorker,
  Officer,
  PatrolArea,
  Team,
  Township,
} from './organisation';

/**
 * Everything a workstation knows about its township at rest: geography, organisation, the power list
 * and the case history. The embedded sample is one of these; so is an import or a backup.
 */
export interface TownshipDataset {
  /** Schema version of this structure; see shared/schema. */
  readonly schemaVersion: number;
  readonly meta: DatasetMeta;
  readonly township: Township;
  readonly communities: readonly Community[];
  readonly grids: readonly Grid[];
  readonly gridWorkers: readonly GridWorker[];
  readonly patrolAreas: readonly PatrolArea[];
  readonly teams: readonly Team[];
  readonly officers: readonly Officer[];
  readonly departments: readonly Department[];
  readonly matters: readonly Matter[];
  readonly basemap: Basemap;
  readonly cases: readonly Case[];
}

export interface DatasetMeta {
  /** Human label; the sample says it is synthetic (示例数据). */
  readonly label: string;
  readonly synthetic: boolean;
  /** Generator seed, for a sample. */
  readonly seed?: number;
  /** Epoch milliseconds. */
  readonly generatedAt: number;
}
