import type { PlatformOrderLine } from '../platforms/connector';
import type { PlatformMenuItem } from '../contracts/platform-activities';
import type { SandboxContext } from './context';
import { newOrder, sandboxNow, type Fault, type LedgerEntry, type SandboxOrder } from './state';
import { deliver, makeEvent, type DeliveryAttempt, type SandboxEvent, type WebhookTarget } from './webhooks';

export interface InjectOrderInput {
  id: string;
  items: PlatformOrderLine[];
  /** How many times the same order.placed event is delivered (duplicates). */
  deliveries?: number;
  notes?: string | null;
}

/** What tests (and /_control) use to drive the sandbox. */
export interface SandboxControl {
  setWebhookTarget(target: WebhookTarget | null): void;
  injectOrder(input: InjectOrderInput): Promise<SandboxOrder>;
  /** The marketplace cancels (customer changed their mind); sends order.cancelled. */
  cancelOrder(id: string): Promise<void>;
  /** Sends an event as is (re-delivery of an old one, out-of-order sequences). */
  sendEvent(event: SandboxEvent, times?: number): Promise<void>;
  injectFault(fault: Fault): void;
  rejectProduct(productId: string): void;
  advanceClock(ms: number): void;
  /** Every issued OAuth token expires now (the next call with one answers 401). */
  expireTokens(): void;
  now(): number;
  ledger(): LedgerEntry[];
  /** Calls matching `${method} ${path}` that were applied (replays of an Idempotency-Key excluded). */
  calls(match: RegExp, opts?: { includeReplayed?: boolean }): LedgerEntry[];
  order(id: string): SandboxOrder | undefined;
  orders(): SandboxOrder[];
  item(productId: string): PlatformMenuItem | undefined;
  store(): { status: string; extraMinutes: number };
  deliveries(): DeliveryAttempt[];
  /** Waits until every webhook delivery started so far has finished (all retries included). */
  idle(): Promise<void>;
  expireDeadlines(): void;
  finishUpload(uploadId: string, items: PlatformMenuItem[]): void;
}

export function createControl(ctx: SandboxContext): SandboxControl {
  const { state } = ctx;
  const track = (p: Promise<unknown>) => {
    ctx.pending.add(p);
    void p.finally(() => ctx.pending.delete(p));
    return p;
  };
  const send = async (event: SandboxEvent, times = 1) => {
    const target = ctx.target.current;
    if (!target) return;
    for (let i = 0; i < times; i++) await track(deliver(target, event, ctx.deliveries));
  };
  const cloneOrder = (o: SandboxOrder) => JSON.parse(JSON.stringify(o)) as SandboxOrder;

  const control: SandboxControl = {
    setWebhookTarget: (target) => void (ctx.target.current = target),
    async injectOrder(input) {
      const order = newOrder(input.id, input.items, sandboxNow(state), ctx.opts.acceptWindowMs, { notes: input.notes ?? null });
      state.orders.set(order.id, order);
      await send(makeEvent('order.placed', cloneOrder(order)), input.deliveries ?? 1);
      return cloneOrder(order);
    },
    async cancelOrder(id) {
      const order = state.orders.get(id);
      if (!order || ['denied', 'cancelled', 'picked_up', 'delivered'].includes(order.status)) return;
      order.status = 'cancelled';
      await send(makeEvent('order.cancelled', cloneOrder(order)));
    },
    sendEvent: (event, times) => send(event, times),
    injectFault: (fault) => void state.faults.push({ ...fault }),
    rejectProduct: (productId) => void state.rejectProducts.add(productId),
    advanceClock(ms) {
      state.clockOffsetMs += ms;
      control.expireDeadlines();
    },
    expireTokens: () => state.tokens.forEach((t) => (t.expiresAt = 0)),
    now: () => sandboxNow(state),
    ledger: () => [...state.ledger],
    calls: (match, opts = {}) => state.ledger.filter((e) => match.test(`${e.method} ${e.path}`) && (opts.includeReplayed || !e.replayed)),
    order: (id) => {
      const o = state.orders.get(id);
      return o && cloneOrder(o);
    },
    orders: () => [...state.orders.values()].map(cloneOrder),
    item: (productId) => {
      const item = state.items.get(productId);
      return item && { ...item };
    },
    store: () => ({ ...state.store }),
    deliveries: () => [...ctx.deliveries],
    idle: async () => {
      while (ctx.pending.size) await Promise.allSettled([...ctx.pending]);
    },
    expireDeadlines() {
      const now = sandboxNow(state);
      for (const order of state.orders.values()) {
        if (order.status === 'placed' && order.acceptDeadline && Date.parse(order.acceptDeadline) <= now) {
          order.status = 'cancelled';
          void track(send(makeEvent('order.cancelled', cloneOrder(order))));
        }
      }
    },
    finishUpload(uploadId, items) {
      const upload = state.uploads.get(uploadId);
      if (!upload) return;
      for (const item of items) {
        if (state.rejectProducts.has(item.productId)) upload.errors.push({ productId: item.productId, message: 'rejected: invalid data' });
        else state.items.set(item.productId, { ...item });
      }
      upload.status = 'done';
    },
  };
  return control;
}
