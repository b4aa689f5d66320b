import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';

/** A caller's id is kept only when it is short and plain; anything else gets a fresh one. */
const CLIENT_ID = /^[\w.:-]{1,64}$/;

/**
 * Gives every request an id (the caller's X-Request-Id, e.g. from nginx, else a new UUID) and
 * echoes it. The request header is rewritten too, so the GraphQL context reads the same id and
 * its log lines carry it. Not AsyncLocalStorage: on Node 20 it slows every promise of the process.
 */
export function requestIds(): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const reqId = given && CLIENT_ID.test(given) ? given : randomUUID();
    req.headers['x-request-id'] = reqId;
    res.set('X-Request-Id', reqId);
    next();
  };
}
