import { condition, proxyActivities, proxyLocalActivities } from '@temporalio/workflow';
import type { KitchenActivities, TaskRef } from '../../contracts/kitchen-activities';
import { INVENTORY, LOCAL_INVENTORY, LOCAL_WRITE } from '../support/activity-profiles';
import { businessFailureType } from '../support/failures';
import type { Mutex } from 'async-mutex';
import type { ItemModel, TaskView } from './model';

const writes = proxyLocalActivities<KitchenActivities>(LOCAL_WRITE);
const inventory = proxyActivities<KitchenActivities>(INVENTORY);
const localInventory = proxyLocalActivities<KitchenActivities>(LOCAL_INVENTORY);

export interface ItemIdentity {
  tenantId: string;
  orderId: string;
  orderItemId: string;
}

/** Typed in-place update of a task view. */
export function patch(task: TaskView, changes: Partial<TaskView>): void {
  Object.assign(task, changes);
}

/**
 * The item's own transitions (fire, release, cancel, finish) and its saga: the inventory
 * deduction registers its compensation right after it succeeds, and cancel runs the
 * compensations newest first. Public methods take the mutex; `release` and `deduct` are
 * called by holders of it.
 */
export class ItemLifecycle {
  private compensations: Array<() => Promise<unknown>> = [];

  constructor(
    private readonly id: ItemIdentity,
    private readonly model: ItemModel,
    private readonly mutex: Mutex,
  ) {}

  ref(taskId: string): TaskRef {
    return { ...this.id, taskId };
  }

  itemRef(): { tenantId: string; orderItemId: string } {
    return { tenantId: this.id.tenantId, orderItemId: this.id.orderItemId };
  }

  /** After continue-as-new the closures are gone; the carried flags say what to rebuild. */
  restoreCompensations(): void {
    if (this.model.deducted) this.compensations = [() => inventory.returnInventory(this.itemRef())];
  }

  /** `local`: as a local activity (FIRST_START_PATCH); histories from before it ran a regular one. */
  async deduct(local: boolean): Promise<void> {
    await (local ? localInventory : inventory).deductInventory(this.itemRef());
    this.model.deducted = true;
    this.compensations.push(() => inventory.returnInventory(this.itemRef()));
  }

  /** Sends each task whose dependencies are DONE to a station, one at a time so load balancing sees the previous one. */
  async release(includeBlocked: boolean): Promise<void> {
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

  /** The paced fire time has come (or the item became urgent): release what is ready. */
  fire(): Promise<void> {
    return this.mutex.runExclusive(async () => {
      if (this.model.phase !== 'WAITING') return;
      this.model.phase = 'FIRED';
      this.model.changed('item-fired');
      await this.release(false);
    });
  }

  /** Stores a re-paced fire time while the item still waits (a fire that came first makes it moot). */
  moveFireTime(): Promise<void> {
    return this.mutex.runExclusive(async () => {
      const moved = this.model.fireMoved;
      this.model.fireMoved = false;
      if (!moved || this.model.phase !== 'WAITING' || this.model.fireAt === null) return;
      await writes.moveItemFireTime({ ...this.itemRef(), fireAt: this.model.fireAt });
    });
  }

  retryBlocked(): Promise<void> {
    return this.mutex.runExclusive(() => (this.model.phase === 'FIRED' ? this.release(true) : Promise.resolve()));
  }

  async cancel(reason: string): Promise<void> {
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
