import { graphql, type ResultOf } from '../api/graphql';

export const ANALYTICS_KEY = ['analytics'] as const;
export const ANALYTICS_QUERY = graphql(`
  query Analytics($days: Int) {
    analyticsToday {
      ordersCount
      revenue
      avgPrepMinutes
      lateCount
      topItems {
        name
        quantity
        revenue
      }
    }
    stationAnalytics {
      stationId
      name
      queueLength
      inProgress
      capacity
      loadPercent
      avgTaskMinutes
      backlogMinutes
      bottleneck
    }
    etaAccuracy(days: $days) {
      orderId
      orderNumber
      predictedAt
      actualAt
      errorMinutes
    }
  }
`);

export type AnalyticsData = ResultOf<typeof ANALYTICS_QUERY>;
export type AnalyticsToday = AnalyticsData['analyticsToday'];
export type StationLoad = AnalyticsData['stationAnalytics'][number];
export type EtaPoint = AnalyticsData['etaAccuracy'][number];

export const ETA_DAYS = 7;
/** Within this many minutes of the promise counts as "on time" for the accuracy summary. */
export const ETA_TOLERANCE_MINUTES = 5;

export interface EtaSummary {
  count: number;
  meanAbsoluteError: number | null;
  withinTolerance: number | null;
  lateShare: number | null;
}

export function summariseEta(points: EtaPoint[]): EtaSummary {
  if (points.length === 0) return { count: 0, meanAbsoluteError: null, withinTolerance: null, lateShare: null };
  const abs = points.map((p) => Math.abs(p.errorMinutes));
  return {
    count: points.length,
    meanAbsoluteError: Math.round((abs.reduce((a, b) => a + b, 0) / points.length) * 10) / 10,
    withinTolerance: abs.filter((e) => e <= ETA_TOLERANCE_MINUTES).length / points.length,
    lateShare: points.filter((p) => p.errorMinutes > ETA_TOLERANCE_MINUTES).length / points.length,
  };
}
