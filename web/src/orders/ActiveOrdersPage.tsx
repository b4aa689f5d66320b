import { useEffect, useState } from 'react';
import { PageHeader } from '../shell/page';
import { useGqlQuery } from '../api/hooks';
import { Empty, QueryView } from '../shell/states';
import { ORDER_STATUS_LABEL } from './hand-off';
import { OrderDetailLink } from './OrderDetailLink';
import { ACTIVE_ORDERS_QUERY, activeOrders, etaText, ORDERS_KEY } from './orders-api';

/** Minute-level clock so "in 5 min" stays true without refetching. */
function useNow(intervalMs = 30_000): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), intervalMs);
    return () => clearInterval(t);
  }, [intervalMs]);
  return now;
}

/**
 * Read-only list of open orders with live ETAs (anyone with orders:read). The cache
 * refetches on order and ETA events (realtime/live-cache.ts) and after every reconnect.
 */
export function ActiveOrdersPage() {
  const orders = useGqlQuery(ORDERS_KEY, ACTIVE_ORDERS_QUERY);
  const now = useNow();
  return (
    <section className="page">
      <PageHeader title="Active orders" lead="Updates live. Ready orders are at the top when they are due first." />
      <QueryView query={orders} isEmpty={(d) => activeOrders(d.orders).length === 0} empty={<Empty title="No open orders right now" />}>
        {(d) => (
          <ul className="order-list" aria-label="Open orders">
            {activeOrders(d.orders).map((o) => {
              const late =
                o.status !== 'READY' && o.status !== 'OUT_FOR_DELIVERY' && (o.isLate || (o.estimatedReadyAt !== null && Date.parse(o.estimatedReadyAt) < now));
              return (
                <li key={o.id} className={`order-card order-card--${o.status.toLowerCase()}${late ? ' is-late' : ''}`}>
                  <div className="order-card__head">
                    <strong className="order-card__number">
                      <OrderDetailLink orderId={o.id} orderNumber={o.orderNumber} />
                    </strong>
                    <span className={`badge status--${o.status.toLowerCase()}`}>{ORDER_STATUS_LABEL[o.status]}</span>
                    {o.priority > 0 && <span className="badge badge--warning">{o.priority === 2 ? 'urgent' : 'high priority'}</span>}
                    <span className={`order-card__eta${late ? ' is-late' : ''}`}>
                      {o.status === 'READY' ? 'ready' : o.status === 'OUT_FOR_DELIVERY' ? 'on the way' : etaText(o.estimatedReadyAt, now)}
                    </span>
                  </div>
                  {(o.customerName || o.customerAddress) && (
                    <p className="order-card__customer">
                      {o.customerName}
                      {o.customerAddress && <span className="muted"> · {o.customerAddress}</span>}
                    </p>
                  )}
                  <ul className="plain-list">
                    {o.items.map((item) => (
                      <li key={item.id}>
                        {item.quantity} × {item.menuItem.name}
                      </li>
                    ))}
                  </ul>
                </li>
              );
            })}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
