import type { Duration } from '@temporalio/common';
import { ApplicationFailure, condition } from '@temporalio/workflow';

/**
 * The review desk of one platform order workflow: an order with an unknown item waits here for a
 * person (resolvePlatformOrder → the `resolveReview` update) to accept it, with the missing
 * mappings saved, or to deny it. One resolution per order: the validator refuses a second one,
 * so a double click or a retried mutation never accepts twice or accepts and denies.
 */
export type ReviewAction = 'ACCEPT' | 'DENY';

export interface ReviewResolution {
  action: ReviewAction;
  reason?: string | null;
}

/** What the resolving caller gets back once the platform has been told. */
export interface ReviewOutcome {
  stage: string;
  orderId: string | null;
}

/** Failure types the API maps to CONFLICT. */
export type ReviewFailureType = 'ALREADY_RESOLVED' | 'PLATFORM_REFUSED' | 'RESOLUTION_FAILED';

type Settled = { ok: true; outcome: ReviewOutcome } | { ok: false; type: ReviewFailureType; message: string };

export interface ReviewDesk {
  validate(resolution: ReviewResolution): void;
  handle(resolution: ReviewResolution): Promise<ReviewOutcome>;
  /** Waits for a resolution, a cancellation, or `timeout`; null unless a resolution came. */
  wait(isCancelled: () => boolean, timeout: Duration): Promise<ReviewResolution | null>;
  settle(result: Settled): void;
}

export function reviewDesk(stage: () => string): ReviewDesk {
  let pending: { resolution: ReviewResolution; settled?: Settled } | null = null;
  return {
    validate(resolution) {
      if (resolution.action !== 'ACCEPT' && resolution.action !== 'DENY') throw new Error(`Unknown review action ${String(resolution.action)}`);
      if (pending) throw ApplicationFailure.nonRetryable('This order has already been resolved', 'ALREADY_RESOLVED');
      // `intake`: an update that started this run arrives before the intake ran; the handler waits for it.
      if (stage() !== 'needs_review' && stage() !== 'intake') throw ApplicationFailure.nonRetryable(`This order is already ${stage()}`, 'ALREADY_RESOLVED');
    },
    async handle(resolution) {
      const mine: { resolution: ReviewResolution; settled?: Settled } = { resolution };
      pending = mine;
      await condition(() => mine.settled !== undefined);
      const settled = mine.settled!;
      if (!settled.ok) throw ApplicationFailure.nonRetryable(settled.message, settled.type);
      return settled.outcome;
    },
    async wait(isCancelled, timeout) {
      await condition(() => pending !== null || isCancelled(), timeout);
      return isCancelled() ? null : (pending?.resolution ?? null);
    },
    settle(result) {
      if (pending && !pending.settled) pending.settled = result;
    },
  };
}
