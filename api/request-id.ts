import { randomUUID } from 'node:crypto';
import type { RequestHandler } from 'express';
import { requestScope } from '../config/logger';

/** A caller's id is kept only when it is short and plain; anything else gets a fresh one. */
const CLIENT_ID = /^[\w.:-]{1,64}$/;

/**
 * Gives every request an id (the caller's X-Request-Id, e.g. from nginx, else a new UUID),
 * echoes it in the response and tags every log line written while the request runs with it.
 */
export function requestIds(): RequestHandler {
  return (req, res, next) => {
    const given = req.get('x-request-id');
    const reqId = given && CLIENT_ID.test(given) ? given : randomUUID();
    res.set('X-Request-Id', reqId);
    requestScope.run({ reqId }, next);
  };
}
