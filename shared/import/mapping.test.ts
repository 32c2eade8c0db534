import { describe, expect, it } from 'vitest';
import { guessCoordSystem, guessMapping } from './mapping';

describe('guessMapping', () => {
  it('maps a typical 12345 export header', () => {
    const headers = [
      '序号',
      '工单编号',
      '受理时间',
      '来电人',
      '来电号码',
      '问题类型',
      '紧急程度',
      '事发地点',
      '工单内容',
      '经度',
      '纬度',
      '办结时间',
    ];
    expect(guessMapping(headers)).toEqual({
      externalRef: 1,
      reportedAt: 2,
      reporterName: 3,
      reporterPhone: 4,
      category: 5,
      urgency: 6,
      address: 7,
      description: 8,
      lon: 9,
      lat: 10,
    });
  });

  it('reads headers with remarks and longer wordings', () => {
    const headers = [
      '诉求编号',
      '来电日期时间',
      '诉求人姓名',
      '联系电话',
      '诉求分类（三级）',
      '缓急程度',
      '详细地址',
      '诉求内容',
      '经度(百度)',
      '纬度(百度)',
    ];
    const mapping = guessMapping(headers);
    expect(mapping).toMatchObject({ externalRef: 0, reportedAt: 1, reporterName: 2, reporterPhone: 3 });
    expect(mapping).toMatchObject({ category: 4, urgency: 5, address: 6, description: 7, lon: 8, lat: 9 });
    expect(guessCoordSystem(headers)).toBe('bd09');
  });

  it('maps English headers and leaves unknown columns out', () => {
    expect(
      guessMapping(['Ticket ID', 'Received', 'Description', 'Address', 'lng', 'lat', 'Category', 'Notes']),
    ).toEqual({
      externalRef: 0,
      reportedAt: 1,
      description: 2,
      address: 3,
      lon: 4,
      lat: 5,
      category: 6,
    });
  });

  it('gives each column to one field only', () => {
    const mapping = guessMapping(['来电时间', '时间']);
    expect(mapping.reportedAt).toBe(0);
    expect(Object.values(mapping)).toEqual([0]);
  });
});

describe('guessCoordSystem', () => {
  it('reads the system from header remarks, or says nothing', () => {
    expect(guessCoordSystem(['经度（GCJ-02）', '纬度（GCJ-02）'])).toBe('gcj02');
    expect(guessCoordSystem(['经度(高德)'])).toBe('gcj02');
    expect(guessCoordSystem(['lon_wgs84', 'lat_wgs84'])).toBe('wgs84');
    expect(guessCoordSystem(['经度', '纬度'])).toBeNull();
  });
});
