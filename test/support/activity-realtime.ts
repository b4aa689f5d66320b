import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { attachSocketServer } from '../../api/realtime/socket-server';
import { connectClient, nextEvent, userTokenFor, type BrigadeClient, type SocketTenant } from './socket-clients';
import { loadEnv } from '../../config/env';
import type { Db } from '../../db/client';
import { createEventPublisher, type EventPublisher } from '../../events/event-publisher';

/**
 * Test-only: the real path of an activity's event. The activities publish through the real
 * PostgreSQL emitter, the API's socket server relays it, and a real socket.io-client of the
 * tenant receives it.
 */
export interface RealtimeHarness {
  publisher: EventPublisher;
  client: BrigadeClient;
  /** Joins the client to a station room (as the KDS does). */
  joinStation(stationId: string): Promise<void>;
  /** Resolves once every event published before it has reached the client (publishes are ordered). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Closes the suite's harness before testPrisma()'s own disconnect: call it above `testPrisma()`
 * (Jest runs afterAll hooks in the order they were declared). The publisher's close() waits for
 * the station:load announcements and ETA runs that transitions left, which still use the pool.
 */
export function closeRealtimeFirst(harness: () => RealtimeHarness | undefined): void {
  afterAll(() => harness()?.close());
}

export async function startRealtime(prisma: Db, tenant: SocketTenant): Promise<RealtimeHarness> {
  const env = loadEnv({ ...process.env, NODE_ENV: 'test', JWT_SECRET: `activities-test-${randomUUID()}` });
  const httpServer = createServer();
  const realtime = await attachSocketServer({ httpServer, prisma, env });
  await new Promise<void>((resolve) => httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(httpServer.address() as AddressInfo).port}`;
  const client = await connectClient(url, userTokenFor(tenant, env.JWT_SECRET));
  const publisher = createEventPublisher({ databaseUrl: env.DATABASE_URL! });
  return {
    publisher,
    client,
    async joinStation(stationId) {
      const ack = await client.timeout(5_000).emitWithAck('join_station', { stationId });
      if (!ack.ok) throw new Error(`join_station failed: ${ack.error}`);
    },
    async flush() {
      const deliveryId = randomUUID();
      const arrived = nextEvent(client, 'delivery:updated', (p) => p.deliveryId === deliveryId);
      await publisher.toTenant(tenant.id).emit('delivery:updated', { deliveryId, status: 'pending' });
      await arrived;
    },
    async close() {
      client.close();
      await publisher.close();
      await realtime.close();
    },
  };
}
