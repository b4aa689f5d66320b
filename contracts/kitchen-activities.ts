/**
 * The contract between the kitchen workflows and their activities. Workflows import these
 * types only (`import type`), never activity code. Every activity is idempotent: it is keyed
 * on workflow id + step (or on the row's current state), so a retry after a crash is success.
 *
 * Business failures are ApplicationFailure.nonRetryable whose type is a FailureType of
 * core/errors.ts; the API maps it back to the code listed there.
 */

import type { HandOffStatus } from '../domain/kitchen/hand-off';

export interface PlannedSubtask {
  id: string; // subtask_instances.id
  defId: string;
  name: string;
  optional: boolean;
  completed: boolean;
}

export interface PlannedTask {
  id: string; // task_instances.id
  defId: string;
  phaseId: string;
  name: string;
  stationType: string;
  dependsOn: string[]; // task instance ids
  estimatedMinutes: number; // already scaled by quantity
  status: 'PENDING' | 'QUEUED' | 'IN_PROGRESS' | 'DONE' | 'BLOCKED' | 'CANCELLED';
  stationId: string | null;
  subtasks: PlannedSubtask[];
}

export interface ItemPlan {
  tenantId: string;
  orderId: string;
  orderItemId: string;
  quantity: number;
  priority: number;
  /** Phase whose first started task deducts inventory. */
  deductPhaseId: string;
  criticalPathMinutes: number;
  tasks: PlannedTask[]; // topological order
}

export interface OrderPlan {
  tenantId: string;
  orderId: string;
  priority: number;
  requestedAt: string | null; // ISO
  status: string;
  /** `fireAt` (ISO) is set when the plan was made at the counter (createOrder) and its fired items' first tasks already queued. */
  items: Array<{ orderItemId: string; criticalPathMinutes: number; status: string; fireAt?: string | null }>;
}

export interface OrderForecast {
  /** The kitchen time the forecast was made at (ISO). */
  at: string;
  items: Array<{ orderItemId: string; readyAt: string | null; plannedStartAt: string | null }>;
}

export interface TaskRef {
  tenantId: string;
  orderId: string;
  orderItemId: string;
  taskId: string;
}

export interface KitchenActivities {
  /** Loads the order, its items and each item's pinned recipe critical path. */
  loadOrderPlan(input: { tenantId: string; orderId: string }): Promise<OrderPlan>;
  /** Creates (once) the task and subtask instances of an item from its pinned recipe version. */
  materializeItemTasks(input: { tenantId: string; orderItemId: string; plannedStartAt: string | null }): Promise<ItemPlan>;
  /** PENDING → QUEUED at the least-loaded suitable active station. Returns the station. */
  enqueueTask(input: TaskRef): Promise<{ stationId: string }>;
  /** QUEUED → IN_PROGRESS if the station has a free slot (else STATION_AT_CAPACITY). */
  startTask(input: TaskRef & { userId: string | null }): Promise<{ startedAt: string }>;
  /** IN_PROGRESS → DONE, records the actual duration once. */
  completeTask(input: TaskRef & { userId: string | null }): Promise<{ completedAt: string }>;
  completeSubtask(input: TaskRef & { subtaskId: string; userId: string | null }): Promise<void>;
  /**
   * IN_PROGRESS → QUEUED (undo a wrong start) within UNDO_START_WINDOW_MS of its start, else
   * UNDO_WINDOW_PASSED: started_at is cleared and queued_at kept, so no duration is recorded from it.
   */
  undoStartTask(input: TaskRef): Promise<void>;
  /** DONE → IN_PROGRESS (undo a bump); dependents that were queued go back to PENDING. */
  recallTask(input: TaskRef & { requeueDependents: string[] }): Promise<void>;
  /** Moves a queued task to another suitable station of the tenant. */
  reassignTask(input: TaskRef & { stationId: string }): Promise<{ stationId: string }>;
  /** Exactly once per item: one inventory_movements row per ingredient. */
  deductInventory(input: { tenantId: string; orderItemId: string }): Promise<{ movements: number }>;
  /** Compensation: returns what deductInventory took (exactly once). */
  returnInventory(input: { tenantId: string; orderItemId: string }): Promise<{ movements: number }>;
  /** Cancels the item's open tasks and releases their station slots. */
  cancelItemTasks(input: { tenantId: string; orderItemId: string; reason: string }): Promise<void>;
  setItemStatus(input: { tenantId: string; orderItemId: string; status: 'IN_PROGRESS' | 'DONE' | 'CANCELLED' }): Promise<void>;
  setOrderStatus(input: {
    tenantId: string;
    orderId: string;
    /** DELIVERING: the name OUT_FOR_DELIVERY had, still sent by runs from before the rename. */
    status: 'NEW' | 'PREPARING' | 'READY' | HandOffStatus | 'DELIVERING' | 'CANCELLED';
    /** Why it was cancelled, or why its delivery failed. */
    reason?: string;
  }): Promise<void>;
  /**
   * Simulates the kitchen forward and stores/emits ETAs. Returns when the asked item must next be
   * checked for lateness (ISO): its ETA, or the time promised at order time if that is earlier.
   */
  recalculateEta(input: { tenantId: string; orderItemId?: string; reason: string }): Promise<{ itemEta: string | null }>;
  /**
   * Re-pacing: the order's open items as an ETA run computed after this call sees them, each with
   * its forecast ready time and the planned start (fire time) that forecast assumed (ISO; null = unknown).
   */
  forecastOrderItems(input: { tenantId: string; orderId: string }): Promise<OrderForecast>;
  /** A waiting item's fire time moved: its unstarted tasks' planned starts follow (offsets kept) and the boards hear of it. */
  moveItemFireTime(input: { tenantId: string; orderItemId: string; fireAt: string }): Promise<void>;
  /** Called when an item's ETA timer fires: marks it late (raising priority) if it really is. */
  checkItemLate(input: { tenantId: string; orderItemId: string }): Promise<{ late: boolean; eta: string | null }>;
}
