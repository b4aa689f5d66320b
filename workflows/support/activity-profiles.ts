import type { ActivityOptions } from '@temporalio/workflow';

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
