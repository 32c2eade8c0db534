import { describe, expect, it } from 'vitest';
import { gcj02ToWgs84 } from '../../geo/china-offsets';
import { columnsDatumHint, kmlDatumHint } from './datum';
import { readGeoFile } from './read';

const kml = (head: string, placemarkName = '第一网格'): string =>
  `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2" xmlns:atom="http://www.w3.org/2005/Atom">
${head}
<Placemark><name>${placemarkName}</name><Point><coordinates>119.99,32.86,0</coordinates></Point></Placemark>
</Document></kml>`;

describe('kmlDatumHint', () => {
  it('proposes GCJ-02 when a comment names 奥维 as the maker', () => {
    expect(kmlDatumHint(kml('<!-- 奥维互动地图 Ovital Map 9.6 --><Document>'), 'a.kml')).toEqual({
      datum: 'gcj02',
      reason: {
        key: 'geoImport.datum.hintKml',
        params: { file: 'a.kml', evidence: '奥维互动地图 Ovital Map 9.6' },
      },
    });
  });

  it('proposes BD-09 from a document description naming Baidu, and GCJ-02 from one naming Amap', () => {
    expect(
      kmlDatumHint(kml('<Document><description><![CDATA[百度地图标注]]></description>'), 'b.kml'),
    ).toMatchObject({ datum: 'bd09', reason: { params: { evidence: '百度地图标注' } } });
    expect(kmlDatumHint(kml('<Document><name>高德地图 路线</name>'), 'c.kml')).toMatchObject({
      datum: 'gcj02',
    });
  });

  it('looks at the document’s metadata, not at what the placemarks are called', () => {
    expect(kmlDatumHint(kml('<Document><name>网格</name>', '高德路网格'), 'd.kml')).toBeNull();
    expect(kmlDatumHint(kml('<Document id="root_doc"><name>澄湖镇网格</name>'), 'e.kml')).toBeNull();
  });
});

describe('columnsDatumHint', () => {
  it('names the first column that mentions Amap, GCJ-02 or Baidu', () => {
    expect(columnsDatumHint(['名称', '经度（高德）', '纬度（高德）'], 'f.csv')).toEqual({
      datum: 'gcj02',
      reason: { key: 'geoImport.datum.hintColumns', params: { file: 'f.csv', evidence: '经度（高德）' } },
    });
    expect(columnsDatumHint(['name', 'lng_bd09', 'lat_bd09'], 'g.csv')?.datum).toBe('bd09');
  });

  it('proposes nothing for plain or WGS84 columns', () => {
    expect(columnsDatumHint(['名称', '经度', '纬度'], 'h.csv')).toBeNull();
    expect(columnsDatumHint(['名称', '经度(WGS84)', '纬度(WGS84)'], 'h.csv')).toBeNull();
  });
});

describe('a CSV of places copied from Amap', () => {
  const csv = new TextEncoder().encode('名称,经度(高德),纬度(高德)\n村委会,119.99,32.86\n');

  it('is read as written, with GCJ-02 proposed from its column names', () => {
    const read = readGeoFile('点位.csv', csv);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.features[0]!.geometry).toEqual({ type: 'Point', coordinates: [119.99, 32.86] });
    expect(read.datumHint).toMatchObject({ datum: 'gcj02', reason: { params: { evidence: '经度(高德)' } } });
    expect(read.crs.datum).toBeUndefined();
    expect(read.warnings.map((w) => w.key)).toContain('geoImport.crs.assumedLonLatNoCrs');
  });

  it('is converted to WGS84 once the operator chooses GCJ-02', () => {
    const read = readGeoFile('点位.csv', csv, { datum: 'gcj02' });
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.features[0]!.geometry).toEqual({
      type: 'Point',
      coordinates: [...gcj02ToWgs84([119.99, 32.86])],
    });
    expect(read.crs).toMatchObject({ source: 'guessed', datum: 'gcj02' });
    expect(read.warnings.map((w) => w.key)).not.toContain('geoImport.crs.assumedLonLatNoCrs');
  });

  it('passes a failed read through unchanged whatever the datum', () => {
    const empty = new Uint8Array(0);
    expect(readGeoFile('点位.csv', empty, { datum: 'bd09' })).toEqual(readGeoFile('点位.csv', empty));
  });
});
