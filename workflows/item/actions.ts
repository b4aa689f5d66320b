import { condition, patched, proxyLocalActivities } from '@temporalio/workflow';
import type { KitchenActivities } from '../../contracts/kitchen-activities';
import { LOCAL_KDS_ACTION, LOCAL_WRITE } from '../support/activity-profiles';
import { asBusinessFailure, reject } from '../support/failures';
import type { Mutex } from 'async-mutex';
import { checkComplete, checkCompleteSubtask, checkReassign, checkRecall, checkStart, checkUndoStart } from './checks';
import { patch, type ItemLifecycle } from './lifecycle';
import type { ItemModel, TaskView } from './model';

const kds = proxyLocalActivities<KitchenActivities>(LOCAL_KDS_ACTION);
const writes = proxyLocalActivities<KitchenActivities>(LOCAL_WRITE);

/**
 * An item's first start takes one workflow task: inventory is deducted by a local activity and
 * the parent's signal is sent without waiting for its delivery. Before, the cook's answer waited
 * for a regular activity and the signal's round trip (most of "start" under load in the bench).
 */
export const FIRST_START_PATCH = 'first-start-in-one-workflow-task';

/**
 * Undo of a wrong Start. Histories from before it never run the path; those after carry this
 * marker, so a later change to what an undo does branches on a new patch instead of editing
 * this one. Unpatched (a replayed undo without the marker, which no release wrote) it refuses.
 */
export const UNDO_START_PATCH = 'kds-undo-start';

/** Each completed task (but the last) is told to the parent order, which re-paces its waiting items from it. */
export const PROGRESS_TO_PARENT_PATCH = 'item-tells-parent-its-progress';

export interface TaskActionInput {
  taskId: string;
  userId?: string | null;
}

/**
 * The KDS actions, each under the mutex and re-checked there (the validator saw the state
 * before earlier queued updates ran). The in-memory state changes only after its activity
 * succeeded, so a rejected or failed action leaves workflow and database as they were.
 */
export class ItemActions {
  constructor(
    private readonly model: ItemModel,
    private readonly mutex: Mutex,
    private readonly lifecycle: ItemLifecycle,
    private readonly notifyFirstStart: () => Promise<void>,
    private readonly notifyProgress: () => Promise<void> = () => Promise.resolve(),
  ) {}

  /** Only an action accepted while loading waits (on a ticket fired at the counter); others go straight on. */
  private async loaded(): Promise<void> {
    if (this.model.phase === 'LOADING') await condition(() => this.model.phase !== 'LOADING');
  }

  async startTask(input: TaskActionInput): Promise<TaskView> {
    await this.loaded();
    return this.mutex.runExclusive(async () => {
      const task = checkStart(this.model, input.taskId);
      const { startedAt } = await asBusinessFailure(() => kds.startTask({ ...this.lifecycle.ref(task.id), userId: input.userId ?? null }));
      patch(task, { status: 'IN_PROGRESS', startedAt });
      this.model.changed('task-started');
      const followUps: Array<Promise<void>> = [];
      const deducting = !this.model.deducted && task.phaseId === this.model.deductPhaseId;
      const firstStart = !this.model.startedNotified;
      // Asked only when there is a first-start step to take, so other starts replay unchanged.
      const quick = (deducting || firstStart) && patched(FIRST_START_PATCH);
      if (deducting) followUps.push(this.lifecycle.deduct(quick));
      if (firstStart) followUps.push(this.firstStart(quick));
      await Promise.all(followUps);
      return this.model.taskView(task.id);
    });
  }

  /**
   * The item's first start: its status, then the parent order hears of it (it turns PREPARING).
   * `quick` (FIRST_START_PATCH): the cook's answer does not wait for that signal to be delivered.
   * notifyParent never rejects, so nothing is left unhandled.
   */
  private async firstStart(quick: boolean): Promise<void> {
    this.model.startedNotified = true;
    await writes.setItemStatus({ ...this.lifecycle.itemRef(), status: 'IN_PROGRESS' });
    if (quick) void this.notifyFirstStart();
    else await this.notifyFirstStart();
  }

