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
  useSocketEvent('shift:updated', stale('shifts'));
}
