import { isAppError } from '../../contracts/errors';
import { planOrderFireTimes } from '../../domain/eta/pacing';
import type { OrderPlan } from '../../contracts/kitchen-activities';
import type { ActivityDeps } from './deps';
import { createOrderPlanActivities, type PlannableOrder } from './order-plan';
import { createStationQueueActivities } from './station-queue';

/** An order createOrder has just stored, as it stored it: NEW, its items PENDING, no tasks yet. */
export type NewOrder = Omit<PlannableOrder, 'status' | 'items'> & { items: Array<Omit<PlannableOrder['items'][number], 'status'>> };

export interface CounterFire {
  /**
   * The order's plan with each open item's fire time: goes into the order workflow's input.
   * An order in hand (just stored) is planned without reading it back.
   */
  plan(order: { tenantId: string; orderId: string } | NewOrder): Promise<OrderPlan>;
  /** Creates the tasks of the items that fire now and queues those without dependencies. */
  fire(plan: OrderPlan, order?: NewOrder): Promise<void>;
}

/**
 * Fire at the counter: the kitchen's first step, taken by createOrder itself, so the first
 * ticket reaches its station without waiting for the order workflow, its child and their
 * first workflow tasks (those Temporal round trips are most of "order placed → ticket on the
 * KDS").
 *
 * createOrder plans the order (pacing, exactly as the order workflow does), starts the order
 * workflow with that plan, then fires: for every item that fires now it creates the item's
 * tasks and queues those without dependencies, with the same idempotent functions the item
 * workflow runs. The workflow keeps the plan's fire times, and its items find their first tasks
 * already QUEUED (release skips them). The workflow is started first, so a crash at any point
 * leaves nothing it would not finish itself; when both reach a task at once, the conditional
 * writes let one of them queue it.
 */
export function createCounterFire(deps: ActivityDeps): CounterFire {
  const { loadOrderPlan, planOrder, materializeItemTasks, materializeNewItem } = createOrderPlanActivities(deps);
  const { enqueueTask } = createStationQueueActivities(deps);

  return {
    async plan(order) {
      const plan =
        'items' in order
          ? await planOrder({ ...order, status: 'NEW', items: order.items.map((i) => ({ ...i, status: 'PENDING' })) })
          : await loadOrderPlan(order);
      const open = plan.items.filter((i) => i.status !== 'DONE' && i.status !== 'CANCELLED');
      const fireTimes = planOrderFireTimes({ ...plan, items: open }, deps.clock().getTime());
      const fireAt = (id: string) => (id in fireTimes ? new Date(fireTimes[id]).toISOString() : null);
      return { ...plan, items: plan.items.map((i) => ({ ...i, fireAt: fireAt(i.orderItemId) })) };
    },

    async fire({ tenantId, orderId, items }, order) {
      const now = deps.clock().getTime();
      const firing = items.filter((i) => i.fireAt && Date.parse(i.fireAt) <= now);
      await Promise.all(
        firing.map(async ({ orderItemId, fireAt }) => {
          const known = order?.items.find((i) => i.id === orderItemId);
          const { tasks } = known
            ? await materializeNewItem({ tenantId, orderId, priority: order!.priority, item: known }, fireAt ?? null)
            : await materializeItemTasks({ tenantId, orderItemId, plannedStartAt: fireAt ?? null });
          // One at a time, in recipe order, as the item workflow releases them.
          for (const task of tasks.filter((t) => t.status === 'PENDING' && t.dependsOn.length === 0)) {
            // No station takes it (stored BLOCKED): the item workflow retries it on its timer.
            await enqueueTask({ tenantId, orderId, orderItemId, taskId: task.id }).catch((err) => {
              if (!isBusinessFailure(err)) throw err;
            });
          }
        }),
      );
    },
  };
}

const isBusinessFailure = isAppError;
