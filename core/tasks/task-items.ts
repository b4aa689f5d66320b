import { LRUCache } from 'lru-cache';

/**
 * Which order item (and so which item workflow) a task belongs to, per tenant. A task never
 * changes item, so what this API node learned once (a KDS action's lookup, or the order it took
 * at the counter) is kept, for the 10,000 tasks used most recently.
 */
const itemOfTask = new LRUCache<string, string>({ max: 10_000 });

const key = (tenantId: string, taskId: string) => `${tenantId}:${taskId}`;

export function knownTaskItem(tenantId: string, taskId: string): string | undefined {
  return itemOfTask.get(key(tenantId, taskId));
}

export function rememberTaskItem(tenantId: string, taskId: string, orderItemId: string): void {
  itemOfTask.set(key(tenantId, taskId), orderItemId);
}

/** The tasks of an order just taken: its cooks' first actions need no lookup. */
export function rememberOrderTasks(tenantId: string, items: Array<{ id: string; tasks: Array<{ id: string }> }>): void {
  for (const item of items) for (const task of item.tasks) rememberTaskItem(tenantId, task.id, item.id);
}
