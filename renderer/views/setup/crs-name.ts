import type { DetectedCrs } from '../../../shared/import/geo';

type Translate = (key: string, params?: Record<string, unknown>) => string;

/** A detected coordinate system as the set-up screens name it (e.g. CGCS2000 高斯-克吕格 3° 带第 40 带). */
export function crsName(t: Translate, crs: DetectedCrs): string {
  return crs.kind === 'gaussKruger'
    ? t('centreSetup.crs.gaussKruger', { epsg: crs.epsg, zone: crs.zone, width: crs.zoneWidth })
    : t(`centreSetup.crs.${crs.kind}`);
}
