import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

/**
 * Timeout profiles for platform calls. A platform call's own HTTP timeout (connector config) is
 * shorter than startToCloseTimeout, so a slow platform surfaces as a retryable error; every
 * outbound transition is keyed (SyncLog) so a retry never sends it twice. 429s retry after the
 * platform's Retry-After (nextRetryDelay), everything else with this backoff.
 */
export const PLATFORM_CALL = {
  startToCloseTimeout: '30 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute', maximumAttempts: 12 },
} as const satisfies ActivityOptions;

/** Reading our own database in the status loop. */
export const PLATFORM_READ = {
  startToCloseTimeout: '10 seconds',
  retry: { initialInterval: '500 milliseconds', backoffCoefficient: 2, maximumInterval: '10 seconds' },
} as const satisfies ActivityOptions;

/** Progress events (a local activity: only an emit, no need for its own history events). */
export const PLATFORM_EVENT = {
  startToCloseTimeout: '5 seconds',
  retry: { initialInterval: '200 milliseconds', maximumAttempts: 3 },
} as const satisfies LocalActivityOptions;
