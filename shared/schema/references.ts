import { parseGridCode } from '../grid/code';
import { makeIssue, formatLocation, type DatasetIssue, type IssueLocation } from './issues';
import { isOpenStage, type LoopStage } from '../model/case';

/**
 * Cross-record checks of a dataset document: unique keys per collection and references between
 * records. They run on the raw document (not the parsed one) so that one pass reports a broken grid
 * code and a case pointing at a missing grid together; values of the wrong type are skipped here,
 * the schema reports them.
 */

type Locate = (path: readonly PropertyKey[]) => IssueLocation;
type Raw = Readonly<Record<string, unknown>>;

function asRecord(value: unknown): Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Raw) : {};
}

function collection(root: Raw, path: readonly string[]): readonly Raw[] {
  let value: unknown = root;
  for (const key of path) value = asRecord(value)[key];
  return Array.isArray(value) ? value.map(asRecord) : [];
}

function keysOf(records: readonly Raw[], keyField: string): Set<string> {
  const keys = new Set<string>();
  for (const record of records) {
    const key = record[keyField];
    if (typeof key === 'string') keys.add(key);
  }
  return keys;
}

const KEYED: readonly (readonly [path: readonly string[], keyField: string])[] = [
  [['communities'], 'code'],
  [['grids'], 'code'],
  [['gridWorkers'], 'id'],
  [['patrolAreas'], 'id'],
  [['teams'], 'id'],
  [['officers'], 'id'],
  // Positions are reported by device id (issue 14): one device is one officer's. Officers without one skip.
  [['officers'], 'deviceId'],
  [['departments'], 'id'],
  [['matters'], 'code'],
  [['cases'], 'id'],
  [['basemap', 'roads'], 'id'],
  [['basemap', 'water'], 'id'],
  [['basemap', 'settlements'], 'id'],
  [['basemap', 'pois'], 'id'],
];

function duplicateKeys(root: Raw, locate: Locate): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  for (const [path, keyField] of KEYED) {
    const firstIndex = new Map<string, number>();
    collection(root, path).forEach((record, index) => {
      const key = record[keyField];
      if (typeof key !== 'string') return;
      const first = firstIndex.get(key);
      if (first === undefined) {
        firstIndex.set(key, index);
        return;
      }
      const firstLocation = locate([...path, first]);
      issues.push(
        makeIssue('error', locate([...path, index, keyField]), 'dataset.duplicateKey', {
          keyField,
          value: key,
          first: formatLocation(firstLocation),
        }),
      );
    });
  }
  return issues;
}

interface Reference {
  readonly from: string;
  /** Path of the referring field inside a record. */
  readonly field: readonly string[];
  readonly to: string;
  readonly targetKey: string;
  readonly severity: DatasetIssue['severity'];
  /** Only records this holds for are checked. */
  readonly onlyIf?: (record: Raw) => boolean;
}

/**
 * A case still open must lie in a grid of the dataset; a closed one keeps the grid it was handled in,
 * which a later re-gridding (替换网格) may have retired: its code stays in the record and the case.
 */
const openCase = (record: Raw): boolean =>
  typeof record.stage === 'string' && isOpenStage(record.stage as LoopStage);

const REFERENCES: readonly Reference[] = [
  { from: 'grids', field: ['patrolAreaId'], to: 'patrolAreas', targetKey: 'id', severity: 'error' },
  { from: 'grids', field: ['gridWorkerId'], to: 'gridWorkers', targetKey: 'id', severity: 'error' },
  { from: 'grids', field: ['communityCode'], to: 'communities', targetKey: 'code', severity: 'error' },
  { from: 'patrolAreas', field: ['teamId'], to: 'teams', targetKey: 'id', severity: 'error' },
  { from: 'officers', field: ['teamId'], to: 'teams', targetKey: 'id', severity: 'error' },
  {
    from: 'matters',
    field: ['authority', 'departmentId'],
    to: 'departments',
    targetKey: 'id',
    severity: 'error',
  },
  {
    from: 'cases',
    field: ['gridCode'],
    to: 'grids',
    targetKey: 'code',
    severity: 'error',
    onlyIf: openCase,
  },
  { from: 'cases', field: ['matterCode'], to: 'matters', targetKey: 'code', severity: 'error' },
  { from: 'cases', field: ['teamId'], to: 'teams', targetKey: 'id', severity: 'error' },
  // An array field: each element must name a target (path `officerIds[k]`).
  { from: 'cases', field: ['officerIds'], to: 'officers', targetKey: 'id', severity: 'error' },
  // A leader who is not (yet) among the officers does not break anything that reads the dataset.
  { from: 'teams', field: ['leaderId'], to: 'officers', targetKey: 'id', severity: 'warning' },
];

function missingReferences(root: Raw, locate: Locate): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const targets = new Map<string, Set<string>>();
  for (const ref of REFERENCES) {
    let keys = targets.get(ref.to);
    if (keys === undefined) {
      keys = keysOf(collection(root, [ref.to]), ref.targetKey);
      targets.set(ref.to, keys);
    }
    collection(root, [ref.from]).forEach((record, index) => {
      if (ref.onlyIf && !ref.onlyIf(asRecord(record))) return;
      let value: unknown = record;
      for (const key of ref.field) value = asRecord(value)[key];
      const values: readonly (readonly [unknown, readonly number[]])[] = Array.isArray(value)
        ? value.map((element: unknown, k) => [element, [k]] as const)
        : [[value, []]];
      for (const [element, at] of values) {
        if (typeof element !== 'string' || keys.has(element)) continue;
        issues.push(
          makeIssue(
            ref.severity,
            locate([ref.from, index, ...ref.field, ...at]),
            'dataset.missingReference',
            { value: element, target: ref.to },
          ),
        );
      }
    });
  }
  return issues;
}

/**
 * Grid codes repeat the county, township and community codes: a mismatch is most likely a grid from
 * another township or a mistyped community, so it is reported as a warning.
 */
function gridCodeConsistency(root: Raw, locate: Locate): DatasetIssue[] {
  const issues: DatasetIssue[] = [];
  const township = asRecord(root['township']);
  collection(root, ['grids']).forEach((grid, index) => {
    const parsed = parseGridCode(grid['code']);
    if (!parsed.ok) return;
    const checks: [part: string, actual: string, expected: unknown, field: string][] = [
      ['county', parsed.parts.county, township['countyCode'], 'township.countyCode'],
      ['township', parsed.parts.township, township['townshipCode'], 'township.townshipCode'],
    ];
    const community = grid['communityCode'];
    if (typeof community === 'string' && community.length === 3) {
      checks.push(['community', parsed.parts.community, community, 'communityCode']);
    }
    for (const [part, actual, expected, field] of checks) {
      if (typeof expected !== 'string' || expected === actual) continue;
      issues.push(
        makeIssue('warning', locate(['grids', index, 'code']), 'dataset.gridCodeMismatch', {
          part,
          actual,
          expected,
          field,
        }),
      );
    }
  });
  return issues;
}

/** All cross-record issues of a (migrated, not necessarily valid) dataset document. */
export function checkReferences(root: unknown, locate: Locate): DatasetIssue[] {
  const raw = asRecord(root);
  return [
    ...duplicateKeys(raw, locate),
    ...missingReferences(raw, locate),
    ...gridCodeConsistency(raw, locate),
  ];
}
