/**
 * What the centre set-up steps report: every problem named by file, feature number (1-based, as the
 * operator counts) and field, as an i18n key (`renderer/i18n/parts/centre-import.ts`,
 * `centreImport.*`; geometry problems keep the readers' `geoImport.geometry.*` keys) with the values
 * its text shows. Errors block the import; warnings are shown and let it through.
 */
import type { GeometryProblem, GeometryRepair, GeoParams } from '../geo';

/** Every key the centre steps may return of their own (the i18n test checks each has both texts). */
export const CENTRE_ISSUE_KEYS = [
  'centreImport.mapping.noCode',
  'centreImport.mapping.noName',
  'centreImport.geometry.notArea',
  'centreImport.code.missing',
  'centreImport.code.length',
  'centreImport.code.nonDigit',
  'centreImport.code.province',
  'centreImport.code.countyZero',
  'centreImport.code.townshipZero',
  'centreImport.code.communityZero',
  'centreImport.code.sequenceZero',
  'centreImport.code.otherTownship',
  'centreImport.code.duplicate',
  'centreImport.grid.nameMissing',
  'centreImport.grid.overlap',
  'centreImport.grid.gap',
  'centreImport.grid.overlayFailed',
  'centreImport.grid.outsideBoundary',
  'centreImport.grid.partlyOutside',
  'centreImport.grid.communityMismatch',
  'centreImport.grid.communityNameConflict',
  'centreImport.grid.patrolAreaMissing',
  'centreImport.grid.unknownPatrolArea',
  'centreImport.grid.outsidePatrolAreas',
  'centreImport.grid.noPatrolArea',
  'centreImport.grid.teamConflict',
  'centreImport.grid.noGridWorker',
  'centreImport.community.nameMissing',
  'centreImport.team.unknown',
  'centreImport.team.missing',
  'centreImport.patrolArea.unnamed',
  'centreImport.patrolArea.duplicate',
  'centreImport.patrolArea.badColor',
  'centreImport.boundary.noFeatures',
  'centreImport.boundary.dissolved',
  'centreImport.boundary.fromGrids',
  'centreImport.boundary.codeMismatch',
  'centreImport.assemble.noGrids',
  'centreImport.assemble.noMatters',
  'centreImport.assemble.teamWithoutOfficer',
  'centreImport.patrolArea.colourAssigned',
  'centreImport.patrolArea.nameMissing',
  'centreImport.patrolArea.overlap',
  'centreImport.grid.inTwoPatrolAreas',
  'centreImport.patrolArea.noGrids',
  'centreImport.gridWorker.unknownGrid',
  'centreImport.gridWorker.gridTwice',
  'centreImport.gridWorker.noGrid',
  'centreImport.gridWorker.replacesFile',
  'centreImport.matter.replacesCatalogue',
] as const;
export type CentreIssueKey = (typeof CENTRE_ISSUE_KEYS)[number];

export type Severity = 'error' | 'warning';

export interface CentreIssue {
  readonly severity: Severity;
  readonly key: CentreIssueKey | GeometryProblem['key'];
  /** The values the text shows: `file`, and where they apply `feature`, `field`, codes, areas in m². */
  readonly params: GeoParams;
  /** The features (1-based) the issue is about: one, two for an overlap, those around a gap; or none. */
  readonly features: readonly number[];
  /** The repair that makes a geometry acceptable without changing its meaning (see checkGeometries). */
  readonly repair?: GeometryRepair;
  /** True when that repair was applied (the context asked for it); the issue is then a warning. */
  readonly repaired?: boolean;
}

export interface CentreReport {
  /** True when no issue is an error: the rows may be imported. */
  readonly ok: boolean;
  readonly issues: readonly CentreIssue[];
}

export function makeReport(issues: readonly CentreIssue[]): CentreReport {
  return { ok: !issues.some((i) => i.severity === 'error'), issues };
}

/** Collects issues for one file: `at(feature)` names the feature (0-based index in, 1-based out). */
export class IssueList {
  readonly issues: CentreIssue[] = [];
  constructor(readonly file: string) {}

  onFile(severity: Severity, key: CentreIssueKey, params: GeoParams = {}): void {
    this.issues.push({ severity, key, params: { file: this.file, ...params }, features: [] });
  }

  feature(severity: Severity, key: CentreIssueKey, index: number, params: GeoParams = {}): void {
    this.issues.push({
      severity,
      key,
      params: { file: this.file, feature: index + 1, ...params },
      features: [index + 1],
    });
  }

  features(severity: Severity, key: CentreIssueKey, indices: readonly number[], params: GeoParams): void {
    this.issues.push({
      severity,
      key,
      params: { file: this.file, ...params },
      features: indices.map((i) => i + 1),
    });
  }

  push(issue: CentreIssue): void {
    this.issues.push(issue);
  }

  get hasErrors(): boolean {
    return this.issues.some((i) => i.severity === 'error');
  }
}
