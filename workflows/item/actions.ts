import { condition, proxyActivities } from '@temporalio/workflow';
import type { KitchenActivities, TaskRef } from '../../activities/contract';
import { INVENTORY, KDS_ACTION, KITCHEN_WRITE } from '../support/activity-profiles';
import { asBusinessFailure, businessFailureType } from '../support/failures';
import type { Mutex } from '../support/mutex';
import { checkComplete, checkCompleteSubtask, checkReassign, checkRecall, checkStart } from './checks';
import type { ItemModel, TaskView } from './model';

const kds = proxyActivities<KitchenActivities>(KDS_ACTION);
const writes = proxyActivities<KitchenActivities>(KITCHEN_WRITE);
const inventory = proxyActivities<KitchenActivities>(INVENTORY);

/** Typed in-place update of a task view. */
function patch(task: TaskView, changes: Partial<TaskView>): void {
  Object.assign(task, changes);
}

export interface ItemIdentity {
  tenantId: string;
  orderId: string;
  orderItemId: string;
}

export interface TaskActionInput {
  taskId: string;
  userId?: string | null;
}

/**
 * Every state change of an item, each under the mutex and re-checked there. The in-memory
 * state changes only after its activity succeeded, so a rejected or failed action leaves
 * both the workflow and the database as they were.
 */
export class ItemActions {
  /** Undo steps registered right after each side effect, run newest first on cancel. */
  private compensations: Array<() => Promise<unknown>> = [];

  constructor(
    private readonly id: ItemIdentity,
    private readonly model: ItemModel,
    private readonly mutex: Mutex,
    private readonly notifyFirstStart: () => Promise<void>,
  ) {}

  private ref(taskId: string): TaskRef {
    return { ...this.id, taskId };
  }

  /** After continue-as-new the closures are gone; the carried flags say what to rebuild. */
  restoreCompensations(): void {
    if (this.model.deducted) this.compensations = [() => inventory.returnInventory(this.itemRef())];
  }

  private itemRef() {
    return { tenantId: this.id.tenantId, orderItemId: this.id.orderItemId };
  }

  startTask(input: TaskActionInput): Promise<TaskView> {
    return this.mutex.runExclusive(async () => {
      const task = checkStart(this.model, input.taskId);
      const { startedAt } = await asBusinessFailure(() => kds.startTask({ ...this.ref(task.id), userId: input.userId ?? null }));
      patch(task, { status: 'IN_PROGRESS', startedAt });
      this.model.changed('task-started');
      const followUps: Array<Promise<void>> = [];
      if (!this.model.deducted && task.phaseId === this.model.deductPhaseId) followUps.push(this.deduct());
      if (!this.model.startedNotified) followUps.push(this.firstStart());
      await Promise.all(followUps);
      return this.model.taskView(task.id);
    });
  }

  private async deduct(): Promise<void> {
    await inventory.deductInventory(this.itemRef());
    this.model.deducted = true;
    this.compensations.push(() => inventory.returnInventory(this.itemRef()));
  }

  private async firstStart(): Promise<void> {
    this.model.startedNotified = true;
    await writes.setItemStatus({ ...this.itemRef(), status: 'IN_PROGRESS' });
    await this.notifyFirstStart();
  }

  completeTask(input: TaskActionInput): Promise<TaskView> {
    return this.mutex.runExclusive(async () => {
      const task = checkComplete(this.model, input.taskId);
      const { completedAt } = await asBusinessFailure(() => kds.completeTask({ ...this.ref(task.id), userId: input.userId ?? null }));
      patch(task, { status: 'DONE', completedAt });
      this.model.completions.push(task.id);
      this.model.changed('task-completed');
      if (this.model.phase === 'FIRED') await this.release(false);
      return this.model.taskView(task.id);
    });
  }

