import { ActiveOrdersPage } from '../orders/ActiveOrdersPage';

/**
 * Route target for cooks. The station queue screen (tickets, start/bump, recall, all-day counts,
 * expo view) is the second part of the web work; until then cooks see the open orders live.
 */
export function KdsPage() {
  return <ActiveOrdersPage />;
}
