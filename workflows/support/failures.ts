import { ActivityFailure, ApplicationFailure } from '@temporalio/workflow';
import type { FailureType } from '../../contracts/errors';

/**
 * A rejection from a validator or handler: non-retryable with a type the client maps to a
 * code. Thrown from a validator it rejects the update before anything is written to history.
 */
export function reject(type: FailureType, message: string): never {
  throw ApplicationFailure.nonRetryable(message, type);
}

/**
 * Runs an activity on behalf of an update and unwraps its business failure: the KDS then sees
 * `STATION_AT_CAPACITY: ...` directly instead of an ActivityFailure wrapper. Failures that are
 * not business failures (retries exhausted) keep their wrapper and surface as internal errors.
 */
export async function asBusinessFailure<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (err) {
    const cause = err instanceof ActivityFailure ? err.cause : undefined;
    if (cause instanceof ApplicationFailure && cause.nonRetryable && cause.type) {
      throw ApplicationFailure.create({ type: cause.type, message: cause.message, nonRetryable: true, details: cause.details ?? undefined });
    }
    throw err;
  }
}

/** True when an activity failed with a business failure (as opposed to a transient one). */
export function businessFailureType(err: unknown): string | null {
  const cause = err instanceof ActivityFailure ? err.cause : err;
  return cause instanceof ApplicationFailure && cause.nonRetryable ? (cause.type ?? null) : null;
}
