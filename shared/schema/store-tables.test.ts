import { describe, expect, it } from 'vitest';
import {
  STORE_TABLE_NAMES,
  STORE_VERSION,
  layoutAt,
  layoutChangesAt,
  tableExistsAt,
  tablesOfPart,
} from './store-tables';

describe('the table registry', () => {
  it('gives each store version the layout its build declared', () => {
    expect(layoutAt(1)).toEqual({
      meta: 'key',
      township: '',
      communities: 'code',
      grids: 'code, patrolAreaId, communityCode',
      gridWorkers: 'id',
      patrolAreas: 'id, teamId',
      teams: 'id',
      officers: 'id, teamId, status',
      departments: 'id',
      matters: 'code, domain',
      basemap: '[kind+id], kind',
      cases: 'id, stage, gridCode, teamId, reportedAt, matterCode, [stage+reportedAt]',
    });
    expect(layoutChangesAt(2)).toEqual({
      caseLoops: 'caseId',
      events: 'seq, caseId',
      accounts: 'id, &username',
      attachments: 'id, caseId',
    });
    expect(layoutChangesAt(3)).toEqual({
      cases: 'id, caseNo, stage, gridCode, teamId, reportedAt, matterCode, [stage+reportedAt]',
      events: 'seq, caseId, &id',
    });
    expect(Object.keys(layoutAt(STORE_VERSION)).sort()).toEqual([...STORE_TABLE_NAMES].sort());
  });

  it('splits the tables into the dataset, the record and this installation’s own', () => {
    expect(tablesOfPart('record')).toEqual([
      'caseLoops',
      'events',
      'attachments',
      'caseTallies',
      'dayTallies',
      'trackPoints',
      'geofenceWatches',
      'geofenceAlerts',
    ]);
    expect(tablesOfPart('local')).toEqual(['accounts']);
    expect(tablesOfPart('dataset')).toHaveLength(13);
    expect(tableExistsAt('events', 1)).toBe(false);
    expect(tableExistsAt('events', 2)).toBe(true);
  });
});
