/**
 * Test-only: the real API (buildApp: webhooks, GraphQL) connected to Temporal, in a process of its
 * own so the platform chaos test can SIGKILL it in the middle of a webhook. Env: DATABASE_URL,
 * TEMPORAL_ADDRESS, TEMPORAL_NAMESPACE, KITCHEN_TASK_QUEUE. Prints "api-ready <url>" once listening.
 */
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../api/app';
import { loadEnv } from '../../config/env';
import { createPrisma } from '../../db/client';
import { connectTemporal } from '../../temporal/connection';
import { requiredEnv } from './kitchen-harness';

async function main(): Promise<void> {
  const env = loadEnv({ ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'warn', TEMPORAL_TASK_QUEUE: requiredEnv('KITCHEN_TASK_QUEUE') });
  const prisma = createPrisma(requiredEnv('DATABASE_URL'), { max: 3 });
  const namespace = requiredEnv('TEMPORAL_NAMESPACE');
  const { client } = await connectTemporal({ address: requiredEnv('TEMPORAL_ADDRESS'), namespace });
  const built = await buildApp({ prisma, env, temporal: { client, namespace }, webDist: path.join(os.tmpdir(), 'brigade-no-web') });
  await new Promise<void>((resolve) => built.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = built.httpServer.address() as AddressInfo;
  process.stdout.write(`api-ready http://127.0.0.1:${port}\n`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
