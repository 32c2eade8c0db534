// KMZs whose doc.kml only links its layers (<NetworkLink>), as GDAL's LIBKML driver writes them
// (grids-libkml.kmz, scripts/make-geo-fixtures.sh), and 奥维's .ovkml: the linked files inside the
// archive are read; nothing is ever fetched from a network address.
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readGeoFile } from '../../../../shared/import/geo';
import { resolveKmzHref } from '../../../../shared/import/geo/xml';
import { deflatedEntry, writeForgedZip } from '../../../../shared/zip/test-zip';
import { GRID_NAMES, expectOk, fixture, rings } from './fixtures';

const source = JSON.parse(new TextDecoder().decode(fixture('source/grids.geojson'))) as {
  features: { geometry: GeoJSON.Polygon }[];
};

/** A polygon's rings in lon/lat: LIBKML writes a height (0) with every position. */
const flat = (f: Parameters<typeof rings>[0]): number[][][] =>
  rings(f).map((ring) => ring.map((p) => [p[0]!, p[1]!]));

const linkingDoc = (...hrefs: string[]): Uint8Array =>
  strToU8(
    `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document id="root_doc">` +
      hrefs.map((h) => `<NetworkLink><Link><href>${h}</href></Link></NetworkLink>`).join('') +
      `</Document></kml>`,
  );

/** The layer LIBKML wrote inside grids-libkml.kmz, as its own file. */
const layerKml = (): Uint8Array => {
  const entry = unzipSync(fixture('grids-libkml.kmz'))['layers/grids.kml'];
  if (entry === undefined) throw new Error('no layers/grids.kml in the fixture');
  return entry;
};

describe('a KMZ whose doc.kml links its layers', () => {
  it('reads the layer LIBKML put behind the NetworkLink, with its names, attributes and rings', () => {
    const result = expectOk(readGeoFile('网格.kmz', fixture('grids-libkml.kmz')));
    expect(result.features.map((f) => f.properties.name)).toEqual(GRID_NAMES);
    expect(result.features[0]!.properties.team).toBe('第一中队');
    expect(result.layer).toBe('grids');
    result.features.forEach((f, i) => expect(flat(f)).toEqual(source.features[i]!.geometry.coordinates));
  });

  it('reads several linked layers in document order, and a link followed once only', () => {
    const zip = writeForgedZip([
      deflatedEntry('doc.kml', linkingDoc('layers/a.kml', './layers/b.kml', 'layers/a.kml')),
      deflatedEntry('layers/a.kml', layerKml()),
      deflatedEntry('layers/b.kml', layerKml()),
    ]);
    const result = expectOk(readGeoFile('两层.kmz', zip));
    expect(result.features.map((f) => f.properties.name)).toEqual([...GRID_NAMES, ...GRID_NAMES]);
  });

  it('refuses a link to a web address by name, fetching nothing', () => {
    const zip = writeForgedZip([
      deflatedEntry('doc.kml', linkingDoc('https://example.com/grids.kml')),
      deflatedEntry('layers/grids.kml', layerKml()),
    ]);
    expect(readGeoFile('网格.kmz', zip)).toEqual({
      ok: false,
      errors: [
        {
          key: 'geoImport.kmz.remoteLink',
          params: { file: '网格.kmz', href: 'https://example.com/grids.kml' },
        },
      ],
    });
  });

  it('refuses a link to a file the archive lacks, or one above its root', () => {
    for (const href of ['layers/missing.kml', '../grids.kml']) {
      const zip = writeForgedZip([
        deflatedEntry('doc.kml', linkingDoc(href)),
        deflatedEntry('layers/grids.kml', layerKml()),
      ]);
      expect(readGeoFile('网格.kmz', zip)).toEqual({
        ok: false,
        errors: [{ key: 'geoImport.kmz.linkMissing', params: { file: '网格.kmz', href } }],
      });
    }
  });

  it('resolves a link against the folder of the file that holds it', () => {
    expect(resolveKmzHref('doc.kml', 'layers/grids.kml')).toBe('layers/grids.kml');
    expect(resolveKmzHref('layers/a.kml', 'b.kml')).toBe('layers/b.kml');
    expect(resolveKmzHref('layers/a.kml', '../doc.kml#part')).toBe('doc.kml');
    expect(resolveKmzHref('layers/a.kml', '%E7%BD%91%E6%A0%BC.kml')).toBe('layers/网格.kml');
    expect(resolveKmzHref('doc.kml', '../x.kml')).toBeNull();
  });

  it('refuses a KML file whose only content is a link, naming where it points', () => {
    expect(readGeoFile('网格.kml', linkingDoc('http://example.com/grids.kml'))).toEqual({
      ok: false,
      errors: [
        {
          key: 'geoImport.kml.networkLink',
          params: { file: '网格.kml', href: 'http://example.com/grids.kml' },
        },
      ],
    });
  });
});

describe('奥维’s .ovkml', () => {
  it('is read as KML, and its extension alone proposes GCJ-02 without converting anything', () => {
    const ovkml = expectOk(readGeoFile('网格.ovkml', fixture('grids-ovital.ovkml')));
    expect(ovkml.features.map((f) => f.properties.name)).toEqual(GRID_NAMES);
    expect(ovkml.datumHint).toEqual({
      datum: 'gcj02',
      reason: { key: 'geoImport.datum.hintOvkml', params: { file: '网格.ovkml' } },
    });
    ovkml.features.forEach((f, i) => expect(flat(f)).toEqual(source.features[i]!.geometry.coordinates));
    // The same bytes named .kml carry no hint: their metadata does not name 奥维.
    expect(expectOk(readGeoFile('网格.kml', fixture('grids-ovital.ovkml'))).datumHint).toBeUndefined();
  });

  it('converts from GCJ-02 when the operator takes the proposal', () => {
    const plain = expectOk(readGeoFile('网格.ovkml', fixture('grids-ovital.ovkml')));
    const moved = expectOk(readGeoFile('网格.ovkml', fixture('grids-ovital.ovkml'), { datum: 'gcj02' }));
    expect(moved.crs.datum).toBe('gcj02');
    expect(rings(moved.features[0]!)[0]![0]).not.toEqual(rings(plain.features[0]!)[0]![0]);
  });
});
