import { useGqlQuery } from '../api/hooks';
import { KITCHEN_SETTINGS_KEY, KITCHEN_SETTINGS_QUERY } from './hand-off';

/** The server's default, used until the kitchen's own setting has arrived. */
const DEFAULT_HOLD_MINUTES = 5;

/**
 * The kitchen's hold time for ready orders (kitchenSettings), shared by every view of a screen. No
 * event carries a settings change, so a screen left open all service re-reads it once a minute.
 */
export function useReadyHoldMinutes(): number {
  const settings = useGqlQuery(KITCHEN_SETTINGS_KEY, KITCHEN_SETTINGS_QUERY, undefined, { staleTime: 60_000, refetchInterval: 60_000 });
  return settings.data?.kitchenSettings.readyHoldMinutes ?? DEFAULT_HOLD_MINUTES;
}
