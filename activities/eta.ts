import type { EtaRecalculatedPayload, OrderUpdatedPayload } from '../contracts/socket-events';
import { simulateKitchen, URGENT_PRIORITY, type SimResult } from '../domain/eta';
import type { KitchenActivities } from './contract';
import { fail, type ActivityDeps, type Tx } from './deps';
import { emitEtas, orderEta, storeEtas } from './eta-store';
import { Coalescer, KeyedQueue } from './coalesce';
import { createKitchenStateLoader, type KitchenState } from './kitchen-state';

/** A timer firing right at the ETA is not "late" yet: worker and database clocks differ a little. */
export const LATE_TOLERANCE_MS = 5_000;
/** First key of the per-tenant advisory lock (the second is the tenant): "ETA" on a phone keypad. */
const ETA_LOCK = 382;
const OPEN_TASK = ['PENDING', 'QUEUED', 'IN_PROGRESS', 'BLOCKED'] as const;
/**
 * A tenant's recalculations start at least this far apart: a busy kitchen's transitions then
 * share a few runs a second instead of one each (ETAs are in minutes; a quarter second is
 * nothing to a customer, and the kitchen flow never waits for them).
 */
export const ETA_MIN_SPACING_MS = 250;

const iso = (ms: number | null | undefined) => (ms === null || ms === undefined ? null : new Date(ms).toISOString());

/**
 * One ETA computation per tenant at a time: every transition triggers one, and two running side
 * by side would each read the kitchen and the slower one would store the staler answer. In this
 * process they queue in memory first (KeyedQueue); the advisory lock orders the processes.
 */
