import { useQueryClient } from '@tanstack/react-query';
import { useSocketEvent } from './RealtimeProvider';

/**
 * Keeps the query cache honest while the app is open: an event marks the matching cached lists stale
 * and any screen showing them refetches. Query keys start with these domain names by convention.
 */
export function useLiveCache(): void {
  const client = useQueryClient();
  const stale = (key: string) => () => void client.invalidateQueries({ queryKey: [key] });
  useSocketEvent('inventory:alert', stale('inventory'));
  useSocketEvent('menu:updated', stale('menu'));
  useSocketEvent('order:created', stale('orders'));
  useSocketEvent('order:updated', stale('orders'));
  useSocketEvent('eta:recalculated', stale('orders'));
  // A rider hears only their own deliveries; dispatchers every one. The board reads orders too
  // (ready soon, then READY), and the console shows each order's delivery.
  useSocketEvent('delivery:updated', stale('deliveries'));
  useSocketEvent('delivery:updated', stale('orders'));
  useSocketEvent('order:updated', stale('deliveries'));
  useSocketEvent('order:created', stale('deliveries'));
  useSocketEvent('eta:recalculated', stale('deliveries'));
  useSocketEvent('shift:updated', stale('shifts'));
}
