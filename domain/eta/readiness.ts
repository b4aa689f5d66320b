// Small readers over a SimResult that make the "cannot be completed" case explicit (null).
import type { SimResult } from './types';

/** The order's predicted ready time, or null when the simulation cannot complete it. */
export function predictedOrderReady(result: SimResult, orderId: string): number | null {
  return result.orderReady[orderId] ?? null;
}

export function predictedItemReady(result: SimResult, orderItemId: string): number | null {
  return result.itemReady[orderItemId] ?? null;
}

/** Predicted lateness of an order against its promise (positive = late), null when unknown. */
export function predictedLatenessMs(result: SimResult, orderId: string, promisedAt: number): number | null {
  const ready = predictedOrderReady(result, orderId);
  return ready === null ? null : ready - promisedAt;
}
