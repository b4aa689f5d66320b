import { fork, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { io as connect, type Socket as ClientSocket } from 'socket.io-client';
import { createEventPublisher, type EventPublisher } from '../../events/event-publisher';
import { loadEnv, type Env } from '../../config/env';
import type { ClientToServerEvents, ServerToClientEvents } from '../../contracts/socket-events';
import type { Db } from '../../db/client';
import type { Role } from '../../prisma/generated/client';
import { signAccessToken, type AuthClaims } from '../../core/auth/tokens';
import { attachSocketServer } from '../../api/realtime/socket-server';
import type { BrigadeServer } from '../../api/realtime/socket-types';
import type { ApiNodeEmit } from './emit-target';

/** Test-only helpers for real socket.io-client connections (imported by *.test.ts only). */
export type BrigadeClient = ClientSocket<ServerToClientEvents, ClientToServerEvents>;

export type TokenSubject = Pick<AuthClaims, 'tenantId' | 'tenantSlug'> & Partial<AuthClaims>;

/** A tenant with its users (createTestTenant): sockets connect only as an active user of the tenant. */
export type SocketTenant = { id: string; slug: string; users: Record<Role, { id: string }> };

/** An access token of the tenant's user with `role` (OWNER by default: it may receive every event). */
export function userTokenFor(tenant: SocketTenant, secret: string, role: Role = 'OWNER', ttl: string | number = '15m'): string {
  return accessTokenFor({ tenantId: tenant.id, tenantSlug: tenant.slug, userId: tenant.users[role].id, role }, secret, ttl);
}

export function accessTokenFor(subject: TokenSubject, secret: string, ttl: string | number = '15m'): string {
  return signAccessToken({ userId: subject.userId ?? randomUUID(), role: subject.role ?? 'STAFF', name: subject.name ?? 'Test cook', ...subject }, secret, ttl);
}

function open(url: string, auth: Record<string, unknown>): BrigadeClient {
  // websocket only, no reconnection: a refused handshake must surface once, not be retried.
  return connect(url, { auth, transports: ['websocket'], reconnection: false, forceNew: true });
}

/**
 * Resolves with a connected client once the server has put it in its rooms (its
 * `realtime:resume`), rejects with the server's connect_error.
 */
export function connectClient(url: string, token: string, lastSeq?: number): Promise<BrigadeClient> {
  const socket = open(url, lastSeq === undefined ? { token } : { token, lastSeq });
  return new Promise((resolve, reject) => {
    socket.once('realtime:resume', () => resolve(socket));
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

/** The error a refused handshake produces on the client. */
export function connectError(url: string, auth: Record<string, unknown>): Promise<Error & { data?: unknown }> {
  const socket = open(url, auth);
  return new Promise((resolve, reject) => {
    socket.once('connect', () => {
      socket.close();
      reject(new Error('handshake was accepted'));
    });
    socket.once('connect_error', (err) => {
      socket.close();
      resolve(err);
    });
  });
}

/** Every server event a client receives, in order, for negative assertions. */
export function recordEvents(socket: BrigadeClient): Array<{ event: string; payload: unknown }> {
  const seen: Array<{ event: string; payload: unknown }> = [];
  socket.onAny((event: string, payload: unknown) => seen.push({ event, payload }));
  return seen;
}

/** The first `event` whose payload matches; rejects after timeoutMs so a missing event fails fast. */
export function nextEvent<E extends keyof ServerToClientEvents>(
  socket: BrigadeClient,
  event: E,
  match: (payload: Parameters<ServerToClientEvents[E]>[0]) => boolean = () => true,
  timeoutMs = 5_000,
): Promise<Parameters<ServerToClientEvents[E]>[0]> {
  return new Promise((resolve, reject) => {
    const onEvent = (payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (!match(payload)) return;
      clearTimeout(timer);
      socket.offAny(listener);
      resolve(payload);
    };
    const listener = (name: string, payload: Parameters<ServerToClientEvents[E]>[0]) => {
      if (name === event) onEvent(payload);
    };
    const timer = setTimeout(() => {
      socket.offAny(listener);
      reject(new Error(`no ${String(event)} within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.onAny(listener);
  });
}

export async function listenOnFreePort(server: HttpServer): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

/** One API node's socket server on port 0 plus a publisher with its own pool (the "worker"). */
export interface RealtimeFixture {
  env: Env;
  baseUrl: string;
  /** The node's Socket.io server (its adapter is `io.of('/').adapter`). */
  io: BrigadeServer;
  publisher: EventPublisher;
  /** A connected client of the tenant's user with `role` (OWNER by default); closed by close(). */
  clientOf(tenant: SocketTenant, role?: Role): Promise<BrigadeClient>;
  close(): Promise<void>;
}

/** Clients connected as a tenant's user, kept so a fixture's close() disconnects them all. */
function tenantClients(url: string, jwtSecret: string) {
  const open: BrigadeClient[] = [];
  return {
    async connect(tenant: SocketTenant, role?: Role): Promise<BrigadeClient> {
      const client = await connectClient(url, userTokenFor(tenant, jwtSecret, role));
      open.push(client);
      return client;
    },
    closeAll() {
      for (const client of open) client.close();
    },
  };
}

export async function startRealtimeFixture(prisma: Db): Promise<RealtimeFixture> {
  const env = loadEnv({ ...process.env, NODE_ENV: 'test', JWT_SECRET: `realtime-test-${randomUUID()}` });
  const httpServer = createServer();
  const realtime = await attachSocketServer({ httpServer, prisma, env });
  const baseUrl = await listenOnFreePort(httpServer);
  const publisher = createEventPublisher({ databaseUrl: env.DATABASE_URL! });
  const clients = tenantClients(baseUrl, env.JWT_SECRET);
  return {
    env,
    baseUrl,
    io: realtime.io,
    publisher,
    clientOf: clients.connect,
    async close() {
      clients.closeAll();
      await publisher.close();
      await realtime.close();
    },
  };
}

/** An API node in a child process (test/support/api-node-process.ts): the real app, its own Socket.io server and adapter. */
export interface ApiProcess {
  url: string;
  /** Publishes through the node's own event publisher; resolves once it was handed to PostgreSQL. */
  emit(message: Omit<ApiNodeEmit, 'type' | 'id'>): Promise<void>;
  /** A connected client of the tenant's user with `role` (OWNER by default) on this node; closed by stop(). */
  clientOf(tenant: SocketTenant, role?: Role): Promise<BrigadeClient>;
  stop(): Promise<void>;
}

const API_PROCESS_START_MS = 60_000;

export async function startApiProcess(env: { DATABASE_URL: string; JWT_SECRET: string }): Promise<ApiProcess> {
  const child: ChildProcess = fork(path.join(__dirname, 'api-node-process.ts'), [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, ...env },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`API process not ready within ${API_PROCESS_START_MS} ms`)), API_PROCESS_START_MS);
    child.once('exit', (code, signal) => reject(new Error(`API process exited (${signal ?? code}) before it was ready`)));
    child.on('message', (msg: { type: string; url?: string }) => {
      if (msg.type !== 'ready') return;
      clearTimeout(timer);
      resolve(msg.url!);
    });
  }).catch((err) => {
    child.kill('SIGKILL');
    throw err;
  });
  const clients = tenantClients(url, env.JWT_SECRET);
  return {
    url,
    emit(message) {
      const id = randomUUID();
      return new Promise<void>((resolve, reject) => {
        const onMessage = (msg: { type: string; id?: string }) => {
          if (msg.type !== 'emitted' || msg.id !== id) return;
          child.off('message', onMessage);
          resolve();
        };
        child.on('message', onMessage);
        child.send({ type: 'emit', id, ...message } satisfies ApiNodeEmit, (err) => err && reject(err));
      });
    },
    clientOf: clients.connect,
    async stop() {
      clients.closeAll();
      if (child.exitCode !== null || child.signalCode !== null) return;
      const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.send({ type: 'stop' });
      await exited;
      clearTimeout(force);
    },
  };
}
