import { reject } from '../support/failures';
import type { ItemModel, TaskView } from './model';

/**
 * The rules of the KDS actions. Each runs twice: in the update's validator (a rejection is
 * not written to history) and again inside the handler once it holds the mutex, because an
 * update queued behind another sees the state that one left behind.
 */

function assertItemOpen(model: ItemModel): void {
  if (model.phase === 'CANCELLED')
    reject('ITEM_CLOSED', `Order item ${model.orderItemId} was cancelled${model.cancelReason ? ` (${model.cancelReason})` : ''}`);
  if (model.phase === 'DONE') reject('ITEM_CLOSED', `Order item ${model.orderItemId} is already done`);
}

function label(task: TaskView): string {
  return `"${task.name}"`;
}

/**
 * A PENDING task whose dependencies are all DONE in a fired item is being released right now:
 * its enqueue activity may already have committed (the KDS shows the ticket) while the
 * workflow still waits for the result under the mutex. To the cook it is queued.
 */
export function isBeingReleased(model: ItemModel, task: TaskView): boolean {
  return task.status === 'PENDING' && model.phase === 'FIRED' && model.openDependencies(task).length === 0;
}

function shownStatus(model: ItemModel, task: TaskView): string {
  return isBeingReleased(model, task) ? 'QUEUED' : task.status;
}

/**
 * `whileReleasing` is the validator's view: a start tapped on a ticket whose release is still
 * in flight is accepted, and the handler (which runs after the release under the mutex)
 * checks again strictly.
 */
export function checkStart(model: ItemModel, taskId: string, whileReleasing = false): TaskView {
  assertItemOpen(model);
  const task = model.task(taskId);
  if (whileReleasing && isBeingReleased(model, task)) return task;
  if (task.status !== 'QUEUED') {
    const why = task.status === 'PENDING' ? 'it is not released to a station yet' : `it is ${task.status}`;
    reject('INVALID_TRANSITION', `Task ${label(task)} cannot be started: ${why}; only a QUEUED task can start`);
  }
  return task;
}

/** Only a task in progress can have its start taken back; the window is the activity's to measure. */
export function checkUndoStart(model: ItemModel, taskId: string): TaskView {
  assertItemOpen(model);
  const task = model.task(taskId);
  if (task.status !== 'IN_PROGRESS') {
    reject('INVALID_TRANSITION', `Task ${label(task)} cannot be undone: it is ${shownStatus(model, task)}; only a task IN_PROGRESS can go back to the queue`);
  }
  return task;
}

export function checkComplete(model: ItemModel, taskId: string): TaskView {
  assertItemOpen(model);
  const task = model.task(taskId);
  if (task.status !== 'IN_PROGRESS') {
    const hint = task.status === 'QUEUED' || task.status === 'PENDING' ? ' (start it first)' : '';
    reject('INVALID_TRANSITION', `Task ${label(task)} cannot be completed: it is ${shownStatus(model, task)}, not IN_PROGRESS${hint}`);
  }
  const waiting = model.openDependencies(task);
  if (waiting.length > 0) {
    const names = waiting.map((d) => `${label(d)} (${d.status})`).join(', ');
    reject('INVALID_TRANSITION', `Task ${label(task)} cannot be completed: it depends on ${names}, which must be DONE first`);
  }
  const open = task.subtasks.filter((s) => !s.optional && !s.completed);
  if (open.length > 0) {
    const names = open.map((s) => `"${s.name}"`).join(', ');
    reject('INVALID_TRANSITION', `Task ${label(task)} cannot be completed: required subtasks still open: ${names}`);
  }
  return task;
}

export function checkCompleteSubtask(model: ItemModel, taskId: string, subtaskId: string): TaskView {
  assertItemOpen(model);
  const task = model.task(taskId);
  const subtask = task.subtasks.find((s) => s.id === subtaskId);
  if (!subtask) reject('TASK_NOT_FOUND', `Subtask ${subtaskId} is not part of task ${label(task)}`);
  if (task.status !== 'QUEUED' && task.status !== 'IN_PROGRESS') {
    reject('INVALID_TRANSITION', `Subtask "${subtask.name}" cannot be completed: its task ${label(task)} is ${task.status}, not QUEUED or IN_PROGRESS`);
  }
  if (subtask.completed) reject('INVALID_TRANSITION', `Subtask "${subtask.name}" of ${label(task)} is already completed`);
  return task;
}

/** Resolves which task a recall undoes (default: the newest completion) and checks it may. */
export function checkRecall(model: ItemModel, taskId: string | undefined): TaskView {
  assertItemOpen(model);
  const id = taskId ?? model.completions[model.completions.length - 1];
  if (!id) reject('INVALID_TRANSITION', `Order item ${model.orderItemId} has no completed task to recall`);
  const task = model.task(id);
  if (task.status !== 'DONE') reject('INVALID_TRANSITION', `Task ${label(task)} cannot be recalled: it is ${task.status}, not DONE`);
  const started = model.dependents(task.id).filter((d) => d.status === 'IN_PROGRESS' || d.status === 'DONE');
  if (started.length > 0) {
    const names = started.map((d) => `${label(d)} (${d.status})`).join(', ');
    reject('INVALID_TRANSITION', `Task ${label(task)} cannot be recalled: ${names} already started from it`);
  }
  return task;
}

export function checkReassign(model: ItemModel, taskId: string, stationId: string): TaskView {
  assertItemOpen(model);
  const task = model.task(taskId);
  if (task.status !== 'QUEUED') reject('INVALID_TRANSITION', `Task ${label(task)} cannot be reassigned: it is ${task.status}; only a QUEUED task can move`);
  if (task.stationId === stationId) reject('INVALID_TRANSITION', `Task ${label(task)} is already queued at that station`);
  return task;
}

export function checkCancel(model: ItemModel): void {
  assertItemOpen(model);
}

export function checkPriority(priority: unknown): number {
  if (priority !== 0 && priority !== 1 && priority !== 2) reject('BAD_INPUT', `Priority must be 0 (normal), 1 (high) or 2 (urgent), got ${String(priority)}`);
  return priority;
}
