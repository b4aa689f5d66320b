import { createHash, randomUUID } from 'node:crypto';
import type { ItemPlan, KitchenActivities, OrderPlan, TaskRef } from '../../contracts/kitchen-activities';
import { analyzeRecipe, deductPhaseId, taskIndex, type WorkflowDefinition } from '../../domain/recipe';

/**
 * The kitchen activities with the side effects taken out: each returns a canned answer at once
 * (no PostgreSQL, no events, no ETA simulation), so the same workflows run with the same shape
 * (one item workflow per item, the recipe's tasks released as dependencies finish, KDS updates,
 * timers) and what is left is the cost of Temporal itself. The bench compares throughput with
 * these against the real activities on the same server.
 *
 * `lookup` says what an order contains (the bench registers it before starting the workflow);
 * `hooks` tell the driver what the workflows did, where the real system would emit Socket.io events.
 */
export interface NoopOrder {
  tenantId: string;
  priority: number;
  items: Array<{ orderItemId: string; recipe: WorkflowDefinition }>;
}

export interface NoopHooks {
  taskQueued?(ref: TaskRef): void;
  orderStatus?(orderId: string, status: string): void;
}

/**
 * Ids of no-op orders that carry their dish, so a worker in another process needs no registry:
 * order `d<dish index>.<uuid>`, its one item `<order id>.0`.
 */
export const noopIds = {
  order: (dish: number) => `d${dish}.${randomUUID()}`,
  item: (orderId: string) => `${orderId}.0`,
  orderOfItem: (orderItemId: string) => orderItemId.slice(0, orderItemId.lastIndexOf('.')),
  dishOf: (orderId: string) => Number(orderId.slice(1, orderId.indexOf('.'))),
};

/** A stable uuid-shaped id, so a retried activity returns the same task ids. */
export function stableId(...parts: string[]): string {
  const h = createHash('sha1').update(parts.join('|')).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function itemPlan(order: NoopOrder, tenantId: string, orderId: string, orderItemId: string): ItemPlan {
  const recipe = order.items.find((i) => i.orderItemId === orderItemId)?.recipe;
  if (!recipe) throw new Error(`noop: unknown order item ${orderItemId}`);
  const index = taskIndex(recipe);
  const idOf = (defId: string) => stableId(orderItemId, defId);
  const tasks = [...index.values()].map(({ task, phase }) => ({
    id: idOf(task.id),
    defId: task.id,
    phaseId: phase.id,
    name: task.name,
    stationType: task.station_type,
    dependsOn: task.depends_on.map(idOf),
    estimatedMinutes: task.estimated_minutes,
    status: 'PENDING' as const,
    stationId: null,
    subtasks: task.subtasks.map((s) => ({ id: stableId(orderItemId, task.id, s.id), defId: s.id, name: s.name, optional: s.optional, completed: false })),
  }));
  return {
    tenantId,
    orderId,
    orderItemId,
    quantity: 1,
    priority: order.priority,
    deductPhaseId: deductPhaseId(recipe),
    criticalPathMinutes: analyzeRecipe(recipe).totalMinutes,
    tasks,
  };
}

export function createNoopActivities(
  lookup: (orderId: string) => NoopOrder,
  orderOfItem: (orderItemId: string) => string,
  hooks: NoopHooks = {},
): KitchenActivities {
  const now = () => new Date().toISOString();
  return {
    async loadOrderPlan({ tenantId, orderId }): Promise<OrderPlan> {
      const order = lookup(orderId);
      return {
        tenantId,
        orderId,
        priority: order.priority,
        requestedAt: null,
        status: 'NEW',
        items: order.items.map((i) => ({ orderItemId: i.orderItemId, criticalPathMinutes: analyzeRecipe(i.recipe).totalMinutes, status: 'PENDING' })),
      };
    },
    async materializeItemTasks({ tenantId, orderItemId }) {
      const orderId = orderOfItem(orderItemId);
      return itemPlan(lookup(orderId), tenantId, orderId, orderItemId);
    },
    async enqueueTask(ref) {
      hooks.taskQueued?.(ref);
      return { stationId: stableId('station', ref.tenantId) };
    },
    startTask: async () => ({ startedAt: now() }),
    undoStartTask: async () => undefined,
    completeTask: async () => ({ completedAt: now() }),
    completeSubtask: async () => undefined,
    recallTask: async () => undefined,
    reassignTask: async ({ stationId }) => ({ stationId }),
    deductInventory: async () => ({ movements: 0 }),
    returnInventory: async () => ({ movements: 0 }),
    cancelItemTasks: async () => undefined,
    setItemStatus: async () => undefined,
    async setOrderStatus({ orderId, status }) {
      hooks.orderStatus?.(orderId, status);
    },
    // A real ETA ten minutes out, so the item arms its late timer exactly as with the real activity.
    recalculateEta: async () => ({ itemEta: new Date(Date.now() + 10 * 60_000).toISOString() }),
    checkItemLate: async () => ({ late: false, eta: null }),
    // No forecast: the order keeps its plan, as with a kitchen whose ETA is unknown.
    forecastOrderItems: async () => ({ at: now(), items: [] }),
    moveItemFireTime: async () => undefined,
  };
}
