import { useState } from 'react';
import { isFinalOrderStatus } from '../../../domain/kitchen/hand-off';
import { useGqlQuery } from '../api/hooks';
import { useNow } from '../kds/use-now';
import { useReadyHoldMinutes } from '../orders/use-ready-hold';
import { useI18n } from '../i18n/LocaleProvider';
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
  const { t } = useI18n();
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
        <h2 id="console-orders-title">{t('console.openOrders')}</h2>
        <input
          type="search"
          aria-label={t('console.find')}
          placeholder={t('console.findPlaceholder')}
          value={search}
          onChange={(e) => setSearch(e.target.value)}
        />
      </header>
      <QueryView
        query={orders}
        isEmpty={(d) => byUrgency(d.orders, now, settled !== '').length === 0}
        empty={<Empty title={settled ? t('console.noMatchOrder', { search: settled }) : t('console.noOpen')} />}
      >
        {(d) => (
          <ul className="console-orders__list" aria-label={t('console.openOrders')}>
            {byUrgency(d.orders, now, settled !== '').map((o) => (
              <ConsoleOrderRow key={o.id} order={o} now={now} holdMinutes={holdMinutes} />
            ))}
          </ul>
        )}
      </QueryView>
    </section>
  );
}
