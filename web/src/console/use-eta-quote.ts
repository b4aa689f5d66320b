import { keepPreviousData, useQueryClient } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useGqlQuery } from '../api/hooks';
import { useSocketEvent } from '../realtime/RealtimeProvider';
import { orderItems, type CartLine } from './cart';
import { ETA_QUOTE_QUERY } from './console-api';
import { useDebounced } from './use-debounced';

export const QUOTE_DEBOUNCE_MS = 350;
const QUOTE_KEY = 'etaQuote';

/**
 * The live quote for the cart: asked once the operator pauses, kept on screen while the next one
 * loads (no flicker while typing), and asked again when the kitchen's ETAs move.
 */
export function useEtaQuote(lines: CartLine[]) {
  const items = useMemo(() => orderItems(lines), [lines]);
  const settled = useDebounced(items, QUOTE_DEBOUNCE_MS);
  const client = useQueryClient();
  useSocketEvent('eta:recalculated', () => void client.invalidateQueries({ queryKey: [QUOTE_KEY] }));
  const query = useGqlQuery(
    [QUOTE_KEY, settled],
    ETA_QUOTE_QUERY,
    { items: settled },
    {
      enabled: settled.length > 0,
      placeholderData: keepPreviousData,
      staleTime: 15_000,
      refetchInterval: 30_000,
      retry: false,
    },
  );
  const typing = JSON.stringify(items) !== JSON.stringify(settled);
  return { quote: items.length > 0 ? query.data?.etaQuote : undefined, error: items.length > 0 ? query.error : null, updating: typing || query.isFetching };
}
