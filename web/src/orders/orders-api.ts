import type { OrderStatusName } from '../../../contracts/socket-events';
import { i18n } from '../i18n/i18n';
import { graphql, type ResultOf } from '../api/graphql';

export const ORDERS_KEY = ['orders'] as const;

// isLate: set by the ETA timers once an item ran past its ETA unfinished.
export const ACTIVE_ORDERS_QUERY = graphql(`
  query ActiveOrders {
    orders {
      id
      orderNumber
      status
      priority
      customerName
      customerAddress
      estimatedReadyAt
      isLate
      createdAt
      items {
        id
        quantity
        status
        menuItem {
          id
          name
        }
      }
    }
  }
`);

export type ActiveOrder = ResultOf<typeof ACTIVE_ORDERS_QUERY>['orders'][number];

export const ACTIVE_STATUSES: ReadonlySet<OrderStatusName> = new Set(['NEW', 'PREPARING', 'READY', 'OUT_FOR_DELIVERY']);

/** Open orders, the one due first on top; orders without an ETA yet go last. */
export function activeOrders(orders: ActiveOrder[]): ActiveOrder[] {
  const due = (o: ActiveOrder) => (o.estimatedReadyAt ? Date.parse(o.estimatedReadyAt) : Number.POSITIVE_INFINITY);
  return orders.filter((o) => ACTIVE_STATUSES.has(o.status)).sort((a, b) => due(a) - due(b) || a.orderNumber - b.orderNumber);
}

/** "in 7 min", "now", "4 min late". */
export function etaText(iso: string | null, now: number): string {
  if (!iso) return i18n.t('orders.estimating');
  const minutes = Math.round((Date.parse(iso) - now) / 60_000);
  if (minutes > 0) return i18n.t('orders.inMinutes', { count: minutes });
  if (minutes === 0) return i18n.t('orders.now');
  return i18n.t('orders.minutesLate', { count: -minutes });
}
