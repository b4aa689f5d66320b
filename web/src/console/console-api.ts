import type { OrderStatusName } from '../../../contracts/socket-events';

export interface ConsoleMenuItem {
  id: string;
  name: string;
  category: string | null;
  price: string;
  allergens: string[];
}

// Starts with 'menu': live-cache refreshes it on `menu:updated` (a dish sold out mid-call).
export const CONSOLE_MENU_KEY = ['menu', 'console'] as const;
export const CONSOLE_MENU_QUERY = `query ConsoleMenu { menuItems { id name category price allergens } }`;

export interface EtaQuote {
  readyAt: string;
  minutes: number;
  perItem: Array<{ index: number; name: string; quantity: number; readyAt: string }>;
}
export const ETA_QUOTE_QUERY = `query EtaQuote($items: [OrderItemInput!]!) {
  etaQuote(items: $items) { readyAt minutes perItem { index name quantity readyAt } }
}`;

export interface ConsoleOrder {
  id: string;
  orderNumber: number;
  status: OrderStatusName;
  priority: number;
  customerName: string | null;
  customerPhone: string | null;
  customerAddress: string | null;
  requestedAt: string | null;
  estimatedReadyAt: string | null;
  isLate: boolean;
  delayMinutes: number;
  createdAt: string;
  items: Array<{ id: string; name: string; quantity: number; modifications: string | null }>;
}

const ORDER_FIELDS = `id orderNumber status priority customerName customerPhone customerAddress requestedAt estimatedReadyAt
  isLate delayMinutes createdAt items { id name quantity modifications }`;

// Under 'orders': live-cache refetches it on order:created / order:updated / eta:recalculated.
export const consoleOrdersKey = (search: string) => ['orders', 'console', search] as const;
export const CONSOLE_ORDERS_QUERY = `query ConsoleOrders($search: String) {
  orders(status: [NEW, PREPARING, READY], search: $search, limit: 60) { ${ORDER_FIELDS} }
}`;

export const CREATE_ORDER = `mutation CreateOrder($input: CreateOrderInput!) { createOrder(input: $input) { ${ORDER_FIELDS} } }`;
export const UPDATE_PRIORITY = `mutation RaisePriority($id: ID!, $priority: Int!) { updateOrder(id: $id, input: { priority: $priority }) { id priority } }`;
export const CANCEL_ORDER = `mutation CancelOrder($id: ID!, $reason: String!) { cancelOrder(id: $id, reason: $reason) { id status } }`;

/** A key for createOrder's idempotency: a retried submit (double tap, flaky Wi-Fi) never makes a second order. */
export function newIdempotencyKey(): string {
  // randomUUID needs a secure context; a tablet on the kitchen LAN over plain http is not one.
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  return [...crypto.getRandomValues(new Uint8Array(16))].map((b) => b.toString(16).padStart(2, '0')).join('');
}

export const PRIORITY_LABEL = ['normal', 'high', 'urgent'];
