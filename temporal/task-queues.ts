import { env } from '../config/env';

/** The built-in default, for tests and docs that must not depend on the environment. */
export const DEFAULT_KITCHEN_TASK_QUEUE = 'brigade-kitchen';

/**
 * The queue the kitchen worker polls and clients start workflows on. Overridable with
 * TEMPORAL_TASK_QUEUE so two deployments can share one namespace.
 * Read from the environment, so workflow code must not import this file (it runs in the
 * sandbox with no `process`); activities default to their workflow's queue anyway.
 */
export const KITCHEN_TASK_QUEUE: string = env().TEMPORAL_TASK_QUEUE;