function underKitchenLock<T>(deps: ActivityDeps, queue: KeyedQueue<string>, tenantId: string, run: (tx: Tx) => Promise<T>): Promise<T> {
  return queue.run(tenantId, () =>
    deps.prisma.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(${ETA_LOCK}::int, hashtext(${tenantId}))`;
        return run(tx);
      },
      { maxWait: 10_000, timeout: 30_000 },
    ),
  );
}

function itemEta(state: KitchenState, result: SimResult, orderItemId: string): string | null {
  if (result.itemReady[orderItemId] !== undefined) return iso(result.itemReady[orderItemId]);
  // Not schedulable right now (no station for a type): keep the last prediction, if any.
  return iso(state.items.get(orderItemId)?.estimatedReadyAt);
}

/**
 * When an item must next be checked for lateness: its current ETA, or — until it has been
 * flagged once — the time promised to the customer when the order was placed, if that is
 * earlier. ETAs drift later as queues grow; the promise does not, and breaking it is late.
 */
export function checkDeadline(eta: number | null, alreadyLate: boolean, promised: number | null): number | null {
  if (eta === null) return null;
  return !alreadyLate && promised !== null ? Math.min(eta, promised) : eta;
}

/** When the item must next be checked for lateness, from a finished recalculation. */
function lateCheckAt(state: KitchenState, result: SimResult, orderItemId: string): string | null {
  const eta = itemEta(state, result, orderItemId);
  if (eta === null) return null;
  const item = state.items.get(orderItemId);
  const promised = item ? (state.orders.get(item.orderId)?.initialEstimatedReadyAt ?? null) : null;
  return iso(checkDeadline(Date.parse(eta), item?.isLate ?? false, promised));
}

interface EtaRun {
  state: KitchenState;
  result: SimResult;
}

/** Predicted ready times from simulating the whole kitchen forward from its current state. */
export function createEtaActivities(deps: ActivityDeps) {
  const { clock } = deps;
  const loader = createKitchenStateLoader(deps.learned);
  const kitchenQueue = new KeyedQueue<string>();
  /** Why recalculations were asked for since the last run started, per tenant (kept in the breakdown). */
  const reasons = new Map<string, Set<string>>();

  /**
   * One recalculation serves every transition that asked while the previous one ran: a busy
   * kitchen asks dozens of times a second, and each run simulates the whole kitchen anyway.
   * Each caller still gets an answer computed after its own transition committed (Coalescer).
   */
  const runs = new Coalescer<string, EtaRun>(async (tenantId) => {
    const reason = [...(reasons.get(tenantId) ?? ['recalculate'])].sort().join(',');
    reasons.delete(tenantId);
    const { run, announce } = await underKitchenLock(deps, kitchenQueue, tenantId, async (tx) => {
      const state = await loader.load(tx, tenantId, clock().getTime());
      const result = simulateKitchen(state);
      return { run: { state, result }, announce: await storeEtas(tx, tenantId, state, result, reason) };
    });
    await emitEtas(deps, tenantId, announce);
    return run;
  }, ETA_MIN_SPACING_MS);

  const recalculateEta: KitchenActivities['recalculateEta'] = async ({ tenantId, orderItemId, reason }) => {
    const asked = reasons.get(tenantId) ?? new Set<string>();
    reasons.set(tenantId, asked.add(reason));
    const { state, result } = await runs.request(tenantId);
    return { itemEta: orderItemId ? lateCheckAt(state, result, orderItemId) : null };
  };

  /** What the stored row says: settled (nothing to do), or the facts a late decision needs. */
  const readItem = async (db: Tx | ActivityDeps['prisma'], tenantId: string, orderItemId: string) => {
    const item = await db.orderItem.findFirst({
      where: { id: orderItemId, tenantId },
      select: { status: true, isLate: true, estimatedReadyAt: true, orderId: true, order: { select: { priority: true, initialEstimatedReadyAt: true } } },
    });
    if (!item) fail('ITEM_NOT_FOUND', `Order item ${orderItemId} not found`);
    const stored = item.estimatedReadyAt?.getTime() ?? null;
    const now = clock().getTime();
    const deadline = checkDeadline(stored, item.isLate, item.order.initialEstimatedReadyAt?.getTime() ?? null);
    const settled = { late: item.isLate, eta: iso(deadline), announce: [] as EtaRecalculatedPayload[], lateEvent: null };
    const nothingToDo = item.status === 'DONE' || item.status === 'CANCELLED' || (deadline !== null && now < deadline + LATE_TOLERANCE_MS);
    return { item, stored, now, settled, nothingToDo };
  };

  const checkItemLate: KitchenActivities['checkItemLate'] = async ({ tenantId, orderItemId }) => {
    // Most timers find the item on time or finished: answer those without the kitchen lock.
    const first = await readItem(deps.prisma, tenantId, orderItemId);
    if (first.nothingToDo) return { late: first.settled.late, eta: first.settled.eta };
    const outcome = await underKitchenLock(deps, kitchenQueue, tenantId, async (tx) => {
      const { item, stored, now, settled, nothingToDo } = await readItem(tx, tenantId, orderItemId);
      if (nothingToDo) return settled;

      const state = await loader.load(tx, tenantId, now);
      if (stored === null) {
        // Never predicted (e.g. no station could take it earlier): predict now, nothing to be late against.
        const result = simulateKitchen(state);
        return { ...settled, eta: itemEta(state, result, orderItemId), announce: await storeEtas(tx, tenantId, state, result, 'late-check') };
      }
      // Late: the order and its open tasks move up one priority level, and the new ETA follows from that.
      const priority = Math.min(URGENT_PRIORITY, item.order.priority + 1);
      for (const task of state.tasks) if (task.orderId === item.orderId) task.priority = Math.max(task.priority, priority);
      const result = simulateKitchen(state);
      const newEta = result.itemReady[orderItemId] ?? null;
      const promised = item.order.initialEstimatedReadyAt?.getTime() ?? stored;
      const expected = orderEta(state, result, item.orderId) ?? newEta ?? now;
      const delayMinutes = Math.max(0, Math.round((expected - promised) / 60_000));

      // Moving the item's ETA off the one that passed is what makes a retry find nothing to do.
      await tx.orderItem.updateMany({ where: { id: orderItemId, tenantId }, data: { isLate: true, estimatedReadyAt: iso(newEta) } });
      await tx.order.updateMany({ where: { id: item.orderId, tenantId }, data: { isLate: true, delayMinutes, priority } });
      await tx.taskInstance.updateMany({
        where: { tenantId, orderId: item.orderId, status: { in: [...OPEN_TASK] }, priority: { lt: priority } },
        data: { priority },
      });
      const lateEvent: OrderUpdatedPayload = { orderId: item.orderId, changes: { isLate: true, delayMinutes, priority } };
      return { late: true, eta: iso(newEta), announce: await storeEtas(tx, tenantId, state, result, 'late'), lateEvent };
    });
    if (outcome.lateEvent) await deps.events.toTenant(tenantId).emit('order:updated', outcome.lateEvent);
    await emitEtas(deps, tenantId, outcome.announce);
    return { late: outcome.late, eta: outcome.eta };
  };

  return { recalculateEta, checkItemLate };
}
