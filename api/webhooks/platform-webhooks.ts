import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { decryptCredentials } from '../../platforms/credentials';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../../platforms/signature';
import {
  platformOrderCancelledSignal,
  platformOrderRevisedSignal,
  platformOrderWorkflow,
  platformOrderWorkflowId,
} from '../../workflows/platform-order-workflow';
import { isUniqueViolation } from '../../core/errors';
import { componentLogger } from '../../config/logger';
import type { PlatformOrderRef } from '../../contracts/platform-activities';
import { jsonDepthAtMost, orderContentProblems, platformIdSchema, storableJson } from '../../core/platforms/platform-order-content';
import { receivePlatformOrder } from '../../core/platforms/receive-platform-order';

export interface PlatformWebhookOptions {
  prisma: Db;
  /** Null when the API runs without Temporal: webhooks then answer 503 so the platform retries later. */
  kitchen: { client: Client; taskQueue: string } | null;
  toleranceSeconds?: number;
  /** How often the platform order workflow reads our order (tests shorten it). */
  pollMs?: number;
  /** Per-platform rate limit (api/rate-limits/webhook-limit.ts), run before the body is read. */
  limit?: RequestHandler;
}

/** The envelope every platform event has; the order inside is checked once the type is known. */
const envelopeSchema = z.looseObject({ id: platformIdSchema, type: z.string().min(1).max(100), data: z.unknown() });
const orderEventSchema = z.object({ data: z.object({ order: z.looseObject({ id: platformIdSchema }) }) });
const ORDER_EVENTS = new Set(['order.placed', 'order.cancelled']);
/** Deeper JSON than any order needs; bounds the recursion of the checks and of storage. */
const MAX_DEPTH = 16;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const log = componentLogger('webhooks');

/** A content error the platform can act on: which field, and why. */
const refuse = (res: Response, status: 400 | 422, message: string, field: string | null) =>
  void res.status(status).json({ error: { code: status === 400 ? 'BAD_REQUEST' : 'BAD_USER_INPUT', message, field } });

function firstIssue(err: z.ZodError): { field: string | null; message: string } {
  const issue = err.issues[0];
  return { field: issue.path.map(String).join('.') || null, message: issue.message };
}

/**
 * POST /webhooks/platforms/:platformId. Verifies the signature over the raw bytes, records the
 * event (deduplicated on the platform's event id), stores the platform order (deduplicated on
 * its order id) and hands it to Temporal: the workflow id derives from the platform order, so
 * repeated and out-of-order deliveries all land on one run. Answers 202 within milliseconds;
 * the work happens in the workflow. Content errors: 400 for a body that is no event, 422 for an
 * order event that does not say which order; an order the kitchen cannot take as sent is stored
 * and answered 202 with its `problems`; its intake sends it to the review queue, or denies it
 * when the platform's rule says so. Unknown event types are answered 202 `ignored` and logged.
 */
export function platformWebhookRouter(opts: PlatformWebhookOptions): Router {
  const router = Router();
  const limit: RequestHandler = opts.limit ?? ((_req, _res, next) => next());
  router.post('/webhooks/platforms/:platformId', limit, express.raw({ type: () => true, limit: '1mb' }), (req, res) => handle(opts, req, res));
  return router;
}

async function handle(opts: PlatformWebhookOptions, req: Request, res: Response): Promise<void> {
  const platformId = String(req.params.platformId);
  const platform = UUID.test(platformId) ? await opts.prisma.platform.findUnique({ where: { id: platformId } }) : null;
  if (!platform || !platform.isActive) return void res.status(404).json({ error: { code: 'NOT_FOUND', message: 'Unknown platform' } });
  const rawBody = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  const verified = verifySignature({
    secrets: decryptCredentials(platform.credentialsEncrypted).webhookSecrets ?? [],
    timestamp: req.get(TIMESTAMP_HEADER),
    signature: req.get(SIGNATURE_HEADER),
    rawBody,
    nowMs: Date.now(),
    toleranceSeconds: opts.toleranceSeconds,
  });
  if (!verified.ok) return void res.status(401).json({ error: { code: 'UNAUTHENTICATED', message: `Bad signature (${verified.reason})` } });
  let body: unknown;
  try {
    body = JSON.parse(rawBody.toString('utf8'));
  } catch {
    return refuse(res, 400, 'The body is not JSON', null);
  }
  if (!jsonDepthAtMost(body, MAX_DEPTH)) return refuse(res, 400, `The body is nested deeper than ${MAX_DEPTH} levels`, null);
  const envelope = envelopeSchema.safeParse(body);
  if (!envelope.success) {
    const { field, message } = firstIssue(envelope.error);
    return refuse(res, 400, `Not a platform event: ${field} ${message}`, field);
  }
  const event = envelope.data;
  if (!ORDER_EVENTS.has(event.type)) {
    log.info({ platformId, eventId: event.id, eventType: event.type }, 'ignored a platform event of an unknown type');
    return void res.status(202).json({ ok: true, ignored: true });
  }
  const orderEvent = orderEventSchema.safeParse(event);
  if (!orderEvent.success) {
    const { field, message } = firstIssue(orderEvent.error);
    return refuse(res, 422, `The event does not identify its order: ${field} ${message}`, field);
  }
  if (!opts.kitchen) return void res.status(503).json({ error: { code: 'UNAVAILABLE', message: 'Kitchen not running' } });

  const { tenantId } = platform;
  const order = orderEvent.data.data.order;
  const duplicate = await opts.prisma.platformWebhookEvent
    .create({ data: { tenantId, platformId, eventId: event.id, eventType: event.type, payload: storableJson(event) as object } })
    .then(
      () => false,
      (err) => (isUniqueViolation(err) ? true : Promise.reject(err)),
    );
  const ref = { tenantId, platformId, platformOrderId: order.id };
  const received = await receivePlatformOrder(opts.prisma, ref, order, { revise: event.type === 'order.placed' });
  // Repeated even for a duplicate event: an earlier delivery may have been stored and then failed to start.
  await handOver(opts, ref, event.type, received.pending);
  const problems = orderContentProblems(order);
  res.status(202).json({ ok: true, duplicate, ...(received.revised ? { revised: true } : {}), ...(problems.length ? { problems } : {}) });
}

async function handOver(opts: PlatformWebhookOptions, ref: PlatformOrderRef, type: string, pending: boolean) {
  const { client, taskQueue } = opts.kitchen!;
  const common = {
    workflowId: platformOrderWorkflowId(ref.platformId, ref.platformOrderId),
    taskQueue,
    args: [{ ...ref, pollMs: opts.pollMs }] as [Parameters<typeof platformOrderWorkflow>[0]],
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
  };
  try {
    if (type === 'order.cancelled') {
      await client.workflow.signalWithStart(platformOrderWorkflow, { ...common, signal: platformOrderCancelledSignal, signalArgs: [] });
    } else if (pending) {
      // Not taken yet: the running workflow looks again, or a new run does when the last one ended (failed, or gave up on review).
      await client.workflow.signalWithStart(platformOrderWorkflow, {
        ...common,
        workflowIdReusePolicy: 'ALLOW_DUPLICATE',
        signal: platformOrderRevisedSignal,
        signalArgs: [],
      });
    } else {
      await client.workflow.start(platformOrderWorkflow, { ...common, workflowIdConflictPolicy: 'USE_EXISTING' });
    }
  } catch (err) {
    // The order's workflow already finished: nothing left to do for this event.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
