import { ActivityFailure, ApplicationFailure, condition, continueAsNew, defineQuery, defineSignal, log, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { OrderStatusTransition, PlatformOrderActivities } from '../activities/platform-orders';
import { PLATFORM_CALL, PLATFORM_READ } from './platform-profiles';

/**
 * One marketplace order, from the webhook to the courier: intake (map, deny or flag for review),
 * our IMPORT order through the normal create-order path, accept with our ETA, then every
 * transition of our order mirrored on the platform exactly once. The workflow id is derived from
 * the platform order, so duplicate webhooks collapse onto this one run.
 */
export interface PlatformOrderWorkflowInput {
  tenantId: string;
  platformId: string;
  platformOrderId: string;
  /** How often our order's state is read; tests shorten it. */
  pollMs?: number;
  /** Set only by continue-as-new. */
  carry?: { orderId: string; promisedReadyAt: string; sent: OrderStatusTransition[] };
}

export type PlatformOrderStage = 'intake' | 'accepted' | 'needs_review' | 'denied' | 'cancelled' | 'picked_up';

export const platformOrderWorkflowId = (platformId: string, platformOrderId: string): string => `platform-order-${platformId}-${platformOrderId}`;
export const platformOrderCancelledSignal = defineSignal('platformOrderCancelled');
export const platformOrderStageQuery = defineQuery<PlatformOrderStage>('platformOrderStage');

/** Moving the promised time by more than this is worth telling the platform (and the customer). */
export const READY_TIME_SHIFT_MS = 5 * 60_000;
const DEFAULT_POLL_MS = 3_000;

const call = proxyActivities<PlatformOrderActivities>(PLATFORM_CALL);
const read = proxyActivities<PlatformOrderActivities>(PLATFORM_READ);

export async function platformOrderWorkflow(input: PlatformOrderWorkflowInput): Promise<PlatformOrderStage> {
  const ref = { tenantId: input.tenantId, platformId: input.platformId, platformOrderId: input.platformOrderId };
  let stage: PlatformOrderStage = input.carry ? 'accepted' : 'intake';
  let cancelled = false;
  setHandler(platformOrderCancelledSignal, () => void (cancelled = true));
  setHandler(platformOrderStageQuery, () => stage);

  let orderId = input.carry?.orderId ?? null;
  let promisedReadyAt = input.carry?.promisedReadyAt ?? '';
  if (!input.carry) {
    const intake = await call.intakePlatformOrder(ref);
    if (intake.kind === 'closed') return intake.status as PlatformOrderStage;
    if (intake.kind === 'review') return (stage = 'needs_review');
    if (cancelled) {
      await call.cancelPlatformKitchenOrder({ ...ref, orderId: intake.kind === 'ok' ? intake.orderId : null });
      return (stage = 'cancelled');
    }
    if (intake.kind === 'deny') {
      await call.denyPlatformOrder({ ...ref, reason: intake.reason });
      return (stage = 'denied');
    }
    orderId = intake.orderId ?? (await call.createPlatformKitchenOrder(ref)).orderId;
    try {
      ({ promisedReadyAt } = await call.acceptPlatformOrder({ ...ref, orderId }));
    } catch (err) {
      if (!rejectedByPlatform(err)) throw err;
      // Too late (the platform auto-cancelled) or refused: stop cooking what nobody will collect.
      log.warn('Platform refused the accept; cancelling our order', { platformOrderId: ref.platformOrderId, orderId });
      await call.cancelPlatformKitchenOrder({ ...ref, orderId });
      return (stage = 'cancelled');
    }
    stage = 'accepted';
  }
  return followOrder(input, ref, orderId!, promisedReadyAt, () => cancelled, (s) => (stage = s));
}

/** Mirrors our order's state onto the platform until it is picked up or cancelled. */
async function followOrder(
  input: PlatformOrderWorkflowInput,
  ref: { tenantId: string; platformId: string; platformOrderId: string },
  orderId: string,
  promisedAt: string,
  isCancelled: () => boolean,
  setStage: (s: PlatformOrderStage) => void,
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
    if (['READY', 'DELIVERING', 'DELIVERED'].includes(progress.status)) await send('ready');
    if (progress.status === 'DELIVERING' || progress.status === 'DELIVERED') {
      await send('picked_up');
      setStage('picked_up');
      return 'picked_up';
    }
    await condition(isCancelled, input.pollMs ?? DEFAULT_POLL_MS);
    if (workflowInfo().continueAsNewSuggested) {
      await continueAsNew<typeof platformOrderWorkflow>({ ...input, carry: { orderId, promisedReadyAt, sent: [...sent] } });
    }
  }
}

/** A 4xx from the platform (activities/platform-support.ts): retrying cannot change its mind. */
function rejectedByPlatform(err: unknown): boolean {
  return err instanceof ActivityFailure && err.cause instanceof ApplicationFailure && err.cause.type === 'PLATFORM_REJECTED';
}
