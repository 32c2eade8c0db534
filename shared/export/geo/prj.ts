/**
 * The `.prj` of an exported Shapefile: the geographic system in the ESRI form of WKT 1 that ArcGIS
 * writes and reads, and that GDAL and this project's reader (shared/import/geo/crs.ts) identify.
 * Exports are always lon/lat degrees, the form GridDesk stores.
 */

/** Which geographic system the `.prj` names: CGCS2000 (EPSG:4490) or WGS 84 (EPSG:4326). */
export type ExportCrs = 'cgcs2000' | 'wgs84';

const PRJ: Record<ExportCrs, string> = {
  cgcs2000:
    'GEOGCS["GCS_China_Geodetic_Coordinate_System_2000",DATUM["D_China_2000",' +
    'SPHEROID["CGCS2000",6378137.0,298.257222101]],PRIMEM["Greenwich",0.0],' +
    'UNIT["Degree",0.0174532925199433]]',
  wgs84:
    'GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",SPHEROID["WGS_1984",6378137.0,298.257223563]],' +
    'PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]]',
};

/** The ESRI WKT of `crs`, one line, as `.prj` files hold it. */
export function prjText(crs: ExportCrs): string {
  return PRJ[crs];
}
