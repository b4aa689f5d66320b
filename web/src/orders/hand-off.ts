import type { OrderStatusName } from '../../../contracts/socket-events';
import type { HandOffStatus } from '../../../domain/kitchen/hand-off';
import { graphql } from '../api/graphql';
import { i18n } from '../i18n/i18n';

/** What the pass button says for each hand-off (the order's handOffChoices, in the server's order), in the active language. */
export const HAND_OFF_LABEL: Readonly<Record<HandOffStatus, string>> = {
  get PICKED_UP() {
    return i18n.t('orders.handOff.PICKED_UP');
  },
  get SERVED() {
    return i18n.t('orders.handOff.SERVED');
  },
  get OUT_FOR_DELIVERY() {
    return i18n.t('orders.handOff.OUT_FOR_DELIVERY');
  },
  get DELIVERED() {
    return i18n.t('orders.handOff.DELIVERED');
  },
  get DELIVERY_FAILED() {
    return i18n.t('orders.handOff.DELIVERY_FAILED');
  },
};

/** Every status in words, typed over all of them so a new status cannot go unnamed. */
export const ORDER_STATUS_LABEL: Readonly<Record<OrderStatusName, string>> = {
  get NEW() {
    return i18n.t('orders.status.NEW');
  },
  get PREPARING() {
    return i18n.t('orders.status.PREPARING');
  },
  get READY() {
    return i18n.t('orders.status.READY');
  },
  get PICKED_UP() {
    return i18n.t('orders.status.PICKED_UP');
  },
  get SERVED() {
    return i18n.t('orders.status.SERVED');
  },
  get OUT_FOR_DELIVERY() {
    return i18n.t('orders.status.OUT_FOR_DELIVERY');
  },
  get DELIVERED() {
    return i18n.t('orders.status.DELIVERED');
  },
  get DELIVERY_FAILED() {
    return i18n.t('orders.status.DELIVERY_FAILED');
  },
  get CANCELLED() {
    return i18n.t('orders.status.CANCELLED');
  },
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
      locale
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
  const since = minutes === 0 ? i18n.t('orders.readyJustNow') : i18n.t('orders.readyAgo', { count: minutes });
  return { minutes, late, text: late ? i18n.t('orders.waitingTooLong', { since }) : since };
}