  /**
   * IN_PROGRESS → QUEUED (the activity refuses once the window has passed). What the start set
   * off stays: the inventory deducted and the item IN_PROGRESS, and the order PREPARING (the
   * order workflow is not told; the next start would set them anyway).
   */
  async undoStartTask(input: TaskActionInput): Promise<TaskView> {
    await this.loaded();
    return this.mutex.runExclusive(async () => {
      const task = checkUndoStart(this.model, input.taskId);
      if (!patched(UNDO_START_PATCH)) reject('INVALID_TRANSITION', `Task "${task.name}" cannot be undone by this version of the kitchen`);
      await asBusinessFailure(() => kds.undoStartTask(this.lifecycle.ref(task.id)));
      patch(task, { status: 'QUEUED', startedAt: null });
      this.model.changed('task-unstarted');
      return this.model.taskView(task.id);
    });
  }

  async completeTask(input: TaskActionInput): Promise<TaskView> {
    await this.loaded();
    return this.mutex.runExclusive(async () => {
      const task = checkComplete(this.model, input.taskId);
      const { completedAt } = await asBusinessFailure(() => kds.completeTask({ ...this.lifecycle.ref(task.id), userId: input.userId ?? null }));
      patch(task, { status: 'DONE', completedAt });
      this.model.completions.push(task.id);
      this.model.changed('task-completed');
      if (this.model.phase === 'FIRED') await this.lifecycle.release(false);
      // The last one settles the item, which the parent hears anyway; not waited for (notifyParent never rejects).
      if (!this.model.allDone() && patched(PROGRESS_TO_PARENT_PATCH)) void this.notifyProgress();
      return this.model.taskView(task.id);
    });
  }

  async completeSubtask(input: TaskActionInput & { subtaskId: string }): Promise<TaskView> {
    await this.loaded();
    return this.mutex.runExclusive(async () => {
      const task = checkCompleteSubtask(this.model, input.taskId, input.subtaskId);
      const ref = { ...this.lifecycle.ref(task.id), subtaskId: input.subtaskId, userId: input.userId ?? null };
      await asBusinessFailure(() => kds.completeSubtask(ref));
      task.subtasks.find((s) => s.id === input.subtaskId)!.completed = true;
      this.model.changed();
      return this.model.taskView(task.id);
    });
  }

  async recallTask(input: { taskId?: string }): Promise<TaskView> {
    await this.loaded();
    return this.mutex.runExclusive(async () => {
      const task = checkRecall(this.model, input.taskId);
      const dependents = this.model.dependents(task.id);
      const requeue = dependents.filter((d) => d.status === 'QUEUED').map((d) => d.id);
      await asBusinessFailure(() => kds.recallTask({ ...this.lifecycle.ref(task.id), requeueDependents: requeue }));
      patch(task, { status: 'IN_PROGRESS', completedAt: null });
      this.model.completions = this.model.completions.filter((id) => id !== task.id);
      // Released dependents go back to waiting: their dependency is open again.
      for (const d of dependents) if (d.status === 'QUEUED' || d.status === 'BLOCKED') patch(d, { status: 'PENDING', stationId: null });
      this.model.changed('task-recalled');
      return this.model.taskView(task.id);
    });
  }

  async reassignTask(input: { taskId: string; stationId: string }): Promise<TaskView> {
    await this.loaded();
    return this.mutex.runExclusive(async () => {
      const task = checkReassign(this.model, input.taskId, input.stationId);
      const { stationId } = await asBusinessFailure(() => kds.reassignTask({ ...this.lifecycle.ref(task.id), stationId: input.stationId }));
      task.stationId = stationId;
      this.model.changed('task-reassigned');
      return this.model.taskView(task.id);
    });
  }
}
