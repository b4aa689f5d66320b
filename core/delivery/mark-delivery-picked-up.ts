import type { KitchenServiceOptions } from '../orders/kitchen-deps';
import type { DeliveryView } from './delivery-view';
import { riderStep, STEPS } from './rider-step';

/** The rider leaves with a READY order: the delivery is picked up, the order OUT_FOR_DELIVERY. */
export function markDeliveryPickedUp(options: KitchenServiceOptions<{ deliveryId: string }>): Promise<DeliveryView> {
  return riderStep(STEPS.pickUp, options);
}
