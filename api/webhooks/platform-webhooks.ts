import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import express, { Router, type Request, type RequestHandler, type Response } from 'express';
import { z } from 'zod';
import type { Db } from '../../db/client';
import { decryptCredentials } from '../../platforms/credentials';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifySignature } from '../../platforms/signature';
import { platformOrderCancelledSignal, platformOrderWorkflow, platformOrderWorkflowId } from '../../workflows/platform-order-workflow';
import { isUniqueViolation } from '../../core/errors';

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

const eventSchema = z.object({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(100),
  data: z.object({ order: z.object({ id: z.string().min(1).max(255), acceptDeadline: z.string().nullish() }).passthrough() }),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * POST /webhooks/platforms/:platformId. Verifies the signature over the raw bytes, records the
 * event (deduplicated on the platform's event id), stores the platform order (deduplicated on
 * its order id) and hands it to Temporal: the workflow id derives from the platform order, so
 * repeated and out-of-order deliveries all land on one run. Answers 202 within milliseconds;
 * the work happens in the workflow.
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
  let parsed: z.infer<typeof eventSchema>;
  try {
    parsed = eventSchema.parse(JSON.parse(rawBody.toString('utf8')));
  } catch {
    return void res.status(400).json({ error: { code: 'BAD_REQUEST', message: 'Not a platform event' } });
  }
  if (!opts.kitchen) return void res.status(503).json({ error: { code: 'UNAVAILABLE', message: 'Kitchen not running' } });

  const { tenantId } = platform;
  const order = parsed.data.order;
  const duplicate = await opts.prisma.platformWebhookEvent
    .create({ data: { tenantId, platformId, eventId: parsed.id, eventType: parsed.type, payload: parsed as object } })
    .then(
      () => false,
      (err) => (isUniqueViolation(err) ? true : Promise.reject(err)),
    );
  // Create only: the first snapshot of the order is the one we map; later events carry state changes.
  await opts.prisma.platformOrder.createMany({
    data: [
      {
        tenantId,
        platformId,
        platformOrderId: order.id,
        payload: order as object,
        acceptDeadline: order.acceptDeadline ? new Date(order.acceptDeadline) : null,
      },
    ],
    skipDuplicates: true,
  });
  // Repeated even for a duplicate event: an earlier delivery may have been stored and then failed to start.
  await handOver(opts, { tenantId, platformId, platformOrderId: order.id }, parsed.type);
  res.status(202).json({ ok: true, duplicate });
}

async function handOver(opts: PlatformWebhookOptions, ref: { tenantId: string; platformId: string; platformOrderId: string }, type: string) {
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
    } else {
      await client.workflow.start(platformOrderWorkflow, { ...common, workflowIdConflictPolicy: 'USE_EXISTING' });
    }
  } catch (err) {
    // The order's workflow already finished: nothing left to do for this event.
    if (!(err instanceof WorkflowExecutionAlreadyStartedError)) throw err;
  }
}
