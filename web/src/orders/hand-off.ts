import type { OrderStatusName } from '../../../contracts/socket-events';
import type { HandOffStatus } from '../../../domain/kitchen/hand-off';
import { graphql } from '../api/graphql';

/** What the pass button says for each hand-off (the order's handOffChoices, in the server's order). */
export const HAND_OFF_LABEL: Readonly<Record<HandOffStatus, string>> = {
  PICKED_UP: 'Collected',
  SERVED: 'Served',
  OUT_FOR_DELIVERY: 'Out for delivery',
  DELIVERED: 'Delivered',
  DELIVERY_FAILED: 'Failed…',
};

/** Every status in words, typed over all of them so a new status cannot go unnamed. */
export const ORDER_STATUS_LABEL: Readonly<Record<OrderStatusName, string>> = {
  NEW: 'New',
  PREPARING: 'Preparing',
  READY: 'Ready',
  PICKED_UP: 'Collected',
  SERVED: 'Served',
  OUT_FOR_DELIVERY: 'Out for delivery',
  DELIVERED: 'Delivered',
  DELIVERY_FAILED: 'Delivery failed',
  CANCELLED: 'Cancelled',
};

export const HAND_OFF_ORDER = graphql(`
  mutation HandOffOrder($id: ID!, $to: HandOffStatus!, $reason: String) {
    handOffOrder(id: $id, to: $to, reason: $reason) {
      id
      status
      handOffChoices
      handedOffAt
      closedAt
      failureReason
    }
  }
`);

export const KITCHEN_SETTINGS_KEY = ['kitchenSettings'] as const;
export const KITCHEN_SETTINGS_QUERY = graphql(`
  query KitchenSettings {
    kitchenSettings {
      readyHoldMinutes
    }
  }
`);

export interface ReadyWait {
  /** Whole minutes since the order was ready. */
  minutes: number;
  /** Waiting longer than the hold time. */
  late: boolean;
  text: string;
}

/** How long a READY order has waited at the pass, and whether that is past the kitchen's hold time. */
export function readyWait(actualReadyAt: string, now: number, holdMinutes: number): ReadyWait {
  const waitedMs = Math.max(0, now - Date.parse(actualReadyAt));
  const minutes = Math.floor(waitedMs / 60_000);
  const late = waitedMs > holdMinutes * 60_000;
  const since = minutes === 0 ? 'ready just now' : `ready ${minutes} min ago`;
  return { minutes, late, text: late ? `${since} · waiting too long` : since };
}
