import { randomUUID } from 'node:crypto';
import express, { type Request, type Response } from 'express';
import type { PlatformMenuItem } from '../contracts/platform-activities';
import type { SandboxControl } from './control';
import type { SandboxContext } from './context';
import { sandboxNow, type SandboxOrder } from './state';
import { setTimeout as sleep } from 'node:timers/promises';

type Result = { status: number; body: unknown };
const ok = (body: unknown = { ok: true }): Result => ({ status: 200, body });
const fail = (status: number, error: string): Result => ({ status, body: { error } });

/**
 * Runs a mutating call once per Idempotency-Key (a repeat gets the first answer, flagged
 * `replayed` in the ledger) and then, for an injected slow fault, answers late: the change has
 * already committed, exactly the case that tempts a client to send it again.
 */
async function act(ctx: SandboxContext, res: Response, apply: () => Result): Promise<void> {
  const entry = res.locals.entry as { idempotencyKey: string | null; replayed: boolean };
  const key = entry.idempotencyKey;
  let result = key ? ctx.state.idempotent.get(key) : undefined;
  if (result) entry.replayed = true;
  else {
    result = apply();
    if (key && result.status < 500) ctx.state.idempotent.set(key, result);
  }
  const delayMs = res.locals.delayMs as number | undefined;
  if (delayMs) await sleep(delayMs);
  if (!res.writableEnded && !res.destroyed) res.status(result.status).json(result.body);
}

const ORDER_FLOW: Record<string, SandboxOrder['status'][]> = {
  preparing: ['accepted'],
  ready: ['accepted', 'preparing'],
  picked_up: ['ready'],
  delivered: ['picked_up'],
  cancelled: ['placed', 'accepted', 'preparing', 'ready'],
};

export function marketplaceRoutes(ctx: SandboxContext, control: SandboxControl) {
  const { state } = ctx;
  const router = express.Router();
  const order = (req: Request) => {
    control.expireDeadlines();
    return state.orders.get(String(req.params.id));
  };

  router.put('/menu', (req, res) =>
    act(ctx, res, () => {
      const items = (req.body?.items ?? []) as PlatformMenuItem[];
      const upload = { id: `upl_${randomUUID()}`, status: 'processing' as const, errors: [] };
      state.uploads.set(upload.id, upload);
      // Asynchronous like the real ones: accepted now, processed later, result polled.
      setTimeout(() => control.finishUpload(upload.id, items), ctx.opts.menuProcessingMs).unref();
      return { status: 202, body: { uploadId: upload.id } };
    }),
  );
  router.get('/menu/uploads/:id', (req, res) => {
    const upload = state.uploads.get(req.params.id);
    res.status(upload ? 200 : 404).json(upload ?? { error: 'no such upload' });
  });
  router.put('/items/:productId', (req, res) =>
    act(ctx, res, () => {
      const productId = req.params.productId;
      if (state.rejectProducts.has(productId)) return fail(422, `product ${productId} rejected: invalid data`);
      const body = req.body as Partial<PlatformMenuItem>;
      state.items.set(productId, { productId, name: String(body.name), price: Number(body.price), available: body.available !== false });
      return ok();
    }),
  );
  router.post('/items/:productId/availability', (req, res) =>
    act(ctx, res, () => {
      const item = state.items.get(req.params.productId);
      if (!item) return fail(404, 'no such item');
      item.available = Boolean(req.body?.available);
      return ok();
    }),
  );
  router.put('/store/status', (req, res) =>
    act(ctx, res, () => {
      const status = req.body?.status;
      if (!['online', 'paused', 'busy'].includes(status)) return fail(400, 'status must be online, paused or busy');
      state.store = { status, extraMinutes: Number(req.body?.extraMinutes ?? 0) };
      return ok();
    }),
  );
  router.get('/orders', (req, res) => {
    control.expireDeadlines();
    const since = req.query.since ? Date.parse(String(req.query.since)) : 0;
    res.json({ orders: [...state.orders.values()].filter((o) => Date.parse(o.createdAt!) >= since) });
  });
  router.get('/orders/:id', (req, res) => {
    const found = order(req);
    res.status(found ? 200 : 404).json(found ?? { error: 'no such order' });
  });
  router.post('/orders/:id/accept', (req, res) =>
    act(ctx, res, () => {
      const o = order(req);
      if (!o) return fail(404, 'no such order');
      if (o.status !== 'placed') return fail(409, `order is ${o.status}`);
      if (!req.body?.promisedReadyAt) return fail(400, 'promisedReadyAt is required');
      o.status = 'accepted';
      o.promisedReadyAt = String(req.body.promisedReadyAt);
      o.readyTimes.push(o.promisedReadyAt);
      return ok(o);
    }),
  );
  router.post('/orders/:id/deny', (req, res) =>
    act(ctx, res, () => {
      const o = order(req);
      if (!o) return fail(404, 'no such order');
      if (o.status !== 'placed') return fail(409, `order is ${o.status}`);
      o.status = 'denied';
      o.denyReason = String(req.body?.reason ?? '');
      return ok(o);
    }),
  );
  router.post('/orders/:id/status', (req, res) =>
    act(ctx, res, () => {
      const o = order(req);
      const next = String(req.body?.status);
      if (!o) return fail(404, 'no such order');
      if (!ORDER_FLOW[next]) return fail(400, 'unknown status');
      if (!ORDER_FLOW[next].includes(o.status)) return fail(409, `cannot go from ${o.status} to ${next}`);
      o.status = next as SandboxOrder['status'];
      if (next === 'ready') o.readyAt = new Date(sandboxNow(state)).toISOString();
      return ok(o);
    }),
  );
  router.post('/orders/:id/ready-time', (req, res) =>
    act(ctx, res, () => {
      const o = order(req);
      if (!o) return fail(404, 'no such order');
      if (!['accepted', 'preparing'].includes(o.status)) return fail(409, `order is ${o.status}`);
      o.promisedReadyAt = String(req.body?.readyAt);
      o.readyTimes.push(o.promisedReadyAt);
      return ok(o);
    }),
  );
  return router;
}
