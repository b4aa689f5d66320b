import type { OrderPlan } from '../../contracts/kitchen-activities';
import type { Db } from '../../db/client';
import type { KitchenHandle } from '../types';
import { startOrderWorkflow } from '../../temporal/kitchen-client';
import { setTimeout as sleep } from 'node:timers/promises';
import { componentLogger } from '../../config/logger';

const log = componentLogger('orders');

/** Pauses between start attempts; the SDK's own connection retries run inside each attempt. */
export const START_BACKOFF_MS = [250, 1_000, 4_000] as const;

/**
 * Starts the order's workflow, retrying transient failures. Safe to repeat at any time: the
 * workflow id derives from the order id and the start is idempotent (kitchen-client.ts), so a
 * retry, a retried createOrder or the re-drive below can never cook an order twice.
 * Returns false when every attempt failed: the order stays stored as NEW and is re-driven later.
 */
export async function startKitchen(
  kitchen: KitchenHandle,
  order: { tenantId: string; id: string },
  backoffMs: readonly number[] = START_BACKOFF_MS,
  plan?: OrderPlan,
): Promise<boolean> {
  for (let attempt = 0; ; attempt++) {
    try {
      await startOrderWorkflow(kitchen.client, { tenantId: order.tenantId, orderId: order.id, taskQueue: kitchen.taskQueue, plan });
      return true;
    } catch (err) {
      const last = attempt >= backoffMs.length;
      log.error(
        { err, tenantId: order.tenantId, orderId: order.id, attempt: attempt + 1 },
        `starting the kitchen workflow failed${last ? '; it stays NEW until re-driven' : ''}`,
      );
      if (last) return false;
      await sleep(backoffMs[attempt]);
    }
  }
}

/**
 * The re-drive for orders whose workflow never started (Temporal was down through every retry
 * of createOrder): every NEW order older than `olderThanMs` that has no task rows yet (its item
 * workflows would have created them). Run it at start-up or on a timer; repeating it is harmless.
 * A client retrying createOrder with the same idempotencyKey re-drives its own order the same way.
 */
export async function redriveStuckOrders(opts: {
  prisma: Db;
  kitchen: KitchenHandle;
  olderThanMs?: number;
  limit?: number;
  tenantId?: string;
}): Promise<number> {
  const before = new Date(Date.now() - (opts.olderThanMs ?? 60_000));
  const stuck = await opts.prisma.order.findMany({
    where: { status: 'NEW', createdAt: { lte: before }, tasks: { none: {} }, ...(opts.tenantId ? { tenantId: opts.tenantId } : {}) },
    select: { id: true, tenantId: true },
    orderBy: { createdAt: 'asc' },
    take: opts.limit ?? 500,
  });
  let started = 0;
  for (const order of stuck) if (await startKitchen(opts.kitchen, order, [])) started++;
  return started;
}
