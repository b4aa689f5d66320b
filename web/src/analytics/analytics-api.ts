import { graphql, type ResultOf } from '../api/graphql';
import { accuracyOf } from '../../../domain/eta/accuracy';

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

/** The measures `npm run eta:eval` reports (domain/eta/accuracy.ts), on the kitchen's real history. */
export function summariseEta(points: EtaPoint[]): EtaSummary {
  const a = accuracyOf(
    points.map((p) => ({ predicted: Date.parse(p.predictedAt), actual: Date.parse(p.actualAt) })),
    ETA_TOLERANCE_MINUTES,
  );
  return {
    count: a.count,
    meanAbsoluteError: a.maeMinutes === null ? null : Math.round(a.maeMinutes * 10) / 10,
    withinTolerance: a.withinShare,
    lateShare: a.lateShare,
  };
}
