import type { Client } from '@temporalio/client';
import { Router } from 'express';
import { z } from 'zod';
import type { Db } from '../db/client';
import { sqlRows } from '../db/sql';
import { Prisma } from '../prisma/generated/client';
import { checkTemporalHealth, checkWorkerPollers } from '../temporal/connection';
import { version } from '../package.json';
import { errorMessage } from '../contracts/errors';

export interface TemporalHandle {
  client: Client;
  namespace: string;
}

export interface HealthReport {
  status: 'ok' | 'degraded';
  /** 'ok' or why the check failed. */
  db: string;
  temporal: string;
  /** Present when a task queue is configured: 'ok' while a worker polls it, else why not. */
  worker?: string;
  version: string;
  uptimeSeconds: number;
}

export interface HealthOptions {
  prisma: Db;
  /** Null when the API was started without Temporal: reported as down, since orders cannot cook. */
  temporal: TemporalHandle | null;
  /** The kitchen task queue: when set, /healthz also reports whether a worker polls it. */
  taskQueue?: string;
  /** Per check; all run in parallel, so /healthz answers within about this long. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 2_000;
const PingRow = z.object({ ok: z.literal(1) });
const MAX_REASON_LENGTH = 200;

function reasonOf(err: unknown): string {
  const message = errorMessage(err);
  return message.replace(/\s+/g, ' ').trim().slice(0, MAX_REASON_LENGTH) || 'unknown error';
}

/** A hung pool must not hang /healthz: the check loses the race and reports the timeout. */
async function withTimeout(check: () => Promise<string>, timeoutMs: number, what: string): Promise<string> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`${what} did not answer within ${timeoutMs} ms`), timeoutMs);
  });
  try {
    return await Promise.race([check().catch(reasonOf), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export async function checkHealth({ prisma, temporal, taskQueue, timeoutMs = DEFAULT_TIMEOUT_MS }: HealthOptions): Promise<HealthReport> {
  const [db, temporalStatus, worker] = await Promise.all([
    withTimeout(
      async () => {
        await sqlRows(prisma, 'health check', PingRow, Prisma.sql`SELECT 1 AS ok`);
        return 'ok';
      },
      timeoutMs,
      'database',
    ),
    temporal
      ? withTimeout(() => checkTemporalHealth(temporal.client, temporal.namespace, timeoutMs), timeoutMs, 'temporal')
      : Promise.resolve('not configured'),
    taskQueue === undefined
      ? Promise.resolve(undefined)
      : temporal
        ? withTimeout(() => checkWorkerPollers(temporal.client, temporal.namespace, taskQueue, timeoutMs), timeoutMs, 'worker')
        : Promise.resolve('not configured'),
  ]);
  return {
    status: db === 'ok' && temporalStatus === 'ok' && (worker === undefined || worker === 'ok') ? 'ok' : 'degraded',
    db,
    temporal: temporalStatus,
    ...(worker === undefined ? {} : { worker }),
    version,
    uptimeSeconds: Math.round(process.uptime()),
  };
}

/** GET /healthz: 200 when every dependency answers, 503 naming the ones that do not. */
export function healthRouter(options: HealthOptions): Router {
  const router = Router();
  router.get('/healthz', async (_req, res) => {
    const report = await checkHealth(options);
    res.set('Cache-Control', 'no-store');
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  return router;
}
