import type { KitchenServiceOptions } from '../orders/kitchen-deps';
import type { DeliveryView } from './delivery-view';
import { riderStep, STEPS } from './rider-step';

/** At the door: the delivery and the order are DELIVERED, and the order workflow completes. */
export function markDeliveryDelivered(options: KitchenServiceOptions<{ deliveryId: string }>): Promise<DeliveryView> {
  return riderStep(STEPS.deliver, options);
}
