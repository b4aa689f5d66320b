import type { ItemPlan, PlannedSubtask, PlannedTask } from '../../contracts/kitchen-activities';
import { OPEN_TASK_STATUSES } from '../../domain/kitchen/open-statuses';
import { reject } from '../support/failures';

/** The item's lifecycle. LOADING until its tasks exist; WAITING until its paced fire time. */
export type ItemPhase = 'LOADING' | 'WAITING' | 'FIRED' | 'DONE' | 'CANCELLED';
export type TaskStatus = PlannedTask['status'];

export interface TaskView {
  id: string;
  defId: string;
  phaseId: string;
  name: string;
  stationType: string;
  status: TaskStatus;
  stationId: string | null;
  dependsOn: string[];
  estimatedMinutes: number;
  startedAt: string | null;
  completedAt: string | null;
  subtasks: PlannedSubtask[];
}

export interface ItemStateView {
  orderId: string;
  orderItemId: string;
  phase: ItemPhase;
  priority: number;
  fireAt: string | null;
  eta: string | null;
  late: boolean;
  inventoryDeducted: boolean;
  tasks: TaskView[];
}

/** What survives continue-as-new; everything else is reloaded from the database. */
export interface ItemCarryOver {
  fired: boolean;
  priority: number;
  deducted: boolean;
  startedNotified: boolean;
  completions: string[];
  eta: string | null;
  late: boolean;
}

const OPEN: readonly TaskStatus[] = OPEN_TASK_STATUSES;

/**
 * The item workflow's in-memory state. Lookups and checks only; the handlers change it, and
 * every change bumps `version` so the main loop wakes up (ETA, release, completion).
 */
export class ItemModel {
  phase: ItemPhase = 'LOADING';
  tasks = new Map<string, TaskView>();
  /** Topological order from the plan: releases happen in this order. */
  order: string[] = [];
  /** Completed task ids, oldest first: recall undoes the newest. */
  completions: string[] = [];
  deductPhaseId = '';
  deducted = false;
  startedNotified = false;
  eta: string | null = null;
  late = false;
  version = 0;
  /** Why the ETA must be recomputed (null when it is fresh). */
  etaReason: string | null = null;
  cancelReason: string | null = null;
  /** The order moved the fire time (repaceItem) and the tasks' planned starts are not yet stored. */
  fireMoved = false;

  constructor(
    readonly orderId: string,
    readonly orderItemId: string,
    public priority: number,
    public fireAt: string | null,
  ) {}

  load(plan: ItemPlan, carry: ItemCarryOver | undefined): void {
    this.deductPhaseId = plan.deductPhaseId;
    for (const t of plan.tasks) {
      const subtasks = t.subtasks.map(({ id, defId, name, optional, completed }) => ({ id, defId, name, optional, completed }));
      const { id, defId, phaseId, name, stationType, status, stationId, estimatedMinutes } = t;
      this.tasks.set(id, {
        id,
        defId,
        phaseId,
        name,
        stationType,
        status,
        stationId,
        estimatedMinutes,
        dependsOn: [...t.dependsOn],
        subtasks,
        startedAt: null,
        completedAt: null,
      });
      this.order.push(t.id);
    }
    if (carry) {
      Object.assign(this, { priority: carry.priority, deducted: carry.deducted, startedNotified: carry.startedNotified, eta: carry.eta, late: carry.late });
      this.completions = carry.completions.filter((id) => this.tasks.get(id)?.status === 'DONE');
    } else {
      this.priority = Math.max(this.priority, plan.priority);
      this.completions = this.order.filter((id) => this.tasks.get(id)!.status === 'DONE');
      // A task already started (a rerun after a reset) means the start side effects already happened.
      this.startedNotified = plan.tasks.some((t) => t.status === 'IN_PROGRESS' || t.status === 'DONE');
    }
    this.phase = carry?.fired || this.startedNotified ? 'FIRED' : 'WAITING';
    this.changed('item-materialized');
  }

  changed(etaReason?: string): void {
    this.version += 1;
    if (etaReason) this.etaReason = etaReason;
  }

  get closed(): boolean {
    return this.phase === 'DONE' || this.phase === 'CANCELLED';
  }

  /** Every task finished and at least one was done (an all-cancelled item is not "done"). */
  allDone(): boolean {
    // A menu item without a recipe (a canned drink) has nothing to cook: done as soon as it loads.
    if (this.phase !== 'LOADING' && this.tasks.size === 0) return true;
    const tasks = [...this.tasks.values()];
    return tasks.some((t) => t.status === 'DONE') && tasks.every((t) => t.status === 'DONE' || t.status === 'CANCELLED');
  }

  isOpen(task: TaskView): boolean {
    return OPEN.includes(task.status);
  }

  /** PENDING or BLOCKED tasks whose dependencies are all DONE, in release order. */
  releasable(includeBlocked: boolean): TaskView[] {
    return this.order
      .map((id) => this.tasks.get(id)!)
      .filter((t) => (t.status === 'PENDING' || (includeBlocked && t.status === 'BLOCKED')) && this.openDependencies(t).length === 0);
  }

  openDependencies(task: TaskView): TaskView[] {
    // An id not in this item counts as finished, as in the simulation.
    return task.dependsOn.map((id) => this.tasks.get(id)).filter((d): d is TaskView => !!d && d.status !== 'DONE');
  }

  dependents(taskId: string): TaskView[] {
    return this.order.map((id) => this.tasks.get(id)!).filter((t) => t.dependsOn.includes(taskId));
  }

  /** The task, or a NOT_FOUND rejection naming what was asked for. */
  task(taskId: string): TaskView {
    if (this.phase === 'LOADING') reject('INVALID_TRANSITION', `Order item ${this.orderItemId} is still being prepared; try again in a moment`);
    const task = this.tasks.get(taskId);
    if (!task) reject('TASK_NOT_FOUND', `Task ${taskId} is not part of order item ${this.orderItemId}`);
    return task;
  }

  view(): ItemStateView {
    return {
      orderId: this.orderId,
      orderItemId: this.orderItemId,
      phase: this.phase,
      priority: this.priority,
      fireAt: this.fireAt,
      eta: this.eta,
      late: this.late,
      inventoryDeducted: this.deducted,
      tasks: this.order.map((id) => this.taskView(id)),
    };
  }

  taskView(taskId: string): TaskView {
    const t = this.tasks.get(taskId)!;
    return { ...t, dependsOn: [...t.dependsOn], subtasks: t.subtasks.map((s) => ({ ...s })) };
  }

  carryOver(): ItemCarryOver {
    const { priority, deducted, startedNotified, eta, late } = this;
    return { fired: this.phase !== 'WAITING', priority, deducted, startedNotified, completions: [...this.completions], eta, late };
  }
}
