import { useQueryClient } from '@tanstack/react-query';
import { useRef } from 'react';
import { useGqlQuery } from '../api/hooks';
import { money } from '../admin/menu/menu-api';
import { useSocketEvent } from '../realtime/RealtimeProvider';
import { QueryView } from '../shell/states';
import { ANALYTICS_KEY, ANALYTICS_QUERY, ETA_DAYS } from './analytics-api';
import { EtaAccuracyChart } from './EtaAccuracyChart';
import { StationLoadChart } from './StationLoadChart';
import { TopItemsChart } from './TopItemsChart';
import './analytics.css';

/** Kitchen events arrive in bursts; the figures are refreshed at most this often while they do. */
const REFRESH_THROTTLE_MS = 2_000;

/**
 * Today's numbers and charts on the manager's dashboard. One GraphQL request for all of it; kept
 * current by kitchen events (throttled: a rush must not turn into a refetch per task).
 */
export function AnalyticsPanel() {
  const data = useGqlQuery(ANALYTICS_KEY, ANALYTICS_QUERY, { days: ETA_DAYS }, { refetchInterval: 60_000 });
  const client = useQueryClient();
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  const refresh = () => {
    pending.current ??= setTimeout(() => {
      pending.current = null;
      void client.invalidateQueries({ queryKey: ANALYTICS_KEY });
    }, REFRESH_THROTTLE_MS);
  };
  useSocketEvent('order:created', refresh);
  useSocketEvent('order:updated', refresh);
  useSocketEvent('station:load', refresh);

  return (
    <section className="analytics" aria-labelledby="analytics-title">
      <h2 id="analytics-title" className="sr-only">
        Analytics
      </h2>
      <QueryView query={data} loadingLabel="Loading today’s figures…">
        {({ analyticsToday: today, stationAnalytics, etaAccuracy }) => (
          <>
            <div className="cards analytics__figures">
              <Figure title="Orders today" value={String(today.ordersCount)} testId="orders-today" />
              <Figure title="Revenue today" value={money(today.revenue)} testId="revenue-today" />
              <Figure title="Average prep time" value={today.avgPrepMinutes === null ? '–' : `${today.avgPrepMinutes} min`} note="order placed → ready" />
              <Figure title="Delayed orders" value={String(today.lateCount)} tone={today.lateCount > 0 ? 'bad' : 'ok'} note="past their ETA" />
            </div>
            <div className="analytics__charts">
              <section className="card chart" aria-labelledby="chart-top">
                <h3 id="chart-top">Top items today</h3>
                <TopItemsChart items={today.topItems} />
              </section>
              <section className="card chart" aria-labelledby="chart-load">
                <h3 id="chart-load">Station load now</h3>
                <StationLoadChart stations={stationAnalytics} />
              </section>
              <section className="card chart chart--wide" aria-labelledby="chart-eta">
                <h3 id="chart-eta">ETA accuracy, last {ETA_DAYS} days (minutes late vs promised)</h3>
                <EtaAccuracyChart points={etaAccuracy} />
              </section>
            </div>
          </>
        )}
      </QueryView>
    </section>
  );
}

function Figure({ title, value, note, tone, testId }: { title: string; value: string; note?: string; tone?: 'ok' | 'bad'; testId?: string }) {
  return (
    <div className="card stat-card">
      <h3 className="stat-card__title">{title}</h3>
      <div className={`figure${tone ? ` figure--${tone}` : ''}`}>
        <span className="figure__value" data-testid={testId}>
          {value}
        </span>
        {note && <span className="figure__label">{note}</span>}
      </div>
    </div>
  );
}
