import { i18n } from '../i18n/i18n';
import { graphql, type ResultOf } from '../api/graphql';

// Starts with 'menu': live-cache refreshes it on `menu:updated` (a dish sold out mid-call).
export const CONSOLE_MENU_KEY = ['menu', 'console'] as const;
export const CONSOLE_MENU_QUERY = graphql(`
  query ConsoleMenu {
    menuItems {
      id
      name
      category
      price
      allergens
      modifierGroups {
        id
        name
        minChoices
        maxChoices
        options {
          id
          name
          priceDelta
        }
      }
    }
  }
`);
export type ConsoleMenuItem = ResultOf<typeof CONSOLE_MENU_QUERY>['menuItems'][number];

export const ETA_QUOTE_QUERY = graphql(`
  query EtaQuote($items: [OrderItemInput!]!) {
    etaQuote(items: $items) {
      readyAt
      minutes
      range {
        from
        to
        basis
      }
      perItem {
        index
        name
        quantity
        readyAt
      }
      unstaffedStations {
        stationId
        name
        staffedFrom
      }
      delivery {
        travelMinutes
        deliveredBy
      }
    }
  }
`);
export type EtaQuote = ResultOf<typeof ETA_QUOTE_QUERY>['etaQuote'];

const ConsoleOrderFields = graphql(`
  fragment ConsoleOrderFields on Order {
    id
    orderNumber
    status
    fulfillment
    handOffChoices
    priority
    customerName
    customerPhone
    customerAddress
    requestedAt
    estimatedReadyAt
    estimatedReadyRange {
      from
      to
      basis
    }
    actualReadyAt
    handedOffAt
    deliveredBy
    delivery {
      id
      status
      failureReason
      rider {
        id
        name
      }
    }
    isLate
    delayMinutes
    createdAt
    trackingToken
    items {
      id
      name
      quantity
      modifications
    }
  }
`);
export type ConsoleOrder = ResultOf<typeof ConsoleOrderFields>;

// Under 'orders': live-cache refetches it on order:created / order:updated / eta:recalculated.
/** Open orders, and those on their way to the customer; a search (a customer calling) finds any. */
export const CONSOLE_OPEN_STATUSES = ['NEW', 'PREPARING', 'READY', 'OUT_FOR_DELIVERY'] as const;
export const consoleOrdersKey = (search: string) => ['orders', 'console', search] as const;
export const CONSOLE_ORDERS_QUERY = graphql(
  `
    query ConsoleOrders($search: String, $status: [OrderStatus!]) {
      orders(status: $status, search: $search, limit: 60) {
        ...ConsoleOrderFields
      }
    }
  `,
  [ConsoleOrderFields],
);

export const CREATE_ORDER = graphql(
  `
    mutation CreateOrder($input: CreateOrderInput!) {
      createOrder(input: $input) {
        ...ConsoleOrderFields
      }
    }
  `,
  [ConsoleOrderFields],
);
export const UPDATE_PRIORITY = graphql(`
  mutation RaisePriority($id: ID!, $priority: Int!) {
    updateOrder(id: $id, input: { priority: $priority }) {
      id
      priority
    }
  }
`);
export const CANCEL_ORDER = graphql(`
  mutation CancelOrder($id: ID!, $reason: String!) {
    cancelOrder(id: $id, reason: $reason) {
      id
      status
    }
  }
`);

/** A key for createOrder's idempotency: a retried submit (double tap, flaky Wi-Fi) never makes a second order. */
export function newIdempotencyKey(): string {
  // randomUUID needs a secure context; a tablet on the kitchen LAN over plain http is not one.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/** Order priority 0..2 in words, in the active language at each read. */
export const PRIORITY_LABEL: Readonly<Record<number, string>> = {
  get 0() {
    return i18n.t('console.priority.0');
  },
  get 1() {
    return i18n.t('console.priority.1');
  },
  get 2() {
    return i18n.t('console.priority.2');
  },
};
