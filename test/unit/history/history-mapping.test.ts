// The column mapping of a history file, as the operator sets it by hand (or accepts the guess): a
// column the file lacks, one column given to two fields, and the required fields are named.
import { describe, expect, it } from 'vitest';
import {
  checkHistoryMapping,
  guessHistoryMapping,
  type HistoryMapping,
} from '../../../shared/history/history-mapping';

const HEADERS = ['编号', '时间', '事项', '经度', '纬度', '备注'];
const FILE = '旧系统.csv';
const complete: HistoryMapping = { caseNo: 0, reportedAt: 1, matter: 2, lon: 3, lat: 4 };

describe('a history file’s column mapping', () => {
  it('is accepted when every required field has a column of the file, each its own', () => {
    expect(checkHistoryMapping(complete, HEADERS, FILE)).toEqual([]);
  });

  it('finds nothing to map in headers no old system writes, and names what is missing', () => {
    const guessed = guessHistoryMapping(['A列', 'B列', 'C列']);
    expect(guessed).toEqual({});
    expect(checkHistoryMapping(guessed, ['A列', 'B列', 'C列'], FILE)).toEqual([
      {
        key: 'historyMapping.missing',
        fields: ['caseNo', 'reportedAt', 'matter', 'gridCode'],
        params: { file: FILE },
      },
    ]);
  });

  it('names a field set to a column the file does not have', () => {
    expect(checkHistoryMapping({ ...complete, address: 6 }, HEADERS, FILE)).toEqual([
      { key: 'historyMapping.unknownColumn', field: 'address', params: { file: FILE, column: 6 } },
    ]);
    expect(checkHistoryMapping({ ...complete, address: -1 }, HEADERS, FILE)[0]?.key).toBe(
      'historyMapping.unknownColumn',
    );
    expect(checkHistoryMapping({ ...complete, address: 1.5 }, HEADERS, FILE)[0]?.key).toBe(
      'historyMapping.unknownColumn',
    );
  });

  it('names one column given to two fields by its header and both fields', () => {
    expect(checkHistoryMapping({ ...complete, closedAt: 1 }, HEADERS, FILE)).toEqual([
      {
        key: 'historyMapping.columnTwice',
        field: 'closedAt',
        other: 'reportedAt',
        params: { file: FILE, column: '时间' },
      },
    ]);
  });

  it('lets the case number and the 12345 work-order number, or a matter code and name, share a column', () => {
    expect(checkHistoryMapping({ ...complete, externalRef: 0 }, HEADERS, FILE)).toEqual([]);
    expect(checkHistoryMapping({ ...complete, matterCode: 2 }, HEADERS, FILE)).toEqual([]);
  });

  it('still names a third field on a shared column', () => {
    const problems = checkHistoryMapping({ ...complete, externalRef: 0, description: 0 }, HEADERS, FILE);
    expect(problems).toEqual([
      {
        key: 'historyMapping.columnTwice',
        field: 'description',
        other: 'caseNo',
        params: { file: FILE, column: '编号' },
      },
    ]);
  });

  it('takes a grid code for a place when the file has no coordinates', () => {
    const { lon: _lon, lat: _lat, ...noPlace } = complete;
    expect(checkHistoryMapping(noPlace, HEADERS, FILE)[0]).toMatchObject({ fields: ['gridCode'] });
    expect(checkHistoryMapping({ ...noPlace, gridCode: 5 }, HEADERS, FILE)).toEqual([]);
  });
});
