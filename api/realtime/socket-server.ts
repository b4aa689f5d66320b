import type { Server as HttpServer } from 'node:http';
import { Pool } from 'pg';
import { Server } from 'socket.io';
import type { Env } from '../../config/env';
import { componentLogger } from '../../config/logger';
import { corsFor } from '../http-security';
import type { Db } from '../../db/client';
import { ensureEventLog, pruneEventLog } from '../../events/event-log';
import { installClusterAdapter } from './cluster-adapter';
import { watchListener } from './listener-recovery';
import { handshakeAuth, handshakeLastSeq } from './handshake-auth';
import { registerPublicNamespace, type PublicPagesOptions } from './public-namespace';
import { joinAndResume } from './resume';
import type { BrigadeServer } from './socket-types';
import { registerStationRooms } from './station-rooms';

const log = componentLogger('realtime');
const PRUNE_EVERY_MS = 60_000;

export interface AttachSocketServerOptions {
  httpServer: HttpServer;
  prisma: Db;
  env: Pick<Env, 'JWT_SECRET' | 'DATABASE_URL'> & Partial<Pick<Env, 'CORS_ORIGINS'>>;
  /** The adapter's pool (it holds one connection for LISTEN). Created from DATABASE_URL when absent. */
  pool?: Pool;
  /** How long to wait for the adapter's LISTEN before giving up (startup fails loudly). */
  readyTimeoutMs?: number;
  /** The pickup boards' and tracking pages' namespace (public-namespace.ts); absent: not served. */
  publicPages?: PublicPagesOptions;
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
  // Every node prunes; the DELETEs are idempotent and cheap next to the inserts.
  const pruning = setInterval(() => void pruneEventLog(pool).catch((err) => log.error({ err }, 'event log prune failed')), PRUNE_EVERY_MS);
  pruning.unref();
  // Before the adapter takes its LISTEN connection, and before the resume handler below.
  const recovery = watchListener(io, pool);
  const close = async () => {
    clearInterval(pruning);
    recovery.close();
    await io.close();
    if (ownsPool) await pool.end();
  };

  // Before the adapter: its start-up LISTENs every namespace there is, and waits until it does.
  if (options.publicPages) registerPublicNamespace(io, options.publicPages);
  try {
    await installClusterAdapter(io, pool, options.readyTimeoutMs);
    await ensureEventLog(pool);
  } catch (err) {
    await close();
    throw err;
  }

  io.use(handshakeAuth(env.JWT_SECRET, prisma));
  io.on('connection', (socket) => {
    // Before anything async: a client's first join_station may already be on its way.
    registerStationRooms(socket, prisma);
    // Automatic rooms only, from the verified token and role: the tenant's permission rooms and
    // the user's own. There is no join_tenant.
    joinAndResume(socket, pool, handshakeLastSeq(socket.handshake.auth)).catch((err) => {
      log.error({ err, tenantId: socket.data.tenantId }, 'socket resume failed');
      // A transport close, so the client reconnects with its backoff and asks again.
      socket.conn.close();
    });
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
