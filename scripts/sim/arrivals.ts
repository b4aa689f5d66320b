import { GqlError, type ApiClient } from './api-client';
import { generateOrder, type MenuChoice } from './order-generator';
import { exponentialGap, type Rand } from './prng';
import { CREATE_ORDER, ETA_QUOTE } from './queries';
import type { Recorder } from './recorder';
import { setTimeout as sleep } from 'node:timers/promises';

export interface PlacedOrder {
  id: string;
  sentAt: number;
  createdAt: number;
  /** etaQuote.readyAt asked just before ordering (null for scheduled orders: a quote is "if ordered now"). */
  quote: number | null;
  scheduledFor: number | null;
  priority: number;
  items: number;
}

export interface ArrivalOptions {
  operator: ApiClient;
  /** The dishes on offer; refreshed by the caller when one runs out. */
  menu: () => MenuChoice[];
  refreshMenu: () => Promise<void>;
  rand: Rand;
  /** Orders per wall-clock millisecond (kitchen rate × speed). */
  ratePerMs: number;
  speed: number;
  /** Wall-clock end of the arrival window, and the time every scheduled order must be ready by. */
  until: number;
  readyBy: number;
  maxOrders: number;
  recorder: Recorder;
  onError: (what: string, err: unknown) => void;
}

const pause = (ms: number) => sleep(Math.max(0, ms));

/**
 * Poisson arrivals: exponential gaps at the given rate, drawn from the seeded PRNG, so the same
 * seed places the same orders at the same offsets. Orders are placed without waiting for the
 * previous one, as separate phone lines would.
 */
export async function runArrivals(o: ArrivalOptions): Promise<{ placed: PlacedOrder[]; rejected: number }> {
  const placed: PlacedOrder[] = [];
  const inFlight: Array<Promise<void>> = [];
  let rejected = 0;
  let at = Date.now();
  while (inFlight.length < o.maxOrders) {
    at += exponentialGap(o.rand, o.ratePerMs);
    if (at > o.until) break;
    await pause(at - Date.now());
    const menu = o.menu();
    if (menu.length === 0) break;
    // A scheduled order must still fit in the run (its kitchen minutes are wall ms × speed).
    const order = generateOrder(o.rand, menu, { allowScheduled: true });
    const scheduledFor = order.scheduledInMinutes === null ? null : Date.now() + (order.scheduledInMinutes * 60_000) / o.speed;
    if (scheduledFor !== null && scheduledFor > o.readyBy) order.scheduledInMinutes = null;
    const job = place(o, order, order.scheduledInMinutes === null ? null : scheduledFor)
      .then((p) => void placed.push(p))
      .catch(async (err) => {
        rejected++;
        if (err instanceof GqlError && err.code === 'BAD_USER_INPUT')
          await o.refreshMenu().catch(() => undefined); // a dish ran out
        else o.onError('createOrder', err);
      });
    inFlight.push(job);
  }
  await Promise.all(inFlight);
  return { placed, rejected };
}

async function place(o: ArrivalOptions, order: ReturnType<typeof generateOrder>, scheduledFor: number | null): Promise<PlacedOrder> {
  const items = order.items.map((i) => ({ menuItemId: i.menuItemId, quantity: i.quantity, modifications: i.modifications, notes: i.notes }));
  let quote: number | null = null;
  if (scheduledFor === null) {
    const q = await o.operator.request<{ etaQuote: { readyAt: string } }>(ETA_QUOTE, { items });
    quote = Date.parse(q.etaQuote.readyAt);
  }
  const input = {
    channel: order.channel,
    priority: order.priority,
    customerName: order.customerName,
    customerPhone: order.customerPhone,
    notes: order.notes,
    requestedAt: scheduledFor === null ? null : new Date(scheduledFor).toISOString(),
    items,
  };
  const sentAt = Date.now();
  const { createOrder } = await o.operator.request<{ createOrder: { id: string; createdAt: string } }>(CREATE_ORDER, { input });
  const answeredAt = Date.now();
  o.recorder.mark('createOrder → order:created', `created:${createOrder.id}`, sentAt, answeredAt);
  // A scheduled order's first task waits for its fire time on purpose: not a latency.
  if (scheduledFor === null) o.recorder.mark('createOrder → first task queued', `firstQueued:${createOrder.id}`, sentAt, answeredAt);
  return { id: createOrder.id, sentAt, createdAt: Date.parse(createOrder.createdAt), quote, scheduledFor, priority: order.priority, items: items.length };
}
