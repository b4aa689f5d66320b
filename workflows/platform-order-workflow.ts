import { allHandlersFinished, condition, defineQuery, defineSignal, defineUpdate, log, patched, proxyActivities, setHandler } from '@temporalio/workflow';
import type { IntakeResult, PlatformOrderActivities } from '../contracts/platform-activities';
import { causeOf, followOrder, heldForReview, rejectedByPlatform } from './platform-order-follow';
import { reviewDesk, type ReviewDesk, type ReviewOutcome, type ReviewResolution } from './platform-order-review';
import type { PlatformOrderStage, PlatformOrderWorkflowInput } from './platform-order-types';
import { PLATFORM_CALL } from './platform-profiles';

/**
 * One marketplace order, from the webhook to the courier: intake (map, deny or flag for review),
 * our IMPORT order through the normal create-order path, accept with our ETA, then every
 * transition of our order mirrored on the platform exactly once. The workflow id is derived from
 * the platform order, so duplicate webhooks collapse onto this one run. A flagged order waits
 * for a person's resolution (resolveReviewUpdate), then goes on exactly like any other.
 */
export const platformOrderWorkflowId = (platformId: string, platformOrderId: string): string => `platform-order-${platformId}-${platformOrderId}`;
export const platformOrderCancelledSignal = defineSignal('platformOrderCancelled');
/** The platform sent the order again with new content (api/webhooks): an order not taken yet is looked at afresh. */
export const platformOrderRevisedSignal = defineSignal('platformOrderRevised');
export const platformOrderStageQuery = defineQuery<PlatformOrderStage>('platformOrderStage');
/** A person's decision on a flagged order (core/platforms/resolve-platform-order.ts). */
export const resolveReviewUpdate = defineUpdate<ReviewOutcome, [ReviewResolution]>('resolveReview');

/** A flagged order waits this long for a person; the platform auto-cancels it much sooner anyway. */
const REVIEW_WAIT = '24 hours';
const DEFAULT_DENY_REASON = 'Declined by the restaurant';

const call = proxyActivities<PlatformOrderActivities>(PLATFORM_CALL);

export async function platformOrderWorkflow(input: PlatformOrderWorkflowInput): Promise<PlatformOrderStage> {
  let stage: PlatformOrderStage = input.carry ? 'accepted' : 'intake';
  let cancelled = false;
  let revisions = 0;
  const desk = reviewDesk(() => stage);
  setHandler(platformOrderCancelledSignal, () => void (cancelled = true));
  setHandler(platformOrderRevisedSignal, () => void (revisions += 1));
  setHandler(platformOrderStageQuery, () => stage);
  setHandler(resolveReviewUpdate, (r) => desk.handle(r), { validator: (r) => desk.validate(r) });
  try {
    return await run(input, desk, { isCancelled: () => cancelled, revisions: () => revisions }, (s) => (stage = s));
  } catch (err) {
    // E.g. a dish switched off between the check in the API and our order: the order stays held, a new decision starts a new run.
    desk.settle({ ok: false, type: 'RESOLUTION_FAILED', message: `The order could not be taken: ${causeOf(err)}` });
    throw err;
  } finally {
    // A resolution that arrived while this run took another path (closed, cancelled) is refused, not left hanging.
    desk.settle({ ok: false, type: 'ALREADY_RESOLVED', message: `This order is already ${stage}` });
    await condition(allHandlersFinished);
  }
}

async function run(
  input: PlatformOrderWorkflowInput,
  desk: ReviewDesk,
  news: { isCancelled: () => boolean; revisions: () => number },
  setStage: (s: PlatformOrderStage) => PlatformOrderStage,
): Promise<PlatformOrderStage> {
  const { isCancelled } = news;
  const ref = { tenantId: input.tenantId, platformId: input.platformId, platformOrderId: input.platformOrderId };
  if (input.carry) return followOrder(input, ref, input.carry.orderId, input.carry.promisedReadyAt, isCancelled, setStage);

  // Revisions counted before the intake read the order: one arriving during it is not missed.
  let seen = news.revisions();
  let intake: IntakeResult = await call.intakePlatformOrder(ref);
  // Only a decision taken at the review desk is reported back as done; any other path refuses it (finally).
  let decided = false;
  while (intake.kind === 'review') {
    setStage('needs_review');
    // Runs flagged before reviews existed ended here.
    if (!patched('platform-order-review')) return 'needs_review';
    const revised = () => news.revisions() > seen;
    const resolution = await desk.wait(() => isCancelled() || revised(), REVIEW_WAIT);
    if (!resolution && !isCancelled() && revised() && patched('platform-order-revision')) {
      seen = news.revisions();
      intake = await call.intakePlatformOrder(ref);
      continue;
    }
    if (!resolution && !isCancelled()) return 'needs_review'; // nobody decided; a later resolution starts a new run
    intake = resolution?.action === 'DENY' ? { kind: 'deny', reason: resolution.reason || DEFAULT_DENY_REASON } : { kind: 'ok', orderId: null };
    decided = resolution !== null;
  }
  if (intake.kind === 'closed') return intake.status as PlatformOrderStage;
  if (isCancelled()) {
    await call.cancelPlatformKitchenOrder({ ...ref, orderId: intake.kind === 'ok' ? intake.orderId : null });
    return setStage('cancelled');
  }
  if (intake.kind === 'deny') {
    await call.denyPlatformOrder({ ...ref, reason: intake.reason });
    if (decided) desk.settle({ ok: true, outcome: { stage: 'denied', orderId: null } });
    return setStage('denied');
  }
  let orderId = intake.orderId;
  try {
    orderId ??= (await call.createPlatformKitchenOrder(ref)).orderId;
  } catch (err) {
    // The kitchen refused it (a dish changed since the intake): the activity put it back in the review queue.
    if (!heldForReview(err) || !patched('platform-order-held')) throw err;
    desk.settle({ ok: false, type: 'RESOLUTION_FAILED', message: `The order could not be taken: ${causeOf(err)}` });
    return setStage('needs_review');
  }
  let promisedReadyAt: string;
  try {
    ({ promisedReadyAt } = await call.acceptPlatformOrder({ ...ref, orderId }));
  } catch (err) {
    if (!rejectedByPlatform(err)) throw err;
    // Too late (the platform auto-cancelled) or refused: stop cooking what nobody will collect.
    log.warn('Platform refused the accept; cancelling our order', { platformOrderId: ref.platformOrderId, orderId });
    await call.cancelPlatformKitchenOrder({ ...ref, orderId });
    desk.settle({ ok: false, type: 'PLATFORM_REFUSED', message: `The platform refused the accept: ${causeOf(err)}` });
    return setStage('cancelled');
  }
  setStage('accepted');
  if (decided) desk.settle({ ok: true, outcome: { stage: 'accepted', orderId } });
  return followOrder(input, ref, orderId, promisedReadyAt, isCancelled, setStage);
}
