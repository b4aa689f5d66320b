import { kdsUpdate, startOrderWorkflow, type KdsUpdateArgs, type KdsUpdateName, type KitchenResult, type KdsUpdateResult } from '../../temporal/kitchen-client';
import { itemStateQuery, itemWorkflowId, type ItemStateView, type TaskView } from '../../workflows/item-workflow';
import { orderStateQuery, orderWorkflowId, type OrderStateView } from '../../workflows/order-workflow';
import { placeOrder, type Dish, type Kitchen } from './kitchen-fixture';
import { eventually, type KitchenHarness } from './kitchen-harness';

/** What a test does to the kitchen, in the words of the line: place, look, start, bump. */
export function kitchenDriver(h: Pick<KitchenHarness, 'client' | 'prisma' | 'taskQueue'>, kitchen: Kitchen) {
  const itemState = (orderItemId: string) => h.client.workflow.getHandle(itemWorkflowId(orderItemId)).query(itemStateQuery);
  const orderState = (orderId: string) => h.client.workflow.getHandle(orderWorkflowId(orderId)).query(orderStateQuery);

  const driver = {
    itemState,
    orderState,

    async order(items: Array<{ dish: Dish; quantity?: number }>, opts: { priority?: number; requestedAt?: Date } = {}) {
      const placed = await placeOrder(h.prisma, kitchen, items, opts);
      await startOrderWorkflow(h.client, { tenantId: kitchen.tenantId, orderId: placed.orderId, taskQueue: h.taskQueue });
      return placed;
    },

    /** Waits until the item's workflow shows a state matching `ready`. */
    untilItem(orderItemId: string, ready: (s: ItemStateView) => boolean, what: string, timeoutMs?: number) {
      return eventually(
        async () => {
          const s = await itemState(orderItemId);
          return ready(s) ? s : undefined;
        },
        what,
        timeoutMs,
      );
    },

    untilOrder(orderId: string, ready: (s: OrderStateView) => boolean, what: string, timeoutMs?: number) {
      return eventually(
        async () => {
          const s = await orderState(orderId);
          return ready(s) ? s : undefined;
        },
        what,
        timeoutMs,
      );
    },

    /** The item's task with this recipe task id, once the item has materialised it. */
    async task(orderItemId: string, defId: string): Promise<TaskView> {
      const s = await driver.untilItem(orderItemId, (x) => x.tasks.some((t) => t.defId === defId), `task ${defId}`);
      return s.tasks.find((t) => t.defId === defId)!;
    },

    kds<N extends KdsUpdateName>(orderItemId: string, update: N, args: KdsUpdateArgs<N>, updateId?: string): Promise<KitchenResult<KdsUpdateResult<N>>> {
      return kdsUpdate(h.client, { orderItemId, update, args, updateId });
    },

    /** A KDS action that must succeed; a rejection fails the test with its message. */
    async ok<N extends KdsUpdateName>(orderItemId: string, update: N, args: KdsUpdateArgs<N>): Promise<KdsUpdateResult<N>> {
      const result = await kdsUpdate(h.client, { orderItemId, update, args });
      if (!result.ok) throw new Error(`${update} was rejected: ${result.code} ${result.message}`);
      return result.result;
    },

    /** Starts and completes a task, ticking its required subtasks first. */
    async cook(orderItemId: string, defId: string): Promise<void> {
      const task = await driver
        .untilItem(orderItemId, (s) => s.tasks.some((t) => t.defId === defId && t.status === 'QUEUED'), `${defId} queued`)
        .then((s) => s.tasks.find((t) => t.defId === defId)!);
      await driver.ok(orderItemId, 'startTask', { taskId: task.id });
      for (const sub of task.subtasks.filter((s) => !s.optional && !s.completed)) {
        await driver.ok(orderItemId, 'completeSubtask', { taskId: task.id, subtaskId: sub.id });
      }
      await driver.ok(orderItemId, 'completeTask', { taskId: task.id });
    },

    /** Task rows as stored, by recipe task id. */
    async rows(orderItemId: string) {
      const rows = await h.prisma.taskInstance.findMany({ where: { tenantId: kitchen.tenantId, orderItemId }, include: { subtasks: true } });
      return Object.fromEntries(rows.map((r) => [r.taskDefId, r]));
    },
  };
  return driver;
}
