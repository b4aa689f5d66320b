import type { TrackingStage } from '../../contracts/public-views';

/**
 * Order statuses in the customer's words. Keyed by name, not by the enum: a status this map does
 * not know yet reads as 'closed' (no ETA, nothing promised) instead of leaking a kitchen term.
 */
const STAGES: Readonly<Record<string, TrackingStage>> = {
  NEW: 'received',
  PREPARING: 'preparing',
  READY: 'ready',
  PICKED_UP: 'picked_up',
  SERVED: 'served',
  DELIVERING: 'out_for_delivery',
  OUT_FOR_DELIVERY: 'out_for_delivery',
  DELIVERED: 'delivered',
  DELIVERY_FAILED: 'delivery_failed',
  CANCELLED: 'cancelled',
};

export function trackingStage(status: string): TrackingStage {
  return Object.hasOwn(STAGES, status) ? STAGES[status] : 'closed';
}

const OPEN: ReadonlySet<TrackingStage> = new Set(['received', 'preparing', 'ready', 'out_for_delivery']);

/** Nothing more will happen to the order. */
export function isFinalStage(stage: TrackingStage): boolean {
  return !OPEN.has(stage);
}

/** The kitchen is still on it: an ETA means something. */
export function isCooking(stage: TrackingStage): boolean {
  return stage === 'received' || stage === 'preparing';
}
