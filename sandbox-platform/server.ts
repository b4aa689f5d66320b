import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import express, { type Request, type Response } from 'express';
import type { PlatformOrderLine } from '../platforms/connector';
import { createControl, type SandboxControl } from './control';
import type { SandboxContext, SandboxOptions } from './context';
import { checkBearer, oauthRoutes } from './oauth';
import { marketplaceRoutes } from './routes';
import { createState, takeFault, type LedgerEntry } from './state';

export interface SandboxPlatform {
  url: string;
  control: SandboxControl;
  stop(): Promise<void>;
}

/**
 * A local delivery marketplace for tests and demos: its REST API (routes.ts), signed webhooks
 * (webhooks.ts), and a control surface to inject orders, faults and time (control.ts, also over
 * HTTP under /_control). Every API call lands in the ledger.
 */
export async function startSandboxPlatform(options: SandboxOptions = {}): Promise<SandboxPlatform> {
  const ctx: SandboxContext = {
    state: createState(),
    opts: { acceptWindowMs: 5 * 60_000, menuProcessingMs: 100, ...options },
    target: { current: options.webhook ?? null },
    deliveries: [],
    pending: new Set(),
  };
  const control = createControl(ctx);
  const app = express();
  app.use(express.json({ limit: '2mb' }));
  app.use('/_control', controlRoutes(control));
  app.use(
    '/oauth',
    oauthRoutes(ctx, (req) => record(ctx, req)),
  );
  app.use('/v1', (req, res, next) => guard(ctx, req, res, next));
  app.use('/v1', marketplaceRoutes(ctx, control));
  const server = createServer(app);
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, options.host ?? '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // Real time also runs out: a placed order nobody answers is auto-cancelled.
  const timer = setInterval(() => control.expireDeadlines(), 250);
  timer.unref();
  return {
    url,
    control,
    async stop() {
      clearInterval(timer);
      await Promise.allSettled([...ctx.pending]);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Every call the marketplace receives goes into the ledger (path as the client sent it). */
function record(ctx: SandboxContext, req: Request): LedgerEntry {
  const entry: LedgerEntry = {
    seq: ctx.state.ledger.length + 1,
    at: new Date().toISOString(),
    method: req.method,
    path: req.originalUrl.split('?')[0],
    body: req.body ?? null,
    status: 0,
    idempotencyKey: req.get('idempotency-key') ?? null,
    replayed: false,
    fault: null,
  };
  ctx.state.ledger.push(entry);
  return entry;
}

/** Ledger, auth and injected faults, before any route runs. */
function guard(ctx: SandboxContext, req: Request, res: Response, next: () => void) {
  const entry = record(ctx, req);
  res.locals.entry = entry;
  res.on('finish', () => (entry.status = res.statusCode));
  const auth = checkBearer(ctx, req.get('authorization'));
  if (!auth.ok) return void res.status(401).json({ error: auth.error });
  const fault = takeFault(ctx.state, req.method, entry.path);
  entry.fault = fault?.kind ?? null;
  if (fault?.kind === 'token-expired') {
    // Like a real expiry: the token presented is dead from now on, not only for this call.
    if (auth.token) ctx.state.tokens.delete(auth.token);
    return void res.status(401).json({ error: 'token expired' });
  }
  if (fault?.kind === '429')
    return void res
      .status(429)
      .set('Retry-After', String(fault.retryAfterSeconds ?? 1))
      .json({ error: 'rate limited' });
  if (fault?.kind === '500') return void res.status(500).json({ error: 'internal error (injected)' });
  if (fault?.kind === 'slow') res.locals.delayMs = fault.delayMs ?? 2_000;
  next();
}

function controlRoutes(control: SandboxControl) {
  const router = express.Router();
  router.post('/orders', async (req, res) => {
    const body = req.body as { id?: string; items: PlatformOrderLine[]; deliveries?: number };
    res.status(201).json(await control.injectOrder({ id: body.id ?? `ord_${randomUUID().slice(0, 8)}`, items: body.items, deliveries: body.deliveries }));
  });
  router.post('/faults', (req, res) => {
    const { match, kind, times, retryAfterSeconds, delayMs } = req.body as {
      match: string;
      kind: '429' | '500' | 'slow' | 'token-expired';
      times?: number;
      retryAfterSeconds?: number;
      delayMs?: number;
    };
    control.injectFault({ match: new RegExp(match), kind, times: times ?? 1, retryAfterSeconds, delayMs });
    res.status(204).end();
  });
  router.post('/clock', (req, res) => {
    control.advanceClock(Number((req.body as { ms: number }).ms));
    res.status(204).end();
  });
  router.post('/tokens/expire', (_req, res) => {
    control.expireTokens();
    res.status(204).end();
  });
  router.get('/ledger', (_req, res) => void res.json({ ledger: control.ledger() }));
  router.get('/orders', (_req, res) => void res.json({ orders: control.orders() }));
  return router;
}
