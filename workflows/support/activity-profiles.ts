import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

/**
 * Named timeout profiles (always startToCloseTimeout). Business failures are non-retryable
 * ApplicationFailures, so retries only ever cover transient trouble (a DB blip, a worker crash).
 */

/** A KDS action waits on these: bounded retries so the cook gets an answer within seconds. */
export const KDS_ACTION = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds', maximumAttempts: 6 },
} as const satisfies ActivityOptions;

/**
 * Loading and materialising plans, releasing tasks, status writes: must eventually succeed.
 * Each is a few queries; a short timeout matters when a worker dies mid-call, because the
 * retry only starts once the timeout has passed.
 */
export const KITCHEN_WRITE = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
} as const satisfies ActivityOptions;

/** Inventory deduction and its compensation: unlimited retries, each keyed for exactly-once. */
export const INVENTORY = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '1 minute' },
} as const satisfies ActivityOptions;

/** The kitchen simulation: a fresher one follows the next transition anyway, so give up early. */
export const ETA_RECALC = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumAttempts: 3 },
} as const satisfies ActivityOptions;

/**
 * The short database steps on the path from "order placed" / "task bumped" to "ticket on the
 * KDS" run as LOCAL activities: same idempotent functions, executed by the worker that runs the
 * workflow task, without a round trip through the task queue (the latency target is 150 ms p95).
 * A worker killed mid-call re-runs them on retry, which their idempotency keys make harmless.
 */
export const LOCAL_WRITE = {
  startToCloseTimeout: '10 seconds',
  localRetryThreshold: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '30 seconds' },
} as const satisfies LocalActivityOptions;

/** The re-pacing forecast (one ETA run): a later progress signal or check asks again, so give up early. */
export const LOCAL_FORECAST = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds', maximumAttempts: 3 },
} as const satisfies LocalActivityOptions;

/** KDS actions as local activities: bounded retries so the cook gets an answer within seconds. */
export const LOCAL_KDS_ACTION = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '200 milliseconds', backoffCoefficient: 2, maximumInterval: '2 seconds', maximumAttempts: 6 },
} as const satisfies LocalActivityOptions;

/**
 * Inventory deduction as a LOCAL activity (the first start of an item waits on it): the same
 * idempotent, exactly-once function, with INVENTORY's unlimited retries (beyond
 * localRetryThreshold they wait on durable timers).
 */
export const LOCAL_INVENTORY = {
  startToCloseTimeout: '10 seconds',
  localRetryThreshold: '10 seconds',
  retry: INVENTORY.retry,
} as const satisfies LocalActivityOptions;

/**
 * A kitchen workflow's task timeout (SDK default 10 s). A worker killed mid workflow task leaves
 * the task to time out before another worker retries it, and KDS taps wait that long; a workflow
 * task takes milliseconds (long local activities heartbeat it), so 5 s costs nothing else.
 */
export const KITCHEN_WORKFLOW_TASK_TIMEOUT = '5s';
