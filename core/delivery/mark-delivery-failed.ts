import type { KitchenServiceOptions } from '../orders/kitchen-deps';
import { parseInput } from '../validate';
import { failDeliverySchema } from './delivery-input';
import type { DeliveryView } from './delivery-view';
import { riderStep, STEPS } from './rider-step';

/** Nobody answered, wrong address…: the delivery failed with the rider's reason (required), the order DELIVERY_FAILED. */
export function markDeliveryFailed({ input, ...options }: KitchenServiceOptions<{ deliveryId: string; reason: unknown }>): Promise<DeliveryView> {
  const { reason } = parseInput(failDeliverySchema, { reason: input.reason });
  return riderStep(STEPS.fail, { ...options, input: { deliveryId: input.deliveryId, reason } });
}
