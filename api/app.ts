import { existsSync } from 'node:fs';
import { createServer, type Server as HttpServer } from 'node:http';
import path from 'node:path';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import { Pool } from 'pg';
import { createCounterFire, type CounterFire } from '../core/kitchen/counter-fire';
import { createEventPublisher, type EventPublisher } from '../events/event-publisher';
import { createLearnedDurationsCache, LEARNED_CACHE_MS } from '../core/kitchen-read/learned-durations';
import type { Env } from '../config/env';
import { tenantCacheLimits, type TenantCacheLimits } from '../config/tenant-caches';
import { componentLogger } from '../config/logger';
import { pgPool, type Db } from '../db/client';
import { createYoga } from './graphql/yoga';
import { requestIds } from './request-id';
import { corsMiddleware, securityHeaders } from './http-security';
import { healthRouter, type TemporalHandle } from './health';
import { watchItemWorkflows } from '../core/tasks/item-workflow-watch';
import { attachSocketServer } from './realtime/socket-server';
import type { BrigadeServer } from './realtime/socket-types';
import { platformWebhookRouter } from './webhooks/platform-webhooks';
import { createRateLimits } from './rate-limits/rate-limits';
import { CLEAR_EXPIRED_EVERY_MS, clearExpiredRateLimits } from './rate-limits/store';
import { webhookRateLimit } from './rate-limits/webhook-limit';
import { publicHeaders, publicRoutes } from './public/public-routes';

export interface BuildAppOptions {
  prisma: Db;
  env: Env;
  temporal?: TemporalHandle | null;
  /** The built web app (Vite output); defaults to <repo>/web/dist. */
  webDist?: string;
  /** Pool for the Socket.io postgres adapter; created from env.DATABASE_URL when absent. */
  pool?: Pool;
  /** Real-time publisher for events the API itself raises (order:created…); created from pool / DATABASE_URL when absent. */
  events?: EventPublisher;
}

export interface BuiltApp {
  app: Express;
  httpServer: HttpServer;
  io: BrigadeServer;
  /** Closes sockets, the cluster adapter (and its own pool) and the http server. */
  close(): Promise<void>;
}

/** Everything under these answers JSON, never the SPA's index.html. */
const API_PREFIXES = ['/api', '/graphql', '/healthz', '/socket.io', '/webhooks', '/public'];
/** The public pages' paths in the web app (board screens, tracking links): their token is in the URL. */
const PUBLIC_PAGES = ['/board', '/track'];

const log = componentLogger('api');

const isApiPath = (p: string) => API_PREFIXES.some((prefix) => p === prefix || p.startsWith(`${prefix}/`));

/** Builds the app without listening (api/server.ts listens), so tests and tools can compose it. */
export async function buildApp(options: BuildAppOptions): Promise<BuiltApp> {
  const { prisma, env } = options;
  const temporal = options.temporal ?? null;
  const webDist = path.resolve(options.webDist ?? path.join(env.ROOT, 'web', 'dist'));

  const app = express();
  app.disable('x-powered-by');
  // Behind a load balancer (compose: nginx) req.ip would be the proxy's for every client.
  app.set('trust proxy', env.TRUST_PROXY);
  app.use(requestIds());
  app.use(securityHeaders());
  app.use(['/graphql', '/api'], corsMiddleware(env.CORS_ORIGINS));

  app.use(healthRouter({ prisma, temporal, taskQueue: env.TEMPORAL_TASK_QUEUE }));
  // Events go out through PostgreSQL like the worker's, so every API node's sockets receive them.
  const events = options.events ?? ownPublisher(options.pool, env.DATABASE_URL);
  const watch = temporal ? itemWorkflowWatch(options.pool, env.DATABASE_URL) : null;
  const kitchen = temporal
    ? {
        client: temporal.client,
        taskQueue: env.TEMPORAL_TASK_QUEUE,
        counterFire: events ? counterFire(prisma, events, tenantCacheLimits(env)) : undefined,
        itemWorkflows: watch?.watch,
      }
    : null;
  const rateLimits = createRateLimits(pgPool(prisma), env);
  const clearingLimits = setInterval(
    () => void clearExpiredRateLimits(pgPool(prisma)).catch((err) => componentLogger('rate-limits').error({ err }, 'clearing expired rate limits failed')),
    CLEAR_EXPIRED_EVERY_MS,
  );
  clearingLimits.unref();
  // Logout and deactivation close the user's sockets on every node, through the same channel as events.
  const accessRevoked = events ? (user: { tenantId: string; userId: string }) => events.disconnectUser(user.tenantId, user.userId) : null;
  const boardScreenRevoked = events ? (tenantId: string, screenId: string) => events.disconnectBoardScreen(tenantId, screenId) : null;
  const yoga = createYoga({ prisma, env, kitchen, events, accessRevoked, boardScreenRevoked, rateLimits });
  // Before any body parser: signatures are verified over the raw bytes.
  app.use(platformWebhookRouter({ prisma, kitchen, limit: webhookRateLimit(rateLimits.webhookPerPlatform) }));
  // Yoga is a Node request listener; its ServerAdapter type is not one of Express 5's overloads.
  app.use(yoga.graphqlEndpoint, yoga as unknown as RequestHandler);
  app.use('/public', publicRoutes({ prisma, limits: rateLimits.public }));
  app.use(PUBLIC_PAGES, publicHeaders);
  app.use((req, res, next) => (isApiPath(req.path) ? notFound(req, res, next) : next()));
  app.use(webApp(webDist, displayName(env.ROOT, webDist)));
  app.use(notFound);
  app.use(jsonErrors);

  const httpServer = createServer(app);
  const closeEvents = async () => {
    clearInterval(clearingLimits);
    await watch?.close();
    if (events && events !== options.events) await events.close();
  };
  const publicPages = { prisma, limits: rateLimits.public, trustedHops: env.TRUST_PROXY };
  const realtime = await attachSocketServer({ httpServer, prisma, env, pool: options.pool, publicPages }).catch(async (err) => {
    await closeEvents();
    throw err;
  });
  const close = async () => {
    await realtime.close();
    await closeEvents();
  };
  return { app, httpServer, io: realtime.io, close };
}

