import { useGqlQuery } from '../api/hooks';
import { KITCHEN_SETTINGS_KEY, KITCHEN_SETTINGS_QUERY } from './hand-off';

/** The server's default, used until the kitchen's own setting has arrived. */
const DEFAULT_HOLD_MINUTES = 5;

/** The kitchen's hold time for ready orders (kitchenSettings), read once per screen and kept in the shared cache. */
export function useReadyHoldMinutes(): number {
  const settings = useGqlQuery(KITCHEN_SETTINGS_KEY, KITCHEN_SETTINGS_QUERY, undefined, { staleTime: 60_000 });
  return settings.data?.kitchenSettings.readyHoldMinutes ?? DEFAULT_HOLD_MINUTES;
}
