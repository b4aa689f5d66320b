import { ApplicationFailure } from '@temporalio/common';
import { isAppError } from '../contracts/errors';
import { isValueRefusedByDatabase, valueRefusedError } from '../core/errors';

/**
 * The activities' error edge: a use case's AppError is a business rule, so retrying cannot help.
 * It becomes a non-retryable ApplicationFailure typed with its reason (or code), which the
 * workflows and temporal/kitchen-client.ts map back with core/errors.ts codeOfFailure.
 */
export function toActivityFailure(thrown: unknown): unknown {
  // A value PostgreSQL refuses is refused again on every retry: fail it now instead of forever.
  const err = isValueRefusedByDatabase(thrown) ? valueRefusedError() : thrown;
  if (!isAppError(err)) return err;
  return ApplicationFailure.create({
    message: err.message,
    type: err.reason ?? err.code,
    nonRetryable: true,
    details: err.details ? [err.details] : undefined,
  });
}

type AsyncFunctions<T> = { [K in keyof T]: T[K] extends (...args: never[]) => Promise<unknown> ? T[K] : never };

/** Wraps every activity of a factory's result with toActivityFailure. */
export function withActivityFailures<T extends AsyncFunctions<T>>(activities: T): T {
  const wrapped = {} as Record<string, unknown>;
  for (const [name, fn] of Object.entries(activities) as Array<[string, (...args: unknown[]) => Promise<unknown>]>) {
    wrapped[name] = async (...args: unknown[]) => {
      try {
        return await fn(...args);
      } catch (err) {
        throw toActivityFailure(err);
      }
    };
  }
  return wrapped as T;
}