/** The API's own learned-durations cache: the worker's completions are seen within LEARNED_CACHE_MS. */
function counterFire(prisma: Db, events: EventPublisher, limits: TenantCacheLimits): CounterFire {
  const clock = () => new Date();
  return createCounterFire({ prisma, events, clock, learned: createLearnedDurationsCache(LEARNED_CACHE_MS, Date.now, limits) });
}

/** On the given pool, or on a one-connection pool of its own (ended on close). */
function itemWorkflowWatch(pool: Pool | undefined, databaseUrl: string | undefined) {
  const own = pool ? null : databaseUrl ? new Pool({ connectionString: databaseUrl, max: 1 }) : null;
  const on = pool ?? own;
  if (!on) return null;
  own?.on('error', (err) => componentLogger('kds').error({ err }, 'item workflow watch connection error'));
  const watch = watchItemWorkflows(on);
  const close = async () => {
    await watch.close();
    await own?.end();
  };
  return { watch, close };
}

function ownPublisher(pool: Pool | undefined, databaseUrl: string | undefined): EventPublisher | null {
  if (pool) return createEventPublisher({ pool });
  return databaseUrl ? createEventPublisher({ databaseUrl }) : null;
}

const notFound: RequestHandler = (req, res) => {
  res.status(404).json({ error: { code: 'NOT_FOUND', message: `No route for ${req.method} ${req.path}` } });
};

/** Express 5 forwards async errors here; the client never sees a stack or SQL message. */
const jsonErrors: ErrorRequestHandler = (err, req, res, _next) => {
  log.error({ err, method: req.method, path: req.path }, 'request failed');
  if (res.headersSent) return;
  const status = typeof err?.status === 'number' && err.status >= 400 && err.status < 500 ? err.status : 500;
  const code = status === 500 ? 'INTERNAL' : 'BAD_REQUEST';
  res.status(status).json({ error: { code, message: status === 500 ? 'Internal server error' : String(err.message) } });
};

/**
 * The built web app at `/`, with client-side routes falling back to index.html. Vite's hashed
 * files under /assets never change, so they are cached for a year; index.html never is.
 * Whether the build exists is checked per request so `npm run build:web` works without a restart.
 */
function webApp(webDist: string, displayDir: string): RequestHandler {
  const indexHtml = path.join(webDist, 'index.html');
  const serveStatic = express.static(webDist, {
    index: false,
    setHeaders(res, file) {
      const immutable = file.startsWith(path.join(webDist, 'assets') + path.sep);
      res.set('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });

  return (req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return next();
    if (!existsSync(indexHtml)) {
      if (path.extname(req.path)) return next();
      return res.status(200).type('html').send(notBuiltPage(displayDir));
    }
    serveStatic(req, res, () => {
      // A missing file (a stale asset URL) is a 404, not the SPA shell with the wrong MIME type.
      if (path.extname(req.path)) return next();
      // A public page has said no-store already (publicHeaders).
      if (!res.get('Cache-Control')) res.set('Cache-Control', 'no-cache');
      res.sendFile(indexHtml);
    });
  };
}

/** The directory relative to the repo; an outside path is not shown at all (server layout stays private). */
function displayName(root: string, dir: string): string {
  const relative = path.relative(root, dir);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : 'the web build directory';
}

function notBuiltPage(displayDir: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Brigade</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto">
<h1>Brigade API is running</h1>
<p>The web app is not built yet (no <code>index.html</code> in <code>${escapeHtml(displayDir)}</code>).</p>
<p>Build it with <code>npm run build:web</code>, then reload this page.
The API itself is up: GraphQL at <a href="/graphql">/graphql</a>, health at <a href="/healthz">/healthz</a>.</p>
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] as string);
}
