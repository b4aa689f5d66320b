import type { Server as HttpServer } from 'node:http';
import { Pool } from 'pg';
import { Server } from 'socket.io';
import type { Env } from '../../config/env';
import { componentLogger } from '../../config/logger';
import { corsFor } from '../http-security';
import type { Db } from '../../db/client';
import { tenantRoom } from '../../contracts/socket-events';
import { installClusterAdapter } from './cluster-adapter';
import { handshakeAuth } from './handshake-auth';
import type { BrigadeServer } from './socket-types';
import { registerStationRooms } from './station-rooms';

const log = componentLogger('realtime');

export interface AttachSocketServerOptions {
  httpServer: HttpServer;
  prisma: Db;
  env: Pick<Env, 'JWT_SECRET' | 'DATABASE_URL'> & Partial<Pick<Env, 'CORS_ORIGINS'>>;
  /** The adapter's pool (it holds one connection for LISTEN). Created from DATABASE_URL when absent. */
  pool?: Pool;
  /** How long to wait for the adapter's LISTEN before giving up (startup fails loudly). */
  readyTimeoutMs?: number;
}

export interface RealtimeServer {
  io: BrigadeServer;
  /** Disconnects every socket, leaves the cluster, closes the http server, ends an owned pool. */
  close(): Promise<void>;
}

/**
 * Socket.io on the API's http server. Browsers only listen: every event comes from the worker or
 * the API through PostgreSQL (see events/event-publisher.ts), so any API node can serve any client.
 */
export async function attachSocketServer(options: AttachSocketServerOptions): Promise<RealtimeServer> {
  const { httpServer, prisma, env } = options;
  const ownsPool = !options.pool;
  const pool = options.pool ?? createAdapterPool(env.DATABASE_URL);

  // serveClient off: the web app bundles socket.io-client itself. CORS as for /graphql (CORS_ORIGINS);
  // WebSocket upgrades are outside CORS, but a socket is nothing without the access token.
  const io: BrigadeServer = new Server(httpServer, { serveClient: false, cors: corsFor(env.CORS_ORIGINS ?? []) });
  const close = async () => {
    await io.close();
    if (ownsPool) await pool.end();
  };

  try {
    await installClusterAdapter(io, pool, options.readyTimeoutMs);
  } catch (err) {
    await close();
    throw err;
  }

  io.use(handshakeAuth(env.JWT_SECRET));
  io.on('connection', (socket) => {
    // The only automatic room: the tenant from the verified token. There is no join_tenant.
    void socket.join(tenantRoom(socket.data.tenantId));
    registerStationRooms(socket, prisma);
  });

  return { io, close };
}

function createAdapterPool(databaseUrl: string | undefined): Pool {
  if (!databaseUrl) throw new Error('DATABASE_URL is required for the Socket.io postgres adapter');
  const pool = new Pool({ connectionString: databaseUrl, max: 4, connectionTimeoutMillis: 5_000 });
  // An idle client dropped by the server is reported; the adapter reconnects on its own.
  pool.on('error', (err) => log.error({ err }, 'pg pool error'));
  // The adapter keeps one client checked out for LISTEN and handles its 'end' but not its
  // 'error': without a listener a database restart (or Ctrl-C reaching postgres first) would
  // crash the process with an unhandled 'error' event. The adapter reconnects on 'end'.
  pool.on('connect', (client) => client.on('error', (err) => log.error({ err }, 'pg listener error')));
  return pool;
}
