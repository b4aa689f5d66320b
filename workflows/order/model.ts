import type { OrderPlan } from '../../contracts/kitchen-activities';
import { HAND_OFF_FROM, HAND_OFF_STATUSES, type HandOffStatus } from '../../domain/kitchen/hand-off';
import { reject } from '../support/failures';

export type OrderStatus = 'NEW' | 'PREPARING' | 'READY' | HandOffStatus | 'CANCELLED';
/** The order's view of one item workflow. FAILED: the child workflow itself failed (a bug). */
export type ItemTrackStatus = 'WAITING' | 'STARTED' | 'DONE' | 'CANCELLED' | 'FAILED';

export interface OrderItemTrack {
  orderItemId: string;
  status: ItemTrackStatus;
  criticalPathMinutes: number;
  fireAt: string | null;
}

export interface OrderStateView {
  orderId: string;
  status: OrderStatus;
  priority: number;
  requestedAt: string | null;
  cancelReason: string | null;
  items: OrderItemTrack[];
  /** Fire times moved by re-pacing so far (absent in views from before it). */
  repaces?: number;
}

/** What continue-as-new carries; only taken once every item has settled. */
export interface OrderCarryOver {
  status: OrderStatus;
  priority: number;
  requestedAt: string | null;
  items: OrderItemTrack[];
  lastStatusAt: number;
}

const STATUSES: readonly OrderStatus[] = ['NEW', 'PREPARING', 'READY', ...HAND_OFF_STATUSES, 'CANCELLED'];

/** DELIVERING was renamed OUT_FOR_DELIVERY: runs and carry-overs from before still say it. */
function knownStatus(status: string): OrderStatus {
  if (status === 'DELIVERING') return 'OUT_FOR_DELIVERY';
  return STATUSES.includes(status as OrderStatus) ? (status as OrderStatus) : 'NEW';
}

export class OrderModel {
  status: OrderStatus = 'NEW';
  priority = 0;
  requestedAt: string | null = null;
  cancelReason: string | null = null;
  items = new Map<string, OrderItemTrack>();
  /** True once the item workflows were started (or there was nothing to start). */
  loaded = false;
  lastStatusAt = 0;
  version = 0;
  /** Progress was reported since the last re-pacing (read only by orders with REPACE_PATCH). */
  repaceAsked = false;
  /** Fire times moved by re-pacing so far. */
  repaces = 0;

  constructor(readonly orderId: string) {}

  load(plan: OrderPlan, now: number): void {
    this.status = knownStatus(plan.status);
    this.priority = plan.priority;
    this.requestedAt = plan.requestedAt;
    for (const item of plan.items) {
      const status: ItemTrackStatus =
        item.status === 'DONE' ? 'DONE' : item.status === 'CANCELLED' ? 'CANCELLED' : item.status === 'IN_PROGRESS' ? 'STARTED' : 'WAITING';
      this.items.set(item.orderItemId, { orderItemId: item.orderItemId, status, criticalPathMinutes: item.criticalPathMinutes, fireAt: item.fireAt ?? null });
    }
    this.lastStatusAt = now;
    this.changed();
  }

  restore(carry: OrderCarryOver): void {
    Object.assign(this, {
      status: knownStatus(carry.status),
      priority: carry.priority,
      requestedAt: carry.requestedAt,
      lastStatusAt: carry.lastStatusAt,
      loaded: true,
    });
    for (const item of carry.items) this.items.set(item.orderItemId, { ...item });
  }

  changed(): void {
    this.version += 1;
  }

  setStatus(status: OrderStatus, now: number): void {
    this.status = status;
    this.lastStatusAt = now;
    this.changed();
  }

  /** Past the kitchen and not yet handed off: waiting at the pass, or out with a rider. */
  get awaitingHandOff(): boolean {
    return this.status === 'READY' || this.status === 'OUT_FOR_DELIVERY';
  }

  get inKitchen(): boolean {
    return this.status === 'NEW' || this.status === 'PREPARING';
  }

  unsettled(): OrderItemTrack[] {
    return [...this.items.values()].filter((i) => i.status === 'WAITING' || i.status === 'STARTED');
  }

  settled(): boolean {
    return this.loaded && this.unsettled().length === 0;
  }

  anyStarted(): boolean {
    return [...this.items.values()].some((i) => i.status !== 'WAITING' && i.status !== 'CANCELLED');
  }

  view(): OrderStateView {
    const { orderId, status, priority, requestedAt, cancelReason, repaces } = this;
    return { orderId, status, priority, requestedAt, cancelReason, repaces, items: [...this.items.values()].map((i) => ({ ...i })) };
  }

  carryOver(): OrderCarryOver {
    const { status, priority, requestedAt, lastStatusAt } = this;
    return { status, priority, requestedAt, lastStatusAt, items: [...this.items.values()].map((i) => ({ ...i })) };
  }
}

// Checks shared by validators and handlers (handlers re-check once they hold the mutex).

export function checkCancelOrder(model: OrderModel): void {
  if (model.status === 'CANCELLED') reject('ORDER_CLOSED', `Order ${model.orderId} is already cancelled`);
  if (!model.inKitchen) reject('ORDER_CLOSED', `Order ${model.orderId} is ${model.status}: it can no longer be cancelled`);
}

export function checkOrderPriority(model: OrderModel, priority: unknown): number {
  if (priority !== 0 && priority !== 1 && priority !== 2) reject('BAD_INPUT', `Priority must be 0 (normal), 1 (high) or 2 (urgent), got ${String(priority)}`);
  if (!model.inKitchen) reject('ORDER_CLOSED', `Order ${model.orderId} is ${model.status}: its priority can no longer change`);
  return priority;
}

/** Hand-offs after READY: each may leave one status only (domain/kitchen/hand-off.ts). */
export function checkHandOff(model: OrderModel, to: unknown): HandOffStatus {
  if (!HAND_OFF_STATUSES.includes(to as HandOffStatus)) reject('BAD_INPUT', `Unknown hand-off ${String(to)}`);
  const from = HAND_OFF_FROM[to as HandOffStatus];
  if (model.status !== from) reject('INVALID_TRANSITION', `Order ${model.orderId} cannot become ${String(to)}: it is ${model.status}, not ${from}`);
  return to as HandOffStatus;
}
