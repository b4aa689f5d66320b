import { Context } from '@temporalio/activity';
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { platformOrderWorkflowId } from '../../workflows/platform-order-workflow';
import type { PlatformReconcileActivities } from '../../contracts/platform-activities';
import type { ActivityDeps } from '../../core/kitchen/deps';
import { asActivityFailure, loadPlatform } from './platform-support';
import { platformIdSchema } from '../../core/platforms/platform-order-content';
import { receivePlatformOrder } from '../../core/platforms/receive-platform-order';

/** Orders older than this are the platform's problem by now (auto-cancelled); also bounds each poll. */
const LOOKBACK_MS = 60 * 60_000;
/** Re-read a little before the last poll: an order created while we polled is not missed. */
const OVERLAP_MS = 60_000;

/**
 * The safety net for webhooks that never arrived: lists the platform's recent orders and hands
 * every placed one we have not stored to the same platform order workflow a webhook would start
 * (same id, so a late webhook and the poll never make two orders).
 */
export function createPlatformReconcileActivities({ prisma, clock }: ActivityDeps): PlatformReconcileActivities {
  return {
    async reconcilePlatformOrders(ref: {
      tenantId: string;
      platformId: string;
      since: string | null;
      pollMs?: number;
    }): Promise<{ started: string[]; since: string }> {
      const now = clock().getTime();
      const since = new Date(Math.max(ref.since ? Date.parse(ref.since) - OVERLAP_MS : 0, now - LOOKBACK_MS)).toISOString();
      const { connector } = await loadPlatform(prisma, ref.tenantId, ref.platformId);
      const orders = await connector.listOrders({ since }).catch((err) => Promise.reject(asActivityFailure(err)));
      // An order without a usable id cannot be stored or named; the platform's own list is where it stays.
      const placed = orders.filter((o) => o.status === 'placed' && platformIdSchema.safeParse(o.id).success);
      const known = new Set(
        (
          await prisma.platformOrder.findMany({
            where: { platformId: ref.platformId, platformOrderId: { in: placed.map((o) => o.id) } },
            select: { platformOrderId: true },
          })
        ).map((o) => o.platformOrderId),
      );
      const missed = placed.filter((o) => !known.has(o.id));
      const { client, info } = Context.current();
      for (const order of missed) {
        // Stored the way a webhook stores it: an order the kitchen cannot take as sent still reaches the review queue.
        await receivePlatformOrder(
          prisma,
          { tenantId: ref.tenantId, platformId: ref.platformId, platformOrderId: order.id },
          order as unknown as Record<string, unknown>,
          { revise: false },
        );
        try {
          await client.workflow.start('platformOrderWorkflow', {
            workflowId: platformOrderWorkflowId(ref.platformId, order.id),
            taskQueue: info.taskQueue,
            args: [{ tenantId: ref.tenantId, platformId: ref.platformId, platformOrderId: order.id, pollMs: ref.pollMs }],
            workflowIdConflictPolicy: 'USE_EXISTING',
            workflowIdReusePolicy: 'REJECT_DUPLICATE',
          });
        } catch (err) {
          if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
        }
      }
      return { started: missed.map((o) => o.id), since: new Date(now).toISOString() };
    },
  };
}
