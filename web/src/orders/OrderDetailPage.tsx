import { useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useGqlQuery } from '../api/hooks';
import { useSocketEvent } from '../realtime/RealtimeProvider';
import { PageHeader } from '../shell/page';
import { Empty, QueryView } from '../shell/states';
import { EtaHistoryList } from './EtaHistoryList';
import { ORDER_STATUS_LABEL } from './hand-off';
import { ORDER_TIMELINE_QUERY, orderTimelineKey, readyWithRange, clock, type OrderTimelineData } from './order-timeline-api';
import { TimelineLanes } from './TimelineLanes';
import './order-detail.css';

const OPEN = new Set(['NEW', 'PREPARING']);

function PromiseFacts({ t }: { t: OrderTimelineData }) {
  return (
    <dl className="order-detail__facts">
      <div>
        <dt>Promised</dt>
        <dd data-testid="promised">
          {readyWithRange(t.promisedReadyAt, t.promisedReadyRange)}
          {t.promisedReadyRange?.basis === 'LEARNED' && <span className="muted"> learned range</span>}
        </dd>
      </div>
      <div>
        <dt>{t.actualReadyAt ? 'Ready at' : 'Expected'}</dt>
        <dd>{clock(t.actualReadyAt ?? t.estimatedReadyAt)}</dd>
      </div>
      {t.lateMinutes !== null && (
        <div>
          <dt>Against the promise</dt>
          <dd className={t.late ? 'is-late' : undefined}>{t.lateMinutes > 0 ? `+${t.lateMinutes}` : t.lateMinutes} min</dd>
        </div>
      )}
    </dl>
  );
}

function WhyLate({ t }: { t: OrderTimelineData }) {
  return (
    <section className={`order-detail__why${t.late ? ' is-late' : ''}`} aria-label="Why it was late" data-testid="why-late">
      <p className="order-detail__summary">{t.summary}</p>
      {t.reasons.length > 0 && (
        <ul>
          {t.reasons.map((r, i) => (
            <li key={i} data-kind={r.kind}>
              {r.sentence}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/**
 * One order opened from a list: its promise and range, why it was late in plain words, every task
 * per station planned against actual (critical path marked, waiting apart from working) and its
 * ETA history. Live: order and ETA events refetch it (realtime/live-cache.ts), its own task events
 * here, and an open order every 30 s so waiting bars grow.
 */
export function OrderDetailPage({ orderId }: { orderId: string }) {
  const key = orderTimelineKey(orderId);
  const client = useQueryClient();
  const query = useGqlQuery(
    key,
    ORDER_TIMELINE_QUERY,
    { orderId },
    { refetchInterval: (q) => (q.state.data && OPEN.has(q.state.data.orderTimeline.status) ? 30_000 : false) },
  );
  const mine = useCallback(
    (payload: { orderId: string }) => {
      if (payload.orderId === orderId) void client.invalidateQueries({ queryKey: orderTimelineKey(orderId) });
    },
    [client, orderId],
  );
  useSocketEvent('task:updated', mine);
  useSocketEvent('task:completed', mine);
  return (
    <section className="page order-detail">
      <QueryView query={query} notFound={<Empty title="No such order">It may belong to another kitchen, or the link is wrong.</Empty>}>
        {(d) => {
          const t = d.orderTimeline;
          return (
            <>
              <PageHeader
                title={
                  <>
                    Order #{t.orderNumber} <span className={`badge status--${t.status.toLowerCase()}`}>{ORDER_STATUS_LABEL[t.status]}</span>
                  </>
                }
                back={{ to: '/orders', label: 'Orders' }}
              />
              <PromiseFacts t={t} />
              <WhyLate t={t} />
              <h2>Timeline</h2>
              <TimelineLanes timeline={t} />
              <h2>ETA history</h2>
              <EtaHistoryList history={t.etaHistory} />
            </>
          );
        }}
      </QueryView>
    </section>
  );
}