  completeSubtask(input: TaskActionInput & { subtaskId: string }): Promise<TaskView> {
    return this.mutex.runExclusive(async () => {
      const task = checkCompleteSubtask(this.model, input.taskId, input.subtaskId);
      await asBusinessFailure(() => kds.completeSubtask({ ...this.ref(task.id), subtaskId: input.subtaskId, userId: input.userId ?? null }));
      task.subtasks.find((s) => s.id === input.subtaskId)!.completed = true;
      this.model.changed();
      return this.model.taskView(task.id);
    });
  }

  recallTask(input: { taskId?: string } | undefined): Promise<TaskView> {
    return this.mutex.runExclusive(async () => {
      const task = checkRecall(this.model, input?.taskId);
      const dependents = this.model.dependents(task.id);
      const requeue = dependents.filter((d) => d.status === 'QUEUED').map((d) => d.id);
      await asBusinessFailure(() => kds.recallTask({ ...this.ref(task.id), requeueDependents: requeue }));
      patch(task, { status: 'IN_PROGRESS', completedAt: null });
      this.model.completions = this.model.completions.filter((id) => id !== task.id);
      // Released dependents go back to waiting: their dependency is open again.
      for (const d of dependents) if (d.status === 'QUEUED' || d.status === 'BLOCKED') patch(d, { status: 'PENDING', stationId: null });
      this.model.changed('task-recalled');
      return this.model.taskView(task.id);
    });
  }

  reassignTask(input: { taskId: string; stationId: string }): Promise<TaskView> {
    return this.mutex.runExclusive(async () => {
      const task = checkReassign(this.model, input.taskId, input.stationId);
      const { stationId } = await asBusinessFailure(() => kds.reassignTask({ ...this.ref(task.id), stationId: input.stationId }));
      task.stationId = stationId;
      this.model.changed('task-reassigned');
      return this.model.taskView(task.id);
    });
  }

  /** The paced fire time has come (or the item became urgent): release what is ready. */
  fire(): Promise<void> {
    return this.mutex.runExclusive(async () => {
      if (this.model.phase !== 'WAITING') return;
      this.model.phase = 'FIRED';
      this.model.changed('item-fired');
      await this.release(false);
    });
  }

  retryBlocked(): Promise<void> {
    return this.mutex.runExclusive(() => (this.model.phase === 'FIRED' ? this.release(true) : Promise.resolve()));
  }

  /** Sends each task whose dependencies are DONE to a station, one at a time so load balancing sees the previous one. */
  private async release(includeBlocked: boolean): Promise<void> {
    for (const task of this.model.releasable(includeBlocked)) {
      try {
        const { stationId } = await writes.enqueueTask(this.ref(task.id));
        patch(task, { status: 'QUEUED', stationId });
      } catch (err) {
        if (!businessFailureType(err)) throw err;
        // No suitable active station right now; the main loop retries on a timer.
        task.status = 'BLOCKED';
      }
      this.model.changed('task-queued');
    }
  }

  cancel(reason: string): Promise<void> {
    return (async () => {
      // Cancelling while the tasks are still being created would race their creation.
      await condition(() => this.model.phase !== 'LOADING');
      await this.mutex.runExclusive(async () => {
        if (this.model.closed) return;
        this.model.cancelReason = reason;
        await writes.cancelItemTasks({ ...this.itemRef(), reason });
        for (const undo of this.compensations.reverse()) await undo();
        this.compensations = [];
        await writes.setItemStatus({ ...this.itemRef(), status: 'CANCELLED' });
        for (const task of this.model.tasks.values()) if (this.model.isOpen(task)) task.status = 'CANCELLED';
        this.model.phase = 'CANCELLED';
        this.model.changed('item-cancelled');
      });
    })();
  }

  finish(): Promise<void> {
    return this.mutex.runExclusive(async () => {
      if (this.model.closed || !this.model.allDone()) return;
      await writes.setItemStatus({ ...this.itemRef(), status: 'DONE' });
      this.model.phase = 'DONE';
      this.model.changed('item-done');
    });
  }
}
