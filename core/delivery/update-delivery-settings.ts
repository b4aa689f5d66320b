import type { TravelTime } from '../../domain/delivery/travel-time';
import { updateKitchenSettings } from '../settings/update-kitchen-settings';
import type { ServiceOptions } from '../types';
import { readTravelTime } from './travel-time';

/**
 * A manager sets the tenant's travel time: the kitchen setting `deliveryTravelMinutes`, which the
 * kitchen plans with until enough trips were delivered to learn it (domain/delivery/travel-time.ts).
 * Answers the travel time in force, learned or not.
 */
export async function updateDeliverySettings({ db, actor, input }: ServiceOptions<{ travelMinutes?: unknown }>): Promise<TravelTime> {
  await updateKitchenSettings({ db, actor, input: { deliveryTravelMinutes: input.travelMinutes } });
  return readTravelTime(db);
}
