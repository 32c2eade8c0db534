import { formatPath, type IssueLocation } from './issues';

/** Where a case of the combined dataset came from: a case file may hold them apart from township.json. */
export interface RecordOrigin {
  readonly file: string;
  readonly index: number;
}

const BASEMAP_LAYERS = new Set(['roads', 'water', 'settlements', 'pois']);

function recordAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function recordIdOf(record: unknown): string | null {
  if (typeof record !== 'object' || record === null) return null;
  const { id, code } = record as { id?: unknown; code?: unknown };
  if (typeof id === 'string' && id !== '') return id;
  if (typeof code === 'string' && code !== '') return code;
  return null;
}

/**
 * Builds the function that turns a path in the combined dataset document into a location naming the
 * file, the record (collection, index, id or code) and the field. Cases are mapped back to the file and
 * index they were read from.
 */
export function makeLocator(
  root: unknown,
  mainFile: string,
  caseOrigins: readonly RecordOrigin[],
): (path: readonly PropertyKey[]) => IssueLocation {
  return (path) => {
    const [head, second, third] = path;
    if (head === undefined)
      return { file: mainFile, collection: null, index: null, recordId: null, field: '' };
    if (
      head === 'basemap' &&
      typeof second === 'string' &&
      BASEMAP_LAYERS.has(second) &&
      typeof third === 'number'
    ) {
      return {
        file: mainFile,
        collection: `basemap.${second}`,
        index: third,
        recordId: recordIdOf(recordAt(root, path.slice(0, 3))),
        field: formatPath(path.slice(3)),
      };
    }
    if (typeof head === 'string' && typeof second === 'number') {
      const recordId = recordIdOf(recordAt(root, path.slice(0, 2)));
      const origin = head === 'cases' ? caseOrigins[second] : undefined;
      return {
        file: origin?.file ?? mainFile,
        collection: head,
        index: origin?.index ?? second,
        recordId,
        field: formatPath(path.slice(2)),
      };
    }
    if (head === 'schemaVersion') {
      return { file: mainFile, collection: null, index: null, recordId: null, field: 'schemaVersion' };
    }
    return {
      file: mainFile,
      collection: String(head),
      index: null,
      recordId: null,
      field: formatPath(path.slice(1)),
    };
  };
}
