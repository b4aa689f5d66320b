// Input and output of the kitchen simulation. Times are epoch milliseconds; nothing here reads a clock.
import type { QueueRule } from '../kitchen/queue-order';

/** From `from` (epoch ms) until the next step, the station has `capacity` slots. */
export interface CapacityStep {
  from: number;
  capacity: number;
}

export interface SimStation {
  id: string;
  /** Parallel slots (ovens, cooks). Below 1 the station takes no new work, like an inactive one. */
  capacity: number;
  /**
   * Capacity as a step function of time, e.g. the cooks on shift there (domain/eta/staffing.ts).
   * Any order; at equal `from` the later step wins. Before the first step `capacity` holds; absent
   * or empty, `capacity` holds throughout. A drop never stops a running task: the station just
   * takes no new one until it has a free slot again.
   */
  capacitySteps?: ReadonlyArray<CapacityStep> | null;
  /** Station types this station serves, matched case-insensitively against SimTask.stationType. */
  taskTypes: string[];
  isActive: boolean;
}

export type SimTaskStatus = 'PENDING' | 'QUEUED' | 'IN_PROGRESS' | 'DONE' | 'BLOCKED' | 'CANCELLED';

export interface SimTask {
  id: string;
  orderId: string;
  orderItemId: string;
  stationType: string;
  /** Set once queued/assigned: the task must run there (while that station is active). */
  stationId?: string | null;
  status: SimTaskStatus;
  /** Ids of tasks that must finish first. Ids not in the input count as already finished. */
  dependsOn: string[];
  /** Expected duration of this instance, already scaled by quantity and learned (see durations.ts). */
  durationMs: number;
  /** Sigma of log(duration) learned for it (uncertainty.ts learnedSpread); absent: no spread known. */
  spread?: number | null;
  startedAt?: number | null;
  completedAt?: number | null;
  /** 0 normal, 1 high, 2 urgent. */
  priority: number;
  queuedAt?: number | null;
  /**
   * When the task was planned to start (task_instances.planned_start_at: its item's fire time plus
   * its earliest start in the recipe). A station's queue takes, after priority, the earliest
   * planned first (domain/kitchen/queue-order.ts), so an older order's task that is released late
   * still goes ahead of a newer order's. Absent: the time it was queued or released.
   */
  plannedAt?: number | null;
  /**
   * The ready time its order was promised (orders.initial_estimated_ready_at). Under the PROMISE
   * queue rule (domain/kitchen/queue-order.ts) it ranks the task after priority; Infinity ranks it
   * behind every promise (a quote's order, which has none yet). Absent: the planned start ranks it.
   */
  promiseAt?: number | null;
  /** An item paced to fire later (fire-by-prep-time / scheduled) cannot start before this. */
  notBefore?: number | null;
}

export interface SimInput {
  now: number;
  stations: SimStation[];
  /** Only read: a caller may hand the same task objects to many simulations. */
  tasks: ReadonlyArray<Readonly<SimTask>>;
  /**
   * Tasks that lose every exact tie in the station queues. The quote uses it so a hypothetical
   * order lines up behind existing work that became ready at the same instant.
   */
  latecomerTaskIds?: ReadonlySet<string>;
  /** How station queues rank waiting work; absent: the kitchen's own (QUEUE_RULE). The evaluation compares rules. */
  queueRule?: QueueRule;
}

export interface SimResult {
  /** Every task that runs (or ran): DONE and IN_PROGRESS ones with their real start. */
  taskStart: Record<string, number>;
  taskFinish: Record<string, number>;
  /** The station each task runs (or ran) on, when known; finished tasks report their recorded station. */
  taskStation: Record<string, string>;
  /**
   * Max finish of the item's non-cancelled tasks. An item with a task that can never start
   * (unschedulable, or waiting on one) is absent: it has no honest ready time.
   */
  itemReady: Record<string, number>;
  /** Max over the order's items; absent when any of its items is absent. */
  orderReady: Record<string, number>;
  /** When each station has finished all simulated work (now for an idle one). */
  stationFreeAt: Record<string, number>;
  /** Tasks whose station type no active station serves, in id order. */
  unschedulable: string[];
}

/** When and where each task of the model ran in one simulation (indexed like the model's tasks). */
export interface Schedule {
  start: Float64Array;
  finish: Float64Array;
  /** Station index each task ran on; -1 when unknown or never started. */
  station: Int32Array;
}
