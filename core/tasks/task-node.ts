import type { Prisma, Station, SubtaskInstance, TaskInstance, TaskStatus } from '../../prisma/generated/client';
import type { TaskView } from '../../workflows/item-workflow';
import type { OrderItemWithTasks, OrderWithItems } from '../orders/order-include';

/** A task of the same item: enough to show what it waits for and what waits for it. */
export interface SiblingTask {
  id: string;
  name: string;
  status: TaskStatus;
  dependsOn: string[];
  stationType: string;
  station: { id: string; name: string } | null;
}

export interface TaskOrderSummary {
  id: string;
  orderNumber: number;
  status: string;
  priority: number;
  channel: string;
  customerName: string | null;
  notes: string | null;
  /** The ready time promised when it was taken (its first ETA): ranks its tasks in the station queues. */
  promisedReadyAt: Date | null;
}

export interface TaskItemSummary {
  id: string;
  nameSnapshot: string;
  quantity: number;
  modifications: string | null;
  /** The ordered modifier options (JSON, domain/menu OrderedModifier[]). */
  modifiers: Prisma.JsonValue;
  notes: string | null;
  menuItem: { id: string; name: string; allergens: string[] };
}

/**
 * What the TaskInstance GraphQL type resolves from: the row with its station and subtasks, plus
 * its order, its item and the item's other tasks, all loaded up front (no query per field).
 */
export interface TaskNode {
  task: TaskInstance & { station: Station | null; subtasks: SubtaskInstance[] };
  order: TaskOrderSummary;
  item: TaskItemSummary;
  siblings: SiblingTask[];
}

/**
 * How much of a task one read loads: 'full' (also its order, its item and the item's other
 * tasks), 'own' (the task, its station and its subtasks: what a KDS action's answer usually
 * asks for, one of the busiest reads of a kitchen), 'view' (only what the item workflow knows of
 * the task: a KDS action answers it from the workflow's reply, without a read; a query reads
 * 'own') or 'id' (nothing: the client asked for the id alone; only a KDS action answers that
 * without a read, the action itself having found the task in the caller's tenant).
 */
export type CardScope = 'full' | 'own' | 'view' | 'id';

/** A part a narrower read did not load (beyond `known`): reading it fails loudly instead of answering wrong. */
function notLoaded<T extends object>(part: string, scope: CardScope, known: Partial<T> = {}): T {
  return new Proxy(known as T, {
    get(target, prop) {
      if (typeof prop === 'symbol' || prop === 'then' || prop === 'toJSON') return undefined;
      if (Object.hasOwn(target, prop)) return target[prop as keyof T];
      throw new Error(`Task card read without its ${part} (CardScope '${scope}'), then asked for ${part}.${prop}`);
    },
  });
}

export function ownTaskNode(task: TaskNode['task']): TaskNode {
  return { task, order: notLoaded('order', 'own'), item: notLoaded('item', 'own'), siblings: notLoaded('sibling tasks', 'own') };
}

/**
 * The answer to a KDS action from the item workflow's reply (its view of the task, just
 * changed): for a client that asked only for what the view holds (CardScope 'view').
 */
export function viewTaskNode(view: TaskView): TaskNode {
  const date = (iso: string | null) => (iso === null ? null : new Date(iso));
  const subtasks = view.subtasks.map((s) =>
    notLoaded<SubtaskInstance>('subtask', 'view', { id: s.id, name: s.name, optional: s.optional, isCompleted: s.completed }),
  );
  const known = {
    id: view.id,
    name: view.name,
    status: view.status,
    stationType: view.stationType,
    startedAt: date(view.startedAt),
    completedAt: date(view.completedAt),
    subtasks,
  };
  return {
    task: notLoaded<TaskNode['task']>('row', 'view', known),
    order: notLoaded('order', 'view'),
    item: notLoaded('item', 'view'),
    siblings: notLoaded('sibling tasks', 'view'),
  };
}

/** The answer to a KDS action whose client asked for nothing but the task's id. */
export function idTaskNode(id: string): TaskNode {
  return {
    task: notLoaded<TaskNode['task']>('row', 'id', { id }),
    order: notLoaded('order', 'id'),
    item: notLoaded('item', 'id'),
    siblings: notLoaded('sibling tasks', 'id'),
  };
}

/** Tasks as part of an order already loaded with orderInclude: built from it, no extra query. */
export function orderTaskNodes(order: OrderWithItems, item: OrderItemWithTasks): TaskNode[] {
  const { items: _items, ...summary } = order;
  const { tasks, menuItem, ...rest } = item;
  const itemSummary: TaskItemSummary = { ...rest, menuItem };
  const orderSummary: TaskOrderSummary = { ...summary, promisedReadyAt: order.initialEstimatedReadyAt };
  return tasks.map((task) => ({ task, order: orderSummary, item: itemSummary, siblings: tasks }));
}

/** Names of the item's tasks that wait for this one (the KDS shows "then: Bake"). */
export function downstreamOf(node: TaskNode): SiblingTask[] {
  return node.siblings.filter((s) => s.dependsOn.includes(node.task.id));
}
