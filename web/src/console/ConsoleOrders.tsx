import { useState } from 'react';
import { isFinalOrderStatus } from '../../../domain/kitchen/hand-off';
import { useGqlQuery } from '../api/hooks';
import { useNow } from '../kds/use-now';
import { useReadyHoldMinutes } from '../orders/use-ready-hold';
import { Empty, QueryView } from '../shell/states';
import { consoleOrdersKey, CONSOLE_OPEN_STATUSES, CONSOLE_ORDERS_QUERY, type ConsoleOrder } from './console-api';
import { ConsoleOrderRow, inKitchen, isLate } from './ConsoleOrderRow';
import { useDebounced } from './use-debounced';

/**
 * Late first, then by ETA: the orders a caller is most likely ringing about are on top. An order
 * handed off moments ago may still be in the cached list until the refetch lands: not shown,
 * unless a search (a customer calling about it) asked for any status.
 */
function byUrgency(orders: ConsoleOrder[], now: number, searching: boolean): ConsoleOrder[] {
  const due = (o: ConsoleOrder) => (!inKitchen(o) ? Number.POSITIVE_INFINITY : o.estimatedReadyAt ? Date.parse(o.estimatedReadyAt) : Number.MAX_SAFE_INTEGER);
  return orders
    .filter((o) => searching || !isFinalOrderStatus(o.status))
    .sort((a, b) => Number(isLate(b, now)) - Number(isLate(a, now)) || due(a) - due(b) || b.orderNumber - a.orderNumber);
}

/**
 * Open orders with their live status and ETA. The list is under the `orders` cache key, which
 * every order and ETA event refreshes (realtime/live-cache.ts), so READY shows without a reload
 * and a hand-over anywhere takes the order off the list.
 */
export function ConsoleOrders() {
  const [search, setSearch] = useState('');
  const settled = useDebounced(search.trim(), 300);
  const orders = useGqlQuery(
    consoleOrdersKey(settled),
    CONSOLE_ORDERS_QUERY,
    { search: settled || null, status: settled ? null : [...CONSOLE_OPEN_STATUSES] },
    { staleTime: 0 },
  );
  const now = useNow(15_000);
  const holdMinutes = useReadyHoldMinutes();

  return (
    <section className="console-orders card" aria-labelledby="console-orders-title">
      <header className="console-orders__head">
        <h2 id="console-orders-title">Open orders</h2>
        <input
          type="search"
          aria-label="Find an order by phone, name or number"
          placeholder="Phone, name or #number"
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </header>
      <QueryView
        query={orders}
        isEmpty={(d) => byUrgency(d.orders, now, settled !== '').length === 0}
        empty={<Empty title={settled ? `No open order matches “${settled}”` : 'No open orders right now'} />}
      >
        {(d) => (
          <ul className="console-orders__list" aria-label="Open orders">
            {byUrgency(d.orders, now, settled !== '').map((o) => (
              <ConsoleOrderRow key={o.id} order={o} now={now} holdMinutes={holdMinutes} />
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
