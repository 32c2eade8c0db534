import type { Reason } from '../../shared/assignment/recommend';

type Translate = (key: string, named: Record<string, unknown>, plural?: number) => string;

/**
 * A recommendation's reasons as one line in the current language, e.g. "在本片区 · 距离 850 m · 手上 1 件",
 * or "在本片区 · 道路距离 1.2 km · 手上 1 件" when ranked by road distance.
 * Distances under 1 km in whole metres, from 1 km in kilometres with one decimal.
 */
export function reasonsText(
  t: Translate,
  reasons: readonly Reason[],
  teamName: (teamId: string) => string,
): string {
  return reasons
    .map((r): string => {
      switch (r.key) {
        case 'inArea':
          return t('reason.inArea', {});
        case 'otherTeam':
          return t('reason.otherTeam', { team: teamName(r.teamId) });
        case 'distance':
          return r.metres < 1000
            ? t('reason.distanceM', { metres: r.metres })
            : t('reason.distanceKm', { km: (r.metres / 1000).toFixed(1) });
        case 'roadDistance':
          return r.metres < 1000
            ? t('reason.roadDistanceM', { metres: r.metres })
            : t('reason.roadDistanceKm', { km: (r.metres / 1000).toFixed(1) });
        case 'load':
          return r.count === 0 ? t('reason.loadNone', {}) : t('reason.load', { count: r.count }, r.count);
        case 'certified':
          return t('reason.certified', {});
        case 'busy':
          return t('reason.busy', {});
      }
    })
    .join(t('reason.separator', {}));
}
