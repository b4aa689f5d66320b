import { Router, type ErrorRequestHandler, type Request, type RequestHandler, type Response } from 'express';
import { isAppError } from '../../contracts/errors';
import type { PublicError } from '../../contracts/public-views';
import { linkNotFound } from '../../core/customer-view/public-tokens';
import { readBoard } from '../../core/customer-view/read-board';
import { readTracking } from '../../core/customer-view/read-tracking';
import type { Db } from '../../db/client';
import { consumePublic, recordPublicMiss, type PublicLimiters } from '../rate-limits/public-limit';
import { clientIp } from './client-ip';

export interface PublicRoutesOptions {
  prisma: Db;
  limits: PublicLimiters;
  clock?: () => Date;
}

/**
 * What a public page (a link, a screen) gets: never stored by a browser or proxy, never indexed,
 * never sent on as a referrer (helmet's Referrer-Policy: no-referrer already covers the last).
 */
export const publicHeaders: RequestHandler = (_req, res, next) => {
  res.set('Cache-Control', 'no-store');
  res.set('X-Robots-Tag', 'noindex, nofollow');
  next();
};

/**
 * GET /public/board/:token and /public/track/:token, for the pages without a user: the token in
 * the URL is the only credential. JSON only: 200 with the view, 404 NOT_FOUND for every token
 * that opens nothing (wrong, revoked, malformed, oversized, finished long ago: one answer), 429
 * RATE_LIMITED with Retry-After per client IP.
 */
export function publicRoutes({ prisma, limits, clock = () => new Date() }: PublicRoutesOptions): Router {
  const router = Router();
  router.use(publicHeaders);
  router.get(
    '/board/:token',
    answer(limits, (token) => readBoard({ prisma, input: { token }, now: clock() })),
  );
  router.get(
    '/track/:token',
    answer(limits, (token) => readTracking({ prisma, input: { token }, now: clock() })),
  );
  router.use(undecodableToken);
  return router;
}

/** A token Express cannot even percent-decode opens nothing either: the same 404 as any other. */
const undecodableToken: ErrorRequestHandler = (err, _req, res, next) => {
  if ((err as { status?: unknown }).status !== 400) return next(err);
  const body: PublicError = { error: { code: 'NOT_FOUND', message: linkNotFound().message } };
  res.status(404).json(body);
};

function answer(limits: PublicLimiters, read: (token: string) => Promise<unknown>): RequestHandler {
  return async (req: Request, res: Response) => {
    const ip = clientIp(req);
    try {
      await consumePublic(limits, ip);
      res.json(await read(String(req.params.token)));
    } catch (err) {
      if (!isAppError(err) || (err.code !== 'NOT_FOUND' && err.code !== 'RATE_LIMITED')) throw err;
      if (err.code === 'NOT_FOUND') await recordPublicMiss(limits, ip);
      else res.set('Retry-After', String(err.details?.retryAfterSeconds ?? 1));
      const body: PublicError = { error: { code: err.code, message: err.message } };
      res.status(err.code === 'NOT_FOUND' ? 404 : 429).json(body);
    }
  };
}
