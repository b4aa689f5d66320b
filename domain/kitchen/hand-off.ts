// The order's life after READY, shared by the order workflow, the use cases and the web apps, so
// "which hand-off may follow which status" means the same everywhere.

export const HAND_OFF_STATUSES = ['PICKED_UP', 'SERVED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED'] as const;
export type HandOffStatus = (typeof HAND_OFF_STATUSES)[number];

export const FULFILLMENTS = ['TAKEAWAY', 'DINE_IN', 'DELIVERY'] as const;
export type Fulfillment = (typeof FULFILLMENTS)[number];

/** The one status each hand-off may leave. */
export const HAND_OFF_FROM: Readonly<Record<HandOffStatus, 'READY' | 'OUT_FOR_DELIVERY'>> = {
  PICKED_UP: 'READY',
  SERVED: 'READY',
  OUT_FOR_DELIVERY: 'READY',
  DELIVERED: 'OUT_FOR_DELIVERY',
  DELIVERY_FAILED: 'OUT_FOR_DELIVERY',
};

/** Statuses an order never leaves: its workflow has completed. */
export const FINAL_ORDER_STATUSES = ['PICKED_UP', 'SERVED', 'DELIVERED', 'DELIVERY_FAILED', 'CANCELLED'] as const;

export function isHandOffStatus(value: unknown): value is HandOffStatus {
  return typeof value === 'string' && (HAND_OFF_STATUSES as readonly string[]).includes(value);
}

export function isFinalOrderStatus(status: string): boolean {
  return (FINAL_ORDER_STATUSES as readonly string[]).includes(status);
}

/**
 * The hand-offs the pass offers an order, the usual one first (the one-tap button). A customer
 * may still collect a delivery order, or eat in with a takeaway; only a delivery order goes out.
 */
export function handOffChoices(fulfillment: Fulfillment, status: string): HandOffStatus[] {
  if (status === 'OUT_FOR_DELIVERY') return ['DELIVERED', 'DELIVERY_FAILED'];
  if (status !== 'READY') return [];
  if (fulfillment === 'DELIVERY') return ['OUT_FOR_DELIVERY', 'PICKED_UP'];
  return fulfillment === 'DINE_IN' ? ['SERVED', 'PICKED_UP'] : ['PICKED_UP', 'SERVED'];
}

/** Why `to` cannot follow `status` for this order, or null when it can. */
export function handOffProblem(order: { fulfillment: Fulfillment; status: string }, to: HandOffStatus): string | null {
  if (order.status === 'CANCELLED') return 'it was cancelled';
  if (order.status !== HAND_OFF_FROM[to]) {
    if (isFinalOrderStatus(order.status)) return `it is already ${order.status}`;
    return `it is ${order.status}, not ${HAND_OFF_FROM[to]}`;
  }
  if (to === 'OUT_FOR_DELIVERY' && order.fulfillment !== 'DELIVERY') return 'it is not a delivery order';
  return null;
}
