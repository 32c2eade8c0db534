import type { CrsReport, DetectedCrs } from '../../../shared/import/geo';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** A detected coordinate system as the set-up screens name it (e.g. CGCS2000 高斯-克吕格 3° 带第 40 带). */
export function crsName(t: Translate, crs: DetectedCrs): string {
  return crs.kind === 'gaussKruger'
    ? t('centreSetup.crs.gaussKruger', { epsg: crs.epsg, zone: crs.zone, width: crs.zoneWidth })
    : t(`centreSetup.crs.${crs.kind}`);
}

/** A file's system as read, and the datum its lon/lat were converted from when one was chosen. */
export function crsReportName(t: Translate, crs: CrsReport): string {
  const name = crsName(t, crs.detected);
  return crs.datum === undefined
    ? name
    : t('centreSetup.datum.converted', { crs: name, datum: t(`centreSetup.datum.${crs.datum}`) });
}
