/**
 * Test-only: one API node in a process of its own (node --import tsx, forked with IPC by
 * test/support/socket-clients.ts startApiProcess), so tests can run a real cluster of two.
 * It is the real app (buildApp: GraphQL, Socket.io on the postgres adapter) without Temporal,
 * and the app's own publisher is one the parent can drive:
 *   → { type: 'ready', url }                    once listening on a free port
 *   ← { type: 'emit', id, to, tenantId, stationId?, event, payload }   → { type: 'emitted', id }
 *   ← { type: 'stop' }                          closes everything and exits
 * Env: DATABASE_URL, JWT_SECRET.
 */
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { buildApp } from '../../api/app';
import { loadEnv } from '../../config/env';
import { createPrisma } from '../../db/client';
import { createEventPublisher } from '../../events/event-publisher';
import { roomsOf, type ApiNodeEmit } from './emit-target';

type Message = { type: 'stop' } | ApiNodeEmit;

async function main(): Promise<void> {
  const env = loadEnv({ ...process.env, NODE_ENV: 'test', HOST: '127.0.0.1', LOG_LEVEL: 'warn' });
  if (!env.DATABASE_URL) throw new Error('DATABASE_URL is not set');
  const prisma = createPrisma(env.DATABASE_URL, { max: 2 });
  const events = createEventPublisher({ databaseUrl: env.DATABASE_URL });
  const built = await buildApp({ prisma, env, temporal: null, events, webDist: path.join(os.tmpdir(), 'brigade-no-web') });
  await new Promise<void>((resolve) => built.httpServer.listen(0, '127.0.0.1', resolve));
  const { port } = built.httpServer.address() as AddressInfo;

  const onMessage = async (msg: Message) => {
    if (msg.type === 'stop') {
      await built.close();
      await events.close();
      await prisma.$disconnect();
      process.exit(0);
    }
    await roomsOf(events, msg).emit(msg.event, msg.payload as never);
    process.send!({ type: 'emitted', id: msg.id });
  };
  process.on('message', (msg: Message) => void onMessage(msg));
  // The parent went away without asking (a crashed test run): do not linger.
  process.on('disconnect', () => process.exit(0));
  process.send!({ type: 'ready', url: `http://127.0.0.1:${port}` });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
