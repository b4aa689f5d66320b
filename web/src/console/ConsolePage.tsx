import { ActiveOrdersPage } from '../orders/ActiveOrdersPage';

/**
 * Route target for phone operators. Order taking with the live ETA quote is the second part of
 * the web work; until then operators see the open orders with their live ETAs.
 */
export function ConsolePage() {
  return <ActiveOrdersPage />;
}
