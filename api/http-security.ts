import cors, { type CorsOptionsDelegate } from 'cors';
import type { RequestHandler } from 'express';
import helmet from 'helmet';

/**
 * helmet's headers, with a Content-Security-Policy the built web app passes as it is: Vite emits
 * its scripts and styles as files under /assets (no inline script or style in index.html), the
 * icon is a data: URL, and GraphQL and Socket.io are same-origin. No page may frame Brigade. No
 * upgrade-insecure-requests: kitchens run it over plain http on their own network. The GraphiQL
 * page brings its own policy (api/graphql/developer-tools.ts).
 */
export function securityHeaders(): RequestHandler {
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        scriptSrcAttr: ["'none'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
    xFrameOptions: { action: 'deny' },
  });
}

/**
 * CORS for the origins in CORS_ORIGINS, and for no other: a listed origin gets its own origin back
 * with credentials, any other origin gets no CORS header at all (same-origin pages need none).
 * The same delegate serves Express and Socket.io's polling transport.
 */
export function corsFor(origins: readonly string[]): CorsOptionsDelegate {
  const allowed = new Set(origins);
  return (req, callback) => {
    const origin = req.headers.origin;
    callback(null, origin && allowed.has(origin) ? { origin, credentials: true, maxAge: 600 } : { origin: false });
  };
}

export function corsMiddleware(origins: readonly string[]): RequestHandler {
  return cors(corsFor(origins));
}
