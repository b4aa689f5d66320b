import { ActivityFailure, ApplicationFailure, condition, continueAsNew, log, patched, proxyActivities, workflowInfo } from '@temporalio/workflow';
import type { OrderStatusTransition, PlatformOrderActivities } from '../contracts/platform-activities';
import type { PlatformOrderStage, PlatformOrderWorkflowInput } from './platform-order-types';
import { PLATFORM_CALL, PLATFORM_READ } from './platform-profiles';

/**
 * The accepted part of a platform order workflow: our order's transitions (preparing, ready,
 * picked up, delivered, cancelled) mirrored on the platform once each, and a new ready time whenever our ETA
 * moves by more than READY_TIME_SHIFT_MS. Continues as new on long orders, carrying what was sent.
 */

/** Our own rider takes a platform order out: follow it to the door and tell the platform "delivered". */
export const FOLLOW_DELIVERY_PATCH = 'platform-order-follows-delivery';
/** Our statuses after which the platform's order has left the kitchen (DELIVERING: its old name). */
const LEFT_THE_PASS = ['PICKED_UP', 'SERVED', 'OUT_FOR_DELIVERY', 'DELIVERED', 'DELIVERY_FAILED', 'DELIVERING'];

/** Moving the promised time by more than this is worth telling the platform (and the customer). */
export const READY_TIME_SHIFT_MS = 5 * 60_000;
const DEFAULT_POLL_MS = 3_000;

const call = proxyActivities<PlatformOrderActivities>(PLATFORM_CALL);
const read = proxyActivities<PlatformOrderActivities>(PLATFORM_READ);

/** Mirrors our order's state onto the platform until it is picked up (delivered, with our rider) or cancelled. */
export async function followOrder(
  input: PlatformOrderWorkflowInput,
  ref: { tenantId: string; platformId: string; platformOrderId: string },
  orderId: string,
  promisedAt: string,
  isCancelled: () => boolean,
  setStage: (s: PlatformOrderStage) => PlatformOrderStage,
): Promise<PlatformOrderStage> {
  const sent = new Set<OrderStatusTransition>(input.carry?.sent ?? []);
  let promisedReadyAt = promisedAt;
  const send = async (status: OrderStatusTransition) => {
    if (sent.has(status)) return;
    try {
      await call.sendPlatformOrderStatus({ ...ref, status });
    } catch (err) {
      if (!rejectedByPlatform(err)) throw err;
      // The platform's order moved on without us (e.g. cancelled there); the SyncLog row keeps the error.
      log.warn('Platform refused a status update', { platformOrderId: ref.platformOrderId, status });
    }
    sent.add(status);
  };
  for (;;) {
    if (isCancelled()) {
      await call.cancelPlatformKitchenOrder({ ...ref, orderId });
      setStage('cancelled');
      return 'cancelled';
    }
    const progress = await read.readOrderProgress({ tenantId: ref.tenantId, orderId });
    if (progress.status === 'CANCELLED') {
      await send('cancelled');
      setStage('cancelled');
      return 'cancelled';
    }
    if (progress.status === 'PREPARING') await send('preparing');
    if (progress.status === 'NEW' || progress.status === 'PREPARING') {
      const eta = progress.estimatedReadyAt;
      if (eta && Math.abs(Date.parse(eta) - Date.parse(promisedReadyAt)) > READY_TIME_SHIFT_MS) {
        await call.sendPlatformReadyTime({ ...ref, readyAt: eta });
        promisedReadyAt = eta;
      }
    }
    if (progress.status === 'READY' || LEFT_THE_PASS.includes(progress.status)) await send('ready');
    if (LEFT_THE_PASS.includes(progress.status)) {
      await send('picked_up');
      // Runs from before stopped following once the order left the pass.
      if (!patched(FOLLOW_DELIVERY_PATCH)) return setStage('picked_up');
      if (progress.status === 'DELIVERED') {
        await send('delivered');
        return setStage('delivered');
      }
      if (progress.status !== 'OUT_FOR_DELIVERY') return setStage('picked_up');
    }
    await condition(isCancelled, input.pollMs ?? DEFAULT_POLL_MS);
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<(input: PlatformOrderWorkflowInput) => Promise<PlatformOrderStage>>({
        ...input,
        carry: { orderId, promisedReadyAt, sent: [...sent] },
      });
    }
  }
}

/** A 4xx from the platform (activities/platforms/platform-support.ts): retrying cannot change its mind. */
export function rejectedByPlatform(err: unknown): boolean {
  return err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === 'PLATFORM_REJECTED';
}

/** Our kitchen refused the order (activities/platforms/platform-orders.ts): it waits in the review queue again. */
export function heldForReview(err: unknown): boolean {
  return err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === 'PLATFORM_ORDER_HELD';
}

export function causeOf(err: unknown): string {
  return err instanceof ActivityFailure && err.cause ? err.cause.message : String(err);
}
